// The store's own model photos, wearing the design: the photos the shop uploaded in admin (each
// with its model release), newest first, then the embedded default. Same engine as shoppers'
// photos, with the person analysis done once per process and the renders cached in memory.
import fs from 'node:fs';
import path from 'node:path';
import { LRUCache } from 'lru-cache';
import { z } from 'zod';
import { badRequest, notFound, parseOrThrow } from '../http/errors';
import type { PersonAnalysis } from './analyze';
import { analyzePerson, TryonPhotoError } from './analyze';
import { designTileRgb } from '../generation';
import { REPEAT_IN, type ProductSlug } from '../design';
import { getBlob, putBlob } from '../storage';
import { loadWorkImage, renderProduct } from './engine';
import { encodeJpeg, type Rgb } from './raster';
import { deleteUnreferenced } from './service';
import * as repo from './tryon-repository';
import { acceptPhoto, UploadError } from './upload';
import { ALL_VARIANTS, makeVariant, VARIANT_LABELS, type VariantName } from './variants';

export interface SiteModel {
  id: string;
  alt: string;
  credit: string;
  uploaded: boolean;
}

interface EmbeddedModel extends SiteModel {
  file: string;
}

/** Shipped with the store: rendered by scripts/tryon/render-default-model.py (the store's own work). */
export const EMBEDDED_MODELS: EmbeddedModel[] = [
  {
    id: 'mannequin',
    file: 'public/tryon/models/mannequin.png',
    alt: 'Our model, a studio mannequin with short dark hair',
    credit: 'Rendered by Seedprint (CC0)',
    uploaded: false,
  },
];

/** Variants shown in the site-model gallery, in order. */
export const SITE_VARIANTS: VariantName[] = ['photo', 'scene-studio', 'scene-park', 'scene-brick', 'warm', 'cool'];

/** A gallery view's label on the store's model (the unchanged photo is not the shopper's). */
export const siteVariantLabel = (v: VariantName) => (v === 'photo' ? 'As photographed' : VARIANT_LABELS[v]);

/** The gallery's models: the shop's uploads first, then the embedded default. */
export async function listSiteModels(): Promise<SiteModel[]> {
  const uploaded = await repo.listSiteModels();
  return [...uploaded.map((m) => ({ id: m.id, alt: m.label, credit: 'Photo: the shop’s model (release on file)', uploaded: true })), ...EMBEDDED_MODELS.map(({ file: _f, ...m }) => m)];
}

const analyses = new Map<string, Promise<{ img: Rgb; person: PersonAnalysis }>>();
const renders = new LRUCache<string, Promise<Buffer>>({ max: 96 });
const bases = new LRUCache<string, Promise<{ image: Rgb; person: PersonAnalysis }>>({ max: 8 });

async function modelImage(modelId: string): Promise<Buffer | string> {
  const embedded = EMBEDDED_MODELS.find((m) => m.id === modelId);
  if (embedded) {
    const file = path.join(process.cwd(), embedded.file);
    if (!fs.existsSync(file)) throw notFound('Model photo missing.');
    return file;
  }
  const row = await repo.findSiteModel(modelId);
  if (!row) throw notFound('No such model.');
  return getBlob(row.blobKey);
}

function analysed(modelId: string) {
  let p = analyses.get(modelId);
  if (!p) {
    p = (async () => {
      const img = await loadWorkImage(await modelImage(modelId));
      return { img, person: await analyzePerson(img) };
    })();
    analyses.set(modelId, p);
    p.catch(() => analyses.delete(modelId));
  }
  return p;
}

/** The cached value for `key`, made (and kept) when missing; a hit counts as recent use. */
function cached<T extends object>(cache: LRUCache<string, T>, key: string, make: () => T): T {
  let v = cache.get(key);
  if (v === undefined) {
    v = make();
    cache.set(key, v);
  }
  return v;
}

function forget(modelId: string) {
  analyses.delete(modelId);
  for (const m of [renders, bases]) for (const k of [...m.keys()]) if (k.startsWith(`${modelId}:`)) m.delete(k);
}

export async function siteRender(modelId: string, designId: string, product: ProductSlug, variant: VariantName, repeatIn: number = REPEAT_IN.default): Promise<Buffer> {
  if (!ALL_VARIANTS.includes(variant)) throw notFound('No such view.');
  // a deleted upload is gone at once, even where this process still caches its renders
  if (!EMBEDDED_MODELS.some((m) => m.id === modelId) && !(await repo.findSiteModel(modelId))) {
    forget(modelId);
    throw notFound('No such model.');
  }
  const baseKey = `${modelId}:${designId}:${product}:${repeatIn}`;
  const key = `${baseKey}:${variant}`;
  const p = cached(renders, key, async () => {
    const base = await cached(bases, baseKey, async () => {
      const { img, person } = await analysed(modelId);
      const tile = { rgb: await designTileRgb(designId), repeatIn };
      const { paint } = await renderProduct(img, person, tile, product);
      return { image: paint.image, person };
    });
    return encodeJpeg(await makeVariant(variant, base.image, base.person.mask), 85);
  });
  p.catch(() => renders.delete(key));
  return p;
}

const releaseSchema = z.object({
  label: z.string().trim().min(2, 'needs at least 2 characters').max(120),
  releaseSignedBy: z.string().trim().min(2, 'needs the name of the person who signed the release').max(120),
  releaseSignedOn: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date (YYYY-MM-DD)')
    .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && Date.parse(`${s}T00:00:00Z`) <= Date.now(), 'must be a real date, not in the future'),
  releaseConfirmed: z.literal(true, { error: 'must be ticked: a signed model release is needed for every model photo' }),
});

export interface SiteModelUpload {
  label: unknown;
  releaseSignedBy: unknown;
  releaseSignedOn: unknown;
  releaseConfirmed: unknown;
  photo: Buffer | null;
}

/**
 * Adds a model photo to the gallery. The model release (who signed it, when, the admin's
 * confirmation) is required and stored with the photo; the photo goes through the shoppers'
 * upload checks (type by content, size, EXIF stripped) and must show one person with shoulders.
 */
export async function addSiteModel(input: SiteModelUpload, adminUserId: string, now = new Date()) {
  const release = parseOrThrow(releaseSchema, {
    label: input.label,
    releaseSignedBy: input.releaseSignedBy,
    releaseSignedOn: input.releaseSignedOn,
    releaseConfirmed: input.releaseConfirmed === true || input.releaseConfirmed === 'on' || input.releaseConfirmed === 'true',
  });
  if (!input.photo) throw badRequest('Choose the model photo (field "photo").', 'no_photo');
  const photo = await acceptPhoto(input.photo);
  try {
    await analyzePerson(await loadWorkImage(photo.jpeg));
  } catch (err) {
    if (err instanceof TryonPhotoError) throw new UploadError(422, `This photo cannot be used as a model photo: ${err.message}`, err.code);
    throw err;
  }
  const { key } = await putBlob(photo.jpeg, { contentType: 'image/jpeg' });
  return repo.createSiteModel({
    label: release.label,
    blobKey: key,
    width: photo.width,
    height: photo.height,
    releaseSignedBy: release.releaseSignedBy,
    releaseSignedOn: new Date(`${release.releaseSignedOn}T00:00:00Z`),
    releaseConfirmedAt: now,
    releaseConfirmedBy: adminUserId,
  });
}

export interface SiteModelAdminView {
  id: string;
  label: string;
  width: number;
  height: number;
  releaseSignedBy: string;
  releaseSignedOn: string;
  releaseConfirmedAt: string;
  releaseConfirmedBy: string;
}

export async function listSiteModelsForAdmin(): Promise<SiteModelAdminView[]> {
  return (await repo.listSiteModels()).map((m) => ({
    id: m.id,
    label: m.label,
    width: m.width,
    height: m.height,
    releaseSignedBy: m.releaseSignedBy,
    releaseSignedOn: m.releaseSignedOn.toISOString().slice(0, 10),
    releaseConfirmedAt: m.releaseConfirmedAt.toISOString(),
    releaseConfirmedBy: m.releaseConfirmedBy,
  }));
}

/** The uploaded model photo itself (admin thumbnails). */
export async function siteModelPhoto(id: string): Promise<Buffer> {
  const row = await repo.findSiteModel(id);
  if (!row) throw notFound('No such model.');
  return getBlob(row.blobKey);
}

export async function deleteSiteModel(id: string): Promise<boolean> {
  const row = await repo.findSiteModel(id);
  if (!row) return false;
  await repo.deleteSiteModel(id);
  forget(id);
  await deleteUnreferenced([row.blobKey]);
  return true;
}
