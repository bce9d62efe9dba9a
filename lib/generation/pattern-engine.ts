// The pattern engine as a generation backend: prompts it understands become vector pattern
// designs whose recipes carry the resolved spec; everything else goes to the diffusion model.
import { createHash } from 'node:crypto';
import sharp from 'sharp';
import { HttpError } from '../http/errors';
import { composeTile, PATTERN_ENGINE, renderPatternPng, specFor, understandPrompt, type PatternIntent } from '../pattern';
import { decodeToRgb8 } from './image';
import { normalizeRecipe, recipeHash, type Recipe } from './recipe';

export const PATTERN_MODEL_ID = PATTERN_ENGINE.id;
export const PATTERN_PREVIEW_PX = 512;

/**
 * What a pattern recipe records as its "model": the engine version and the exact art and word
 * sets it draws from. A change of any of them gives another hash, so a stored design is never
 * silently drawn differently; every version listed here stays drawable.
 */
const engineSha = (version: number) =>
  createHash('sha256')
    .update(`${PATTERN_ENGINE.id}@${version}|@iconify-json/fluent-emoji-flat@1.2.6|cldr-annotations-full@48.2.0|color-name-list@14.51.0|opentype.js@2.0.0`)
    .digest('hex');
const ENGINE_VERSIONS = new Map(Array.from({ length: PATTERN_ENGINE.version }, (_, i) => [engineSha(i + 1), i + 1]));
export const PATTERN_ENGINE_SHA256 = engineSha(PATTERN_ENGINE.version);

export const isPatternRecipe = (r: Recipe) => r.modelId === PATTERN_MODEL_ID;

/** What the studio shows the shopper it understood (and could not use). */
export function describeIntent(intent: PatternIntent) {
  return {
    motifs: intent.motifs.map((m) => ({ id: m.motif.id, name: m.motif.name, emoji: m.motif.emoji, words: m.words, corrected: m.corrected ?? null, colour: m.colour ? { name: m.colour.name, hex: m.colour.hex } : null })),
    background: intent.background ? { name: intent.background.name, hex: intent.background.hex } : null,
    palette: intent.palette,
    texture: intent.texture?.def.id ?? null,
    text: intent.text ? { content: intent.text.content, font: intent.text.font.family } : null,
    layout: intent.layout,
    excluded: [...intent.excluded.colours.map((c) => c.name), ...intent.excluded.motifs.map((m) => m.name)],
    ignoredWords: intent.ignored,
  };
}

/** The shopper's words as the pattern engine reads them; protected names are refused here (422). */
export function readPatternPrompt(prompt: string): { intent: PatternIntent; drawable: boolean } {
  const intent = understandPrompt(prompt);
  if (intent.refusals.length) throw new HttpError(422, intent.refusals[0].message, `protected_${intent.refusals[0].reason}`);
  return { intent, drawable: intent.motifs.length > 0 || !!intent.texture || !!intent.text };
}

export async function patternCandidates(prompt: string, intent: PatternIntent, seeds: number[]) {
  const candidates = [];
  for (const [i, seed] of seeds.entries()) {
    const spec = await specFor(intent, seeds[0], i);
    if (!spec) return null;
    const recipe = normalizeRecipe({ prompt, seed, modelId: PATTERN_MODEL_ID, modelSha256: PATTERN_ENGINE_SHA256, scheduler: 'compose', steps: 1, guidance: 0, width: PATTERN_PREVIEW_PX, height: PATTERN_PREVIEW_PX, tileable: true, pattern: spec });
    candidates.push({ recipe, designId: recipeHash(recipe), pixels: await renderPatternPixels(recipe) });
  }
  return candidates;
}

function checkEngine(recipe: Recipe) {
  if (!recipe.pattern || ENGINE_VERSIONS.get(recipe.modelSha256) !== (recipe.pattern.v ?? 1)) {
    throw new HttpError(409, `This design was made with pattern engine ${recipe.modelSha256.slice(0, 12)}…, but this server runs ${PATTERN_ENGINE_SHA256.slice(0, 12)}…: it cannot be re-rendered exactly.`, 'model_mismatch');
  }
  return recipe.pattern;
}

/** The tile's pixels at `size` (the recipe's own size by default), ready for recipePng. */
export async function renderPatternPixels(recipe: Recipe, size = recipe.width): Promise<{ rgb: Uint8Array; w: number; h: number }> {
  const png = await renderPatternPng(checkEngine(recipe), recipe.seed, size);
  const d = await decodeToRgb8(png);
  return { rgb: d.rgb, w: d.width, h: d.height };
}

/** The vector tile at `px` pixels as PNG: print renders its repeat straight from the vectors. */
export async function renderPatternVector(recipe: Recipe, px: number): Promise<Buffer> {
  return sharp(Buffer.from(composeTile(checkEngine(recipe), recipe.seed, px))).removeAlpha().png().toBuffer();
}
