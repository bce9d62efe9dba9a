// A design is a recipe, not a picture. The recipe's canonical JSON hashes to its stable id.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { patternSpecSchema } from '../pattern';
import { guidanceSchema, seedSchema, sha256HexSchema, sizeSchema, stepsSchema } from './schemas';

export const PROMPT_MAX = 300;

export const recipeSchema = z
  .object({
    prompt: z.string().trim().min(1).max(PROMPT_MAX),
    negativePrompt: z.string().trim().max(PROMPT_MAX).optional(),
    seed: seedSchema,
    modelId: z.string().min(1),
    modelSha256: sha256HexSchema,
    scheduler: z.string().min(1),
    steps: stepsSchema,
    guidance: guidanceSchema,
    // Guidance interval (Kynkäänniemi et al. 2024): classifier-free guidance only at sampler steps
    // whose noise level t (1 = pure noise) is >= this; below it the conditional prediction alone.
    // Absent = guidance at every step, so older recipes keep their hash and their pixels.
    guidanceMinT: z.number().gt(0).max(1).optional(),
    width: sizeSchema,
    height: sizeSchema,
    tileable: z.boolean(),
    // "More like this": the start noise is cos(a)*noise(seed) + sin(a)*noise(variation.seed),
    // a = strength*pi/2 (unit variance kept). Absent on ordinary recipes, so their hash is unchanged.
    variation: z
      .object({
        seed: seedSchema,
        strength: z.number().gt(0).max(1),
      })
      .strict()
      .optional(),
    // Pattern-engine designs (modelId "seedprint-pattern"): the resolved spec the tile is composed
    // from. Absent on diffusion recipes, so their hash is unchanged.
    pattern: patternSpecSchema.optional(),
  })
  .strict();

export type Recipe = z.infer<typeof recipeSchema>;

/** JSON with sorted keys and no whitespace; undefined and empty optional fields are dropped. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined && v !== '')
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export function normalizeRecipe(input: unknown): Recipe {
  return recipeSchema.parse(input);
}

/** The design id: sha256 of the canonical recipe JSON. */
export function recipeHash(recipe: Recipe): string {
  return createHash('sha256').update(canonicalJson(normalizeRecipe(recipe))).digest('hex');
}
