// The pattern engine as a generation backend: prompts it understands become vector pattern
// designs whose recipes carry the resolved spec; everything else goes to the diffusion model.
// The diffusion model composes every pattern design it can shape: its tile for the candidate's seed
// is a field that steers how big the motifs are, which kind takes which spot and how they turn, never where they sit
// (lib/pattern/ground.ts), re-run whenever the design is drawn.
import { createHash } from 'node:crypto';
import sharp from 'sharp';
import { env } from '../env';
import { HttpError } from '../http/errors';
import { composeTile, GROUND_STYLES, groundFieldFromRgb, motifById, PATTERN_ENGINE, specFor, stripesOnly, understandPrompt, type GroundField, type GroundSpec, type PatternIntent, type PatternSpec } from '../pattern';
import { sampleBase } from './embedded';
import { tensorToRgb8 } from './image';
import { nextTurn } from './event-loop';
import { loadModel, type LoadedModel } from './model-registry';
import { renderQueue } from './queue';
import { canonicalJson, normalizeRecipe, recipeHash, type Recipe } from './recipe';
import type { Role } from './vocab';

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
  return { intent, drawable: intent.motifs.length > 0 || !!intent.texture || !!intent.text || stripesOnly(intent) };
}

/** Whether the diffusion model composes new pattern designs: on unless PATTERN_GROUND=0 or another backend serves. */
export const groundEnabled = () => env().PATTERN_GROUND === '1' && env().GENERATION_BACKEND === 'embedded';

export async function patternCandidates(prompt: string, intent: PatternIntent, seeds: number[], opts: { ground?: boolean } = {}) {
  // The model starts on the fields first (its worker threads), while the specs are worked out here.
  // A texture paints the whole tile, and stripes, borders and mirrors are fixed rows: those get none.
  const m = (opts.ground ?? groundEnabled()) && !intent.texture && STEERED_LAYOUTS.has(intent.layout) ? await loadModel() : null;
  const grounds = m ? seeds.map((seed, i) => groundSpec(m, intent.motifs.map((x) => x.motif.id), intent.scale, seed, i)) : [];
  const fieldsReady = m ? groundFields(m, grounds) : Promise.resolve([]);
  fieldsReady.catch(() => {}); // awaited below; a failure is reported there
  const specs: PatternSpec[] = [];
  for (const i of seeds.keys()) {
    if (i) await nextTurn(); // each candidate's work is its own slice of the event loop
    const spec = await specFor(intent, seeds[0], i);
    if (!spec) return null;
    if (m && STEERED_LAYOUTS.has(spec.layout)) spec.ground = grounds[i];
    specs.push(spec);
  }
  const fields: (GroundField | undefined)[] = await fieldsReady;
  const made: Promise<{ recipe: Recipe; designId: string; pixels: { rgb: Uint8Array; w: number; h: number } }>[] = [];
  for (const [i, spec] of specs.entries()) {
    await nextTurn(); // one tile's vectors per slice; librsvg draws them off the event loop meanwhile
    const recipe = normalizeRecipe({ prompt, seed: seeds[i], modelId: PATTERN_MODEL_ID, modelSha256: PATTERN_ENGINE_SHA256, scheduler: 'compose', steps: 1, guidance: 0, width: PATTERN_PREVIEW_PX, height: PATTERN_PREVIEW_PX, tileable: true, pattern: spec });
    const drawn = rasterise(recipe.pattern!, recipe.seed, PATTERN_PREVIEW_PX, fields[i]).then((pixels) => ({ recipe, designId: recipeHash(recipe), pixels }));
    drawn.catch(() => {}); // awaited below; a failure is reported there
    made.push(drawn);
  }
  return Promise.all(made);
}

/** Layouts whose composition the diffusion field steers (tossed scatter, grid and half-drop turns). */
const STEERED_LAYOUTS = new Set(['tossed', 'grid', 'half-drop']);

/**
 * What a candidate asks the model for: the design's own motif where the model knows it (every other
 * candidate, at a scale that contrasts with the motifs'), else a style of scattered marks; light
 * marks on a dark ground, so the field separates cleanly.
 */
function groundSpec(m: LoadedModel, motifIds: string[], scale: string, seed: number, candidate: number): GroundSpec {
  const words = m.vocab.words;
  const id = (role: Role, word: string) => (word ? words[role].indexOf(word) + 1 : 0);
  const echo = motifIds.map((x) => m.parser.parse(motifById(x)?.name ?? '').roles.motif?.word).find(Boolean);
  const style = echo && candidate % 2 === 0 ? { motif: echo, layout: 'scattered', scale: scale === 'large' || scale === 'medium' ? 'small' : 'large' } : GROUND_STYLES[candidate % GROUND_STYLES.length];
  return {
    model: m.manifest.modelSha256,
    seed,
    tokens: [id('motif', style.motif), id('motif_color', 'white'), id('background', 'navy'), id('layout', style.layout), id('scale', style.scale)],
    steps: env().PATTERN_GROUND_STEPS,
    guidance: 1, // no unconditional half: one batch of four, and the shapes need no more than that
    scheduler: m.manifest.defaults.scheduler,
  };
}

const fieldCache = new Map<string, GroundField>();

/** The fields of grounds that share sampler settings: one model batch. Deterministic, so cached. */
async function groundFields(m: LoadedModel, grounds: GroundSpec[]): Promise<GroundField[]> {
  const key = (g: GroundSpec) => canonicalJson({ model: g.model, seed: g.seed, tokens: g.tokens, steps: g.steps, guidance: g.guidance, scheduler: g.scheduler });
  const out = grounds.map((g) => fieldCache.get(key(g)));
  const todo = grounds.map((_, i) => i).filter((i) => !out[i]);
  for (const g of grounds) {
    if (g.model !== m.manifest.modelSha256) throw new HttpError(409, `This design's ground was drawn by diffusion model ${g.model.slice(0, 12)}…, but this server runs ${m.manifest.modelSha256.slice(0, 12)}…: it cannot be re-rendered exactly.`, 'model_mismatch');
  }
  // Candidates share their settings; a mixed list runs one batch per setting.
  const groups = new Map<string, number[]>();
  for (const i of todo) groups.set(`${grounds[i].steps}|${grounds[i].guidance}|${grounds[i].scheduler}`, [...(groups.get(`${grounds[i].steps}|${grounds[i].guidance}|${grounds[i].scheduler}`) ?? []), i]);
  const R = m.manifest.resolution;
  for (const idx of groups.values()) {
    const g0 = grounds[idx[0]];
    const x0 = await renderQueue().run(() =>
      sampleBase(m, { tokens: idx.map((i) => grounds[i].tokens), seeds: idx.map((i) => grounds[i].seed), steps: g0.steps, guidance: g0.guidance, scheduler: g0.scheduler as never }),
    );
    for (const [b, i] of idx.entries()) {
      if (b) await nextTurn();
      out[i] = groundFieldFromRgb(tensorToRgb8(x0, b, R, R), R);
      fieldCache.set(key(grounds[i]), out[i]!);
      if (fieldCache.size > 64) fieldCache.delete(fieldCache.keys().next().value!);
    }
  }
  return out as GroundField[];
}

/** The field of a spec's ground (none when it has none): re-runs the model for that seed. */
export async function fieldFor(spec: PatternSpec): Promise<GroundField | undefined> {
  if (!spec.ground) return undefined;
  return (await groundFields(await loadModel(), [spec.ground]))[0];
}

/** The tile's RGB8 pixels at `px`, drawn by librsvg (inside sharp). */
async function rasterise(spec: PatternSpec, seed: number, px: number, field?: GroundField): Promise<{ rgb: Uint8Array; w: number; h: number }> {
  const { data, info } = await sharp(Buffer.from(composeTile(spec, seed, px, field))).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  return { rgb: new Uint8Array(data.buffer, data.byteOffset, data.length), w: info.width, h: info.height };
}

function checkEngine(recipe: Recipe) {
  if (!recipe.pattern || ENGINE_VERSIONS.get(recipe.modelSha256) !== (recipe.pattern.v ?? 1)) {
    throw new HttpError(409, `This design was made with pattern engine ${recipe.modelSha256.slice(0, 12)}…, but this server runs ${PATTERN_ENGINE_SHA256.slice(0, 12)}…: it cannot be re-rendered exactly.`, 'model_mismatch');
  }
  return recipe.pattern;
}

/** The tile's pixels at `size` (the recipe's own size by default), ready for recipePng. */
export async function renderPatternPixels(recipe: Recipe, size = recipe.width): Promise<{ rgb: Uint8Array; w: number; h: number }> {
  const spec = checkEngine(recipe);
  return rasterise(spec, recipe.seed, size, await fieldFor(spec));
}

/** The vector tile at `px` pixels as PNG: print renders its repeat straight from the vectors. */
export async function renderPatternVector(recipe: Recipe, px: number): Promise<Buffer> {
  const spec = checkEngine(recipe);
  return sharp(Buffer.from(composeTile(spec, recipe.seed, px, await fieldFor(spec)))).removeAlpha().png().toBuffer();
}
