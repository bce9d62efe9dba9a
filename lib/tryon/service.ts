// Try-on sets: create (with consent), add photos (validated one by one), render them in the
// job queue with progress, show them to their owner through signed URLs, delete them at once
// or after 7 days. Blobs are content-addressed: one is deleted only when nothing references it.
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
import { acceptPhoto, MAX_PHOTOS_PER_SET, UploadError } from './upload';
import { ALL_VARIANTS, VARIANT_LABELS, type VariantName } from './variants';

export const RETENTION_DAYS = 7;
const DAY_MS = 24 * 3600 * 1000;

export interface CreateSetInput {
  ownerKey: string;
  designId: string;
  product: string;
  repeatIn?: number;
  consent: boolean;
}

export async function createSet(input: CreateSetInput, now = new Date()) {
  if (!input.consent) throw badRequest('Please confirm that the photos are of yourself before uploading.', 'consent_required');
  if (!isProductSlug(input.product)) throw badRequest(`product must be one of: ${PRODUCT_SLUGS.join(', ')}.`, 'invalid_product');
  const repeatIn = input.repeatIn ?? REPEAT_IN.default;
  if (!isRepeatIn(repeatIn)) throw badRequest(`repeatIn must be between ${REPEAT_IN.min} and ${REPEAT_IN.max} inches.`, 'invalid_repeat');
  const design = await findDesignSummary(input.designId);
  if (!design) throw notFound('No such design: pick a design first.');
  return repo.createSet({ ownerKey: input.ownerKey, designId: design.id, productSlug: input.product, repeatIn, consentAt: now, expiresAt: new Date(now.getTime() + RETENTION_DAYS * DAY_MS) });
}

async function ownedSet(setId: string, ownerKeys: string[]) {
  const set = await repo.findSet(setId);
  // someone else's set looks exactly like a missing one
  if (!set || !ownerKeys.includes(set.ownerKey) || set.expiresAt <= new Date()) throw notFound('No such try-on set.');
  return set;
}

export interface UploadFile {
  name: string;
  data: Buffer;
}

export type PhotoResult = { name: string; ok: true; status: 201; photoId: string } | { name: string; ok: false; status: number; error: { code: string; message: string } };

/** Validates and stores each file on its own: one bad file never stops the others. */
export async function addPhotos(setId: string, ownerKeys: string[], files: UploadFile[]): Promise<PhotoResult[]> {
  const set = await ownedSet(setId, ownerKeys);
  const results: PhotoResult[] = [];
  for (const file of files) {
    const name = (file.name || 'photo').slice(0, 200);
    try {
      const photo = await acceptPhoto(file.data);
      const { key, bytes } = await putBlob(photo.jpeg, { contentType: 'image/jpeg' });
      const row = await repo.addPhoto(set.id, MAX_PHOTOS_PER_SET, { name, blobKey: key, width: photo.width, height: photo.height, bytes });
      if (!row) {
        await deleteUnreferenced([key]);
        throw new UploadError(409, `A try-on set holds up to ${MAX_PHOTOS_PER_SET} photos: delete some or start a new set.`, 'too_many_photos');
      }
      await enqueue(QUEUES.tryonRender, { photoId: row.id });
      results.push({ name, ok: true, status: 201, photoId: row.id });
    } catch (err) {
      if (err instanceof HttpError) results.push({ name, ok: false, status: err.status, error: { code: err.code ?? 'error', message: err.message } });
      else throw err;
    }
  }
  return results;
}

export interface SetView {
  id: string;
  designId: string;
  product: string;
  repeatIn: number;
  consentAt: string;
  expiresAt: string;
  photos: {
    id: string;
    name: string;
    status: string;
    progress: number;
    stage: string | null;
    error: { code: string; message: string } | null;
    photoUrl: string;
    renders: { id: string; variant: string; label: string; url: string; width: number; height: number }[];
  }[];
}

type SetRow = NonNullable<Awaited<ReturnType<typeof repo.findSet>>>;

function view(set: SetRow): SetView {
  return {
    id: set.id,
    designId: set.designId,
    product: set.productSlug,
    repeatIn: set.repeatIn,
    consentAt: set.consentAt.toISOString(),
    expiresAt: set.expiresAt.toISOString(),
    photos: set.photos.map((p) => ({
      id: p.id,
      name: p.name,
      status: p.status,
      progress: p.progress,
      stage: p.stage,
      error: p.status === 'FAILED' ? { code: p.errorCode ?? 'error', message: p.error ?? 'This photo could not be used.' } : null,
      photoUrl: signedFileUrl('photo', p.id),
      renders: p.renders
        .slice()
        .sort((a, b) => ALL_VARIANTS.indexOf(a.variant as VariantName) - ALL_VARIANTS.indexOf(b.variant as VariantName))
        .map((r) => ({ id: r.id, variant: r.variant, label: VARIANT_LABELS[r.variant as VariantName] ?? r.variant, url: signedFileUrl('render', r.id), width: r.width, height: r.height })),
    })),
  };
}

export async function getSetView(setId: string, ownerKeys: string[]): Promise<SetView> {
  return view(await ownedSet(setId, ownerKeys));
}

export async function listSetViews(ownerKeys: string[], filter: { designId?: string; product?: string } = {}): Promise<SetView[]> {
  const sets = await repo.listSetsForOwner(ownerKeys);
  return sets.filter((s) => (!filter.designId || s.designId === filter.designId) && (!filter.product || s.productSlug === filter.product)).map(view);
}

/** The blob behind a signed URL (the signature was checked by the caller). */
export async function fileBlob(kind: 'photo' | 'render', id: string): Promise<Buffer> {
  if (kind === 'photo') {
    const p = await repo.findPhoto(id);
    if (!p || p.set.expiresAt <= new Date()) throw notFound();
    return getBlob(p.blobKey);
  }
  const r = await repo.findRender(id);
  if (!r) throw notFound();
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

async function deleteSetsAndBlobs(setIds: string[]): Promise<{ sets: number; blobs: number }> {
  if (!setIds.length) return { sets: 0, blobs: 0 };
  const keys = await repo.blobKeysOfSets(setIds);
  const { count } = await repo.deleteSets(setIds); // photos and renders cascade
  const gone = await deleteUnreferenced(keys);
  return { sets: count, blobs: gone.length };
}

/** "Delete my photos": every set, photo, render and blob of this owner, now. */
export async function deleteAllForOwner(ownerKeys: string[]) {
  return deleteSetsAndBlobs(await repo.setIdsForOwner(ownerKeys));
}

/** Deletes sets past their expiry (7 days after upload). */
export async function sweepExpired(now = new Date()): Promise<{ sets: number; blobs: number }> {
  let total = { sets: 0, blobs: 0 };
  for (;;) {
    const ids = await repo.expiredSetIds(now);
    if (!ids.length) return total;
    const r = await deleteSetsAndBlobs(ids);
    total = { sets: total.sets + r.sets, blobs: total.blobs + r.blobs };
  }
}

/** The queue job: renders one photo and its gallery variants, recording progress and failure. */
export async function processPhoto(photoId: string): Promise<void> {
  const photo = await repo.findPhoto(photoId);
  if (!photo || photo.status === 'DONE') return; // deleted meanwhile, or already rendered
  const set = photo.set;
  let lastWrite = 0;
  const progress = async (pct: number, stage: string) => {
    const now = Date.now();
    if (now - lastWrite < 250 && pct < 100) return;
    lastWrite = now;
    await repo.updatePhoto(photoId, { status: 'PROCESSING', progress: pct, stage });
  };
  try {
    await progress(2, 'starting');
    const img = await loadWorkImage(await getBlob(photo.blobKey));
    const tile = { rgb: await designTileRgb(set.designId), repeatIn: set.repeatIn };
    const result = await tryOn(img, tile, { product: set.productSlug as ProductSlug, onProgress: progress });
    await progress(96, 'saving');
    const stored: string[] = [];
    for (const v of result.variants) {
      const jpeg = await encodeJpeg(v.image, 86);
      const { key } = await putBlob(jpeg, { contentType: 'image/jpeg' });
      stored.push(key);
      try {
        await repo.upsertRender(photoId, v.name, { blobKey: key, width: v.image.w, height: v.image.h });
      } catch (err) {
        // the photo was deleted while we worked: leave nothing behind
        await deleteUnreferenced(stored);
        if (!(await repo.findPhoto(photoId))) return;
        throw err;
      }
    }
    await repo.updatePhoto(photoId, { status: 'DONE', progress: 100, stage: null, errorCode: null, error: null, timings: result.timings });
  } catch (err) {
    if (err instanceof TryonPhotoError) {
      await repo.updatePhoto(photoId, { status: 'FAILED', progress: 100, stage: null, errorCode: err.code, error: err.message });
      return;
    }
    console.error('[tryon] render failed', photoId, err);
    await repo.updatePhoto(photoId, { status: 'FAILED', progress: 100, stage: null, errorCode: 'engine_error', error: 'Something went wrong while rendering this photo. Please try another one.' });
  }
}
