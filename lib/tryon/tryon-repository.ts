// The only module of lib/tryon that talks to the database.
import { db, type TryonPhotoStatus } from '../db/client';

export type { TryonPhotoStatus };

const lookInclude = { renders: { orderBy: { createdAt: 'asc' } } } as const;

/** Adds a photo to its owner's library, refusing past `max` photos (counted under a per-owner lock). */
export async function addPhoto(max: number, data: { ownerKey: string; name: string; blobKey: string; width: number; height: number; bytes: number; consentAt: Date; expiresAt: Date }) {
  return db.$transaction(async (tx) => {
    // two uploads at once cannot both take the last place
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${'tryon:' + data.ownerKey}))`;
    const count = await tx.tryonPhoto.count({ where: { ownerKey: data.ownerKey, expiresAt: { gt: new Date() } } });
    if (count >= max) return null;
    return tx.tryonPhoto.create({ data });
  });
}

/** The owner's photos, oldest first; with a look, each with its look for it (none matches when absent). */
export function listPhotos(ownerKeys: string[], look?: { designId: string; productSlug: string; repeatIn: number }) {
  return db.tryonPhoto.findMany({
    where: { ownerKey: { in: ownerKeys }, expiresAt: { gt: new Date() } },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    include: { looks: { where: look ?? { id: '' }, include: lookInclude } },
  });
}

export function findPhoto(id: string) {
  return db.tryonPhoto.findUnique({ where: { id } });
}

/** Creates the looks that do not exist yet; returns the ids of those created. */
export async function ensureLooks(photoIds: string[], look: { designId: string; productSlug: string; repeatIn: number }): Promise<string[]> {
  if (!photoIds.length) return [];
  const rows = await db.tryonLook.createManyAndReturn({ data: photoIds.map((photoId) => ({ photoId, ...look })), skipDuplicates: true, select: { id: true } });
  return rows.map((r) => r.id);
}

export function findLook(id: string) {
  return db.tryonLook.findUnique({ where: { id }, include: { photo: true } });
}

export function updateLook(id: string, data: { status?: TryonPhotoStatus; progress?: number; stage?: string | null; errorCode?: string | null; error?: string | null; timings?: object }) {
  return db.tryonLook.updateMany({ where: { id }, data });
}

export function upsertRender(lookId: string, variant: string, data: { blobKey: string; width: number; height: number }) {
  return db.tryonRender.upsert({ where: { lookId_variant: { lookId, variant } }, create: { lookId, variant, ...data }, update: data });
}

export function findRender(id: string) {
  return db.tryonRender.findUnique({ where: { id }, include: { look: { select: { photo: { select: { expiresAt: true } } } } } });
}

/** Blob keys used by the given photos (the photos and every render of their looks). */
export async function blobKeysOfPhotos(photoIds: string[]): Promise<string[]> {
  if (!photoIds.length) return [];
  const photos = await db.tryonPhoto.findMany({ where: { id: { in: photoIds } }, select: { blobKey: true, looks: { select: { renders: { select: { blobKey: true } } } } } });
  return [...new Set(photos.flatMap((p) => [p.blobKey, ...p.looks.flatMap((l) => l.renders.map((r) => r.blobKey))]))];
}

export function deletePhotos(photoIds: string[]) {
  return db.tryonPhoto.deleteMany({ where: { id: { in: photoIds } } });
}

export async function photoIdsForOwner(ownerKeys: string[], photoId?: string): Promise<string[]> {
  return (await db.tryonPhoto.findMany({ where: { ownerKey: { in: ownerKeys }, ...(photoId ? { id: photoId } : {}) }, select: { id: true } })).map((s) => s.id);
}

export async function expiredPhotoIds(now: Date, limit = 500): Promise<string[]> {
  return (await db.tryonPhoto.findMany({ where: { expiresAt: { lte: now } }, select: { id: true }, take: limit })).map((s) => s.id);
}

/** Of these keys, the ones a try-on photo, render or site model still uses. */
export async function keysInUse(keys: string[]): Promise<Set<string>> {
  if (!keys.length) return new Set();
  const [p, r, m] = await Promise.all([
    db.tryonPhoto.findMany({ where: { blobKey: { in: keys } }, select: { blobKey: true } }),
    db.tryonRender.findMany({ where: { blobKey: { in: keys } }, select: { blobKey: true } }),
    db.tryonSiteModel.findMany({ where: { blobKey: { in: keys } }, select: { blobKey: true } }),
  ]);
  return new Set([...p, ...r, ...m].map((x) => x.blobKey));
}

// Site models the shop uploaded

export function createSiteModel(data: { label: string; blobKey: string; width: number; height: number; releaseSignedBy: string; releaseSignedOn: Date; releaseConfirmedAt: Date; releaseConfirmedBy: string }) {
  return db.tryonSiteModel.create({ data });
}

export function listSiteModels() {
  return db.tryonSiteModel.findMany({ orderBy: [{ createdAt: 'desc' }, { id: 'asc' }] });
}

export function findSiteModel(id: string) {
  return db.tryonSiteModel.findUnique({ where: { id } });
}

export function deleteSiteModel(id: string) {
  return db.tryonSiteModel.deleteMany({ where: { id } });
}
