// The only module of lib/generation that touches Prisma: Design rows (id = recipe hash). Other
// domains read designs through the functions below, exported from index.ts.
import { db, type Prisma } from '../db/client';
import { isDesignId } from '../design';
import { normalizeRecipe, recipeHash, type Recipe } from './recipe';

export interface DesignRecord {
  id: string;
  recipe: Recipe;
  previewSha256: string | null;
  createdById: string | null;
  createdAt: Date;
}

function toRecord(row: { id: string; recipe: unknown; previewSha256: string | null; createdById: string | null; createdAt: Date }): DesignRecord {
  return { id: row.id, recipe: normalizeRecipe(row.recipe), previewSha256: row.previewSha256, createdById: row.createdById, createdAt: row.createdAt };
}

/**
 * Inserts the design (idempotent: same recipe, same id); fills the preview if it was missing.
 * Safe under concurrency: two identical generations finishing at once both get the one row
 * (INSERT … ON CONFLICT DO NOTHING, then read), never a unique-constraint error.
 */
export async function saveDesign(recipe: Recipe, opts: { previewSha256?: string; createdById?: string | null } = {}): Promise<DesignRecord> {
  const r = normalizeRecipe(recipe);
  const id = recipeHash(r);
  await db.design.createMany({
    data: [
      {
        id,
        recipe: r as object,
        prompt: r.prompt,
        negativePrompt: r.negativePrompt ?? null,
        seed: BigInt(r.seed),
        modelId: r.modelId,
        modelSha256: r.modelSha256,
        scheduler: r.scheduler,
        steps: r.steps,
        guidance: r.guidance,
        width: r.width,
        height: r.height,
        tileable: r.tileable,
        previewSha256: opts.previewSha256 ?? null,
        createdById: opts.createdById ?? null,
      },
    ],
    skipDuplicates: true,
  });
  // Only a row still without a preview gets this one: the first preview stored wins.
  if (opts.previewSha256) await db.design.updateMany({ where: { id, previewSha256: null }, data: { previewSha256: opts.previewSha256 } });
  return toRecord(await db.design.findUniqueOrThrow({ where: { id } }));
}

export async function getDesign(id: string): Promise<DesignRecord | null> {
  if (!isDesignId(id)) return null;
  const row = await db.design.findUnique({ where: { id } });
  return row ? toRecord(row) : null;
}

export async function setDesignPreview(id: string, previewSha256: string): Promise<DesignRecord> {
  return toRecord(await db.design.update({ where: { id }, data: { previewSha256 } }));
}

/** Most used prompts (for autocomplete), newest designs breaking ties. */
export async function popularPrompts(limit = 20): Promise<string[]> {
  const rows = await db.design.groupBy({ by: ['prompt'], _count: { prompt: true }, orderBy: [{ _count: { prompt: 'desc' } }, { prompt: 'asc' }], take: limit });
  return rows.map((r) => r.prompt);
}

/** What shops and try-on read of a design: its words, owner and recipe as stored, or null. */
export function findDesignSummary(id: string) {
  return db.design.findUnique({ where: { id }, select: { id: true, prompt: true, negativePrompt: true, recipe: true, previewSha256: true, createdById: true, tileable: true } });
}
export type DesignSummary = NonNullable<Awaited<ReturnType<typeof findDesignSummary>>>;

/** Recipes as stored, by design id (orders freeze a copy per line). */
export async function designRecipes(ids: string[]): Promise<Map<string, Prisma.InputJsonValue>> {
  if (ids.length === 0) return new Map();
  const rows = await db.design.findMany({ where: { id: { in: ids } }, select: { id: true, recipe: true } });
  return new Map(rows.map((r) => [r.id, r.recipe as Prisma.InputJsonValue]));
}

/** A maker's designs, newest first. */
export function listDesignsByUser(userId: string, take = 24) {
  return db.design.findMany({ where: { createdById: userId }, select: { id: true, prompt: true, previewSha256: true, createdAt: true }, orderBy: { createdAt: 'desc' }, take });
}

/** Of these blob keys, the ones some design keeps as its preview. */
export async function previewKeysInUse(keys: string[]): Promise<Set<string>> {
  if (!keys.length) return new Set();
  const rows = await db.design.findMany({ where: { previewSha256: { in: keys } }, select: { previewSha256: true } });
  return new Set(rows.map((r) => r.previewSha256!));
}

export interface DesignBrief {
  id: string;
  prompt: string;
  createdAt: Date;
}

/** The shopper-facing facts of several designs (their words and when they were made), by id. */
export async function designBriefs(ids: string[]): Promise<Map<string, DesignBrief>> {
  const rows = ids.length ? await db.design.findMany({ where: { id: { in: ids } }, select: { id: true, prompt: true, createdAt: true } }) : [];
  return new Map(rows.map((r) => [r.id, r]));
}
