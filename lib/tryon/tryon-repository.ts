// The only module of lib/tryon that talks to the database.
import { db, type TryonPhotoStatus } from '../db/client';

export type { TryonPhotoStatus };

export function createSet(data: { ownerKey: string; designId: string; productSlug: string; repeatIn: number; consentAt: Date; expiresAt: Date }) {
  return db.tryonSet.create({ data });
}

export function findSet(id: string) {
  return db.tryonSet.findUnique({
    where: { id },
    include: { photos: { orderBy: { position: 'asc' }, include: { renders: { orderBy: { createdAt: 'asc' } } } } },
  });
}

export function listSetsForOwner(ownerKeys: string[]) {
  return db.tryonSet.findMany({
    where: { ownerKey: { in: ownerKeys }, expiresAt: { gt: new Date() } },
    orderBy: { createdAt: 'desc' },
    include: { photos: { orderBy: { position: 'asc' }, include: { renders: { orderBy: { createdAt: 'asc' } } } } },
  });
}

/** Adds a photo at the next position, refusing past `max` photos (counted in one transaction). */
export async function addPhoto(setId: string, max: number, data: { name: string; blobKey: string; width: number; height: number; bytes: number }) {
  return db.$transaction(async (tx) => {
    // lock the set row so two uploads at once cannot both take the 12th place
    await tx.$queryRaw`SELECT id FROM "TryonSet" WHERE id = ${setId} FOR UPDATE`;
    const count = await tx.tryonPhoto.count({ where: { setId } });
    if (count >= max) return null;
    return tx.tryonPhoto.create({ data: { setId, position: count, ...data } });
  });
}

export function countPhotos(setId: string) {
  return db.tryonPhoto.count({ where: { setId } });
}

export function findPhoto(id: string) {
  return db.tryonPhoto.findUnique({ where: { id }, include: { set: true } });
}

export function updatePhoto(id: string, data: { status?: TryonPhotoStatus; progress?: number; stage?: string | null; errorCode?: string | null; error?: string | null; timings?: object }) {
  return db.tryonPhoto.updateMany({ where: { id }, data });
}

export function upsertRender(photoId: string, variant: string, data: { blobKey: string; width: number; height: number }) {
  return db.tryonRender.upsert({ where: { photoId_variant: { photoId, variant } }, create: { photoId, variant, ...data }, update: data });
}

export function findRender(id: string) {
  return db.tryonRender.findUnique({ where: { id }, include: { photo: { select: { setId: true } } } });
}

/** Blob keys used by the given sets (photos and renders). */
export async function blobKeysOfSets(setIds: string[]): Promise<string[]> {
  if (!setIds.length) return [];
  const photos = await db.tryonPhoto.findMany({ where: { setId: { in: setIds } }, select: { blobKey: true, renders: { select: { blobKey: true } } } });
  return [...new Set(photos.flatMap((p) => [p.blobKey, ...p.renders.map((r) => r.blobKey)]))];
}

export function deleteSets(setIds: string[]) {
  return db.tryonSet.deleteMany({ where: { id: { in: setIds } } });
}

export async function setIdsForOwner(ownerKeys: string[]): Promise<string[]> {
  return (await db.tryonSet.findMany({ where: { ownerKey: { in: ownerKeys } }, select: { id: true } })).map((s) => s.id);
}

export async function expiredSetIds(now: Date, limit = 500): Promise<string[]> {
  return (await db.tryonSet.findMany({ where: { expiresAt: { lte: now } }, select: { id: true }, take: limit })).map((s) => s.id);
}

/** Of these keys, the ones a try-on photo or render still uses. */
export async function keysInUse(keys: string[]): Promise<Set<string>> {
  if (!keys.length) return new Set();
  const [p, r] = await Promise.all([
    db.tryonPhoto.findMany({ where: { blobKey: { in: keys } }, select: { blobKey: true } }),
    db.tryonRender.findMany({ where: { blobKey: { in: keys } }, select: { blobKey: true } }),
  ]);
  return new Set([...p.map((x) => x.blobKey), ...r.map((x) => x.blobKey)]);
}
