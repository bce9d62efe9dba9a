// A shopper's try-on photos: uploaded once (with consent), kept for the shopper (signed-in user
// or anonymous cookie) and reused for every design and product until deleted — at once, or 7 days
// after upload. Each photo × design × product is a "look", rendered in the job queue with
// progress and shown to its owner through signed URLs. Blobs are content-addressed: one is
// deleted only when nothing references it.
import { isProductSlug, isRepeatIn, PRODUCT_SLUGS, REPEAT_IN, type ProductSlug } from '../design';
import { badRequest, HttpError, notFound } from '../http/errors';
import { enqueue, QUEUES } from '../queue';
import { deleteBlob, getBlob, putBlob } from '../storage';
import { TryonPhotoError } from './analyze';
import { designTileRgb, findDesignSummary, previewKeysInUse } from '../generation';
import { listingPhotoKeysInUse } from '../listings';
import { loadWorkImage, tryOn } from './engine';
import { encodeJpeg } from './raster';
import { signedFileUrl } from './signing';
import * as repo from './tryon-repository';
import { acceptPhoto, MAX_PHOTOS_PER_OWNER, UploadError } from './upload';
import { ALL_VARIANTS, VARIANT_LABELS, type VariantName } from './variants';

export const RETENTION_DAYS = 7;
const DAY_MS = 24 * 3600 * 1000;

export interface UploadFile {
  name: string;
  data: Buffer;
}

export type PhotoResult = { name: string; ok: true; status: 201; photoId: string } | { name: string; ok: false; status: number; error: { code: string; message: string } };

/** Validates and stores each file on its own (one bad file never stops the others). */
export async function addPhotos(ownerKey: string, files: UploadFile[], consent: boolean, now = new Date()): Promise<PhotoResult[]> {
  if (!consent) throw badRequest('Please confirm that the photos are of yourself before uploading.', 'consent_required');
  const results: PhotoResult[] = [];
  for (const file of files) {
    const name = (file.name || 'photo').slice(0, 200);
    try {
      const photo = await acceptPhoto(file.data);
      const { key, bytes } = await putBlob(photo.jpeg, { contentType: 'image/jpeg' });
      const row = await repo.addPhoto(MAX_PHOTOS_PER_OWNER, {
        ownerKey,
        name,
        blobKey: key,
        width: photo.width,
        height: photo.height,
        bytes,
        consentAt: now,
        expiresAt: new Date(now.getTime() + RETENTION_DAYS * DAY_MS),
      });
      if (!row) {
        await deleteUnreferenced([key]);
        throw new UploadError(409, `You can keep up to ${MAX_PHOTOS_PER_OWNER} photos: delete some first.`, 'too_many_photos');
      }
      results.push({ name, ok: true, status: 201, photoId: row.id });
    } catch (err) {
      if (err instanceof HttpError) results.push({ name, ok: false, status: err.status, error: { code: err.code ?? 'error', message: err.message } });
      else throw err;
    }
  }
  return results;
}

export interface LookSpec {
  designId: string;
  product: string;
  repeatIn?: number;
}

export interface RenderView {
  id: string;
  variant: string;
  label: string;
  url: string;
  width: number;
  height: number;
}

export interface PhotoView {
  id: string;
  name: string;
  photoUrl: string;
  consentAt: string;
  expiresAt: string;
  /** the photo wearing the asked design on the asked product (absent when none was asked) */
  look: { id: string; status: string; progress: number; stage: string | null; error: { code: string; message: string } | null; renders: RenderView[] } | null;
}

async function checkLook(spec: LookSpec) {
  if (!isProductSlug(spec.product)) throw badRequest(`product must be one of: ${PRODUCT_SLUGS.join(', ')}.`, 'invalid_product');
  const repeatIn = spec.repeatIn ?? REPEAT_IN.default;
  if (!isRepeatIn(repeatIn)) throw badRequest(`repeatIn must be between ${REPEAT_IN.min} and ${REPEAT_IN.max} inches.`, 'invalid_repeat');
  const design = await findDesignSummary(spec.designId);
  if (!design) throw notFound('No such design: pick a design first.');
  return { designId: design.id, productSlug: spec.product, repeatIn };
}

/**
 * The visitor's photos. With a design and product, each photo comes with its look for them,
 * and looks not made yet are queued (so the same photos show every design the shopper opens).
 */
export async function listPhotos(ownerKeys: string[], spec?: LookSpec): Promise<PhotoView[]> {
  const look = spec ? await checkLook(spec) : undefined;
  let photos = await repo.listPhotos(ownerKeys, look);
  if (look) {
    const missing = photos.filter((p) => !p.looks?.length).map((p) => p.id);
    const created = await repo.ensureLooks(missing, look);
    for (const lookId of created) await enqueue(QUEUES.tryonRender, { lookId });
    if (missing.length) photos = await repo.listPhotos(ownerKeys, look);
  }
  return photos.map((p) => {
    const l = p.looks?.[0];
    return {
      id: p.id,
      name: p.name,
      photoUrl: signedFileUrl('photo', p.id),
      consentAt: p.consentAt.toISOString(),
      expiresAt: p.expiresAt.toISOString(),
      look: l
        ? {
            id: l.id,
            status: l.status,
            progress: l.progress,
            stage: l.stage,
            error: l.status === 'FAILED' ? { code: l.errorCode ?? 'error', message: l.error ?? 'This photo could not be used.' } : null,
            renders: l.renders
              .slice()
              .sort((a, b) => ALL_VARIANTS.indexOf(a.variant as VariantName) - ALL_VARIANTS.indexOf(b.variant as VariantName))
              .map((r) => ({ id: r.id, variant: r.variant, label: VARIANT_LABELS[r.variant as VariantName] ?? r.variant, url: signedFileUrl('render', r.id), width: r.width, height: r.height })),
          }
        : null,
    };
  });
}

/** The blob behind a signed URL (the signature was checked by the caller). */
export async function fileBlob(kind: 'photo' | 'render', id: string): Promise<Buffer> {
  const now = new Date();
  if (kind === 'photo') {
    const p = await repo.findPhoto(id);
    if (!p || p.expiresAt <= now) throw notFound();
    return getBlob(p.blobKey);
  }
  const r = await repo.findRender(id);
  if (!r || r.look.photo.expiresAt <= now) throw notFound();
  return getBlob(r.blobKey);
}

/** Deletes blobs that no row references any more. Returns the keys deleted. */
export async function deleteUnreferenced(keys: string[]): Promise<string[]> {
  // blobs are shared by content: a design preview or listing photo may hold the same key
  const uses = await Promise.all([repo.keysInUse(keys), previewKeysInUse(keys), listingPhotoKeysInUse(keys)]);
  const gone = keys.filter((k) => !uses.some((s) => s.has(k)));
  for (const k of gone) await deleteBlob(k);
  return gone;
}

async function deletePhotosAndBlobs(photoIds: string[]): Promise<{ photos: number; blobs: number }> {
  if (!photoIds.length) return { photos: 0, blobs: 0 };
  const keys = await repo.blobKeysOfPhotos(photoIds);
  const { count } = await repo.deletePhotos(photoIds); // looks and renders cascade
  const gone = await deleteUnreferenced(keys);
  return { photos: count, blobs: gone.length };
}

/** "Delete my photos": every photo, look, render and blob of this owner, now. */
export async function deleteAllForOwner(ownerKeys: string[]) {
  return deletePhotosAndBlobs(await repo.photoIdsForOwner(ownerKeys));
}

/** Deletes one photo of this owner with everything rendered from it (someone else's is a 404). */
export async function deletePhoto(ownerKeys: string[], photoId: string) {
  const ids = await repo.photoIdsForOwner(ownerKeys, photoId);
  if (!ids.length) throw notFound('No such photo.');
  return deletePhotosAndBlobs(ids);
}

/** Deletes photos past their expiry (7 days after upload). */
export async function sweepExpired(now = new Date()): Promise<{ photos: number; blobs: number }> {
  let total = { photos: 0, blobs: 0 };
  for (;;) {
    const ids = await repo.expiredPhotoIds(now);
    if (!ids.length) return total;
    const r = await deletePhotosAndBlobs(ids);
    total = { photos: total.photos + r.photos, blobs: total.blobs + r.blobs };
  }
}

/** The queue job: renders one look and its gallery variants, recording progress and failure. */
export async function processLook(lookId: string): Promise<void> {
  const look = await repo.findLook(lookId);
  if (!look || look.status === 'DONE') return; // deleted meanwhile, or already rendered
  let lastWrite = 0;
  const progress = async (pct: number, stage: string) => {
    const now = Date.now();
    if (now - lastWrite < 250 && pct < 100) return;
    lastWrite = now;
    await repo.updateLook(lookId, { status: 'PROCESSING', progress: pct, stage });
  };
  try {
    await progress(2, 'starting');
    const img = await loadWorkImage(await getBlob(look.photo.blobKey));
    const tile = { rgb: await designTileRgb(look.designId), repeatIn: look.repeatIn };
    const result = await tryOn(img, tile, { product: look.productSlug as ProductSlug, onProgress: progress });
    await progress(96, 'saving');
    const stored: string[] = [];
    for (const v of result.variants) {
      const jpeg = await encodeJpeg(v.image, 86);
      const { key } = await putBlob(jpeg, { contentType: 'image/jpeg' });
      stored.push(key);
      try {
        await repo.upsertRender(lookId, v.name, { blobKey: key, width: v.image.w, height: v.image.h });
      } catch (err) {
        // the photo was deleted while we worked: leave nothing behind
        await deleteUnreferenced(stored);
        if (!(await repo.findLook(lookId))) return;
        throw err;
      }
    }
    await repo.updateLook(lookId, { status: 'DONE', progress: 100, stage: null, errorCode: null, error: null, timings: result.timings });
  } catch (err) {
    if (err instanceof TryonPhotoError) {
      await repo.updateLook(lookId, { status: 'FAILED', progress: 100, stage: null, errorCode: err.code, error: err.message });
      return;
    }
    console.error('[tryon] render failed', lookId, err);
    await repo.updateLook(lookId, { status: 'FAILED', progress: 100, stage: null, errorCode: 'engine_error', error: 'Something went wrong while rendering this photo. Please try another one.' });
  }
}
