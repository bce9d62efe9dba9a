// Prompt -> candidates, recipe -> PNG, PNG/recipe -> upscaled PNG. Pure of storage and DB.
import { createHash, randomInt } from 'node:crypto';
import path from 'node:path';
import { GENERATION_LIMITS, guidanceSchema, stepsSchema } from '../design';
import { env } from '../env';
import { badRequest, HttpError, unprocessable } from '../http/errors';
import { sampleBase, srPass } from './embedded';
import { decodeToRgb8, resizeTile, rgb8ToTensor, tensorToRgb8 } from './image';
import { checkPrompt } from './input';
import { loadModel, STANDIN_MODEL_ID, type LoadedModel } from './model-registry';
import { encodePng, encodePngAsync, readPngText } from './png';
import { renderQueue } from './queue';
import { canonicalJson, normalizeRecipe, recipeHash, recipeSchema, type Recipe } from './recipe';
import { isScheduler, SCHEDULER_LABELS, SCHEDULERS, type Scheduler } from './sampler';
import type { ParsedPrompt } from './vocab';
import { suggestFrom } from './vocab';
import * as sd from './sd/backend';
import { describeIntent, isPatternRecipe, patternCandidates, readPatternPrompt, renderPatternPixels } from './pattern-engine';
import { applySwap, type Swap } from './swap';
import { unknownSubjectMessage } from '../pattern';

// Model folders are chosen at run time: keep bundlers from tracing the whole project.

export const MAX_SIZE = GENERATION_LIMITS.size.max;
export const UPSCALE_FACTORS = [2, 4, 8, 16] as const;

export interface Candidate {
  recipe: Recipe;
  designId: string;
  png: Buffer;
  sha256: string;
}

export interface GenerateOptions {
  prompt: string;
  seed?: number;
  count?: number;
  steps?: number;
  guidance?: number;
  /** guidance only at steps with t >= this; 0 = every step; absent = the model's default */
  guidanceMinT?: number;
  scheduler?: string;
  /** "more like this": every candidate keeps `seed` and mixes in its own variation seed */
  variation?: { seeds: number[]; strength: number };
  /** progressive previews: the batch's current x0 estimate as small PNGs, after each step */
  onPreview?: (pngs: Buffer[], step: number, total: number) => void | Promise<void>;
  /** progress: one call per sampler step */
  onStep?: (step: number, total: number) => void | Promise<void>;
  /**
   * 'auto': prompts the pattern engine can draw (motifs, textures, lettering) become vector
   * pattern designs, the rest go to the diffusion model; 'diffusion' (default): the model only.
   */
  engine?: 'auto' | 'diffusion';
  /** Motifs and colours to change in what the pattern engine understood (engine 'auto' only). */
  swap?: Swap;
}

export interface GenerateResult {
  candidates: Candidate[];
  ignoredWords: string[];
  parsed: ParsedPrompt | { roles: null; tokens: null; ignoredWords: string[] };
  /** What the pattern engine understood, when it made the candidates. */
  understood?: ReturnType<typeof describeIntent>;
}

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const backend = () => env().GENERATION_BACKEND;

/** Settings check shared by generate/render: 400 on nonsense, before any model work. */
function settings(m: { steps: number; guidance: number; guidanceMinT?: number; scheduler: string }, o: { steps?: number; guidance?: number; guidanceMinT?: number; scheduler?: string }) {
  const steps = o.steps ?? m.steps;
  const guidance = o.guidance ?? m.guidance;
  const minT = o.guidanceMinT ?? m.guidanceMinT ?? 0;
  const scheduler = o.scheduler ?? m.scheduler;
  const { steps: S, guidance: G } = GENERATION_LIMITS;
  if (!stepsSchema.safeParse(steps).success) throw badRequest(`steps must be a whole number from ${S.min} to ${S.max}.`, 'invalid_steps');
  if (!guidanceSchema.safeParse(guidance).success) throw badRequest(`guidance must be between ${G.min} and ${G.max}.`, 'invalid_guidance');
  if (!Number.isFinite(minT) || minT < 0 || minT > 1) throw badRequest('guidanceMinT must be from 0 (guidance at every step) to 1.', 'invalid_guidance_min_t');
  if (!isScheduler(scheduler)) throw badRequest(`scheduler must be one of: ${SCHEDULERS.join(', ')}.`, 'invalid_scheduler');
  // 0 is "every step", which is what a recipe without the field means: keep it out of the recipe
  return { steps, guidance, guidanceMinT: minT > 0 ? minT : undefined, scheduler: scheduler as Scheduler };
}

/** AUTOMATIC1111-style "parameters" text, so other tools show the settings too. */
export function a1111Parameters(r: Recipe, extra: Record<string, string | number> = {}): string {
  const sampler = isScheduler(r.scheduler) ? SCHEDULER_LABELS[r.scheduler] : r.scheduler;
  const fields: [string, string | number][] = [
    ['Steps', r.steps],
    ['Sampler', sampler],
    ['CFG scale', r.guidance],
    ...((r.guidanceMinT !== undefined ? [['Guidance from t', r.guidanceMinT]] : []) as [string, number][]),
    ['Seed', r.seed],
    ['Size', `${r.width}x${r.height}`],
    ['Model hash', r.modelSha256.slice(0, 10)],
    ['Model', r.modelId],
    ['Tiling', r.tileable ? 'True' : 'False'],
    ...((r.variation ? [['Variation seed', r.variation.seed], ['Variation seed strength', r.variation.strength]] : []) as [string, number][]),
    ...Object.entries(extra),
  ];
  return `${r.prompt}\n${r.negativePrompt ? `Negative prompt: ${r.negativePrompt}\n` : ''}${fields.map(([k, v]) => `${k}: ${v}`).join(', ')}`;
}

/** PNG bytes for a recipe's pixels, with the recipe in tEXt. `render` notes size/upscale. */
export function recipePng(recipe: Recipe, rgb: Uint8Array, w: number, h: number, render?: Record<string, string | number>): Buffer {
  return encodePng(rgb, w, h, recipePngText(recipe, render));
}

/** recipePng, compressed off the event loop (large renders). */
export function recipePngAsync(recipe: Recipe, rgb: Uint8Array, w: number, h: number, render?: Record<string, string | number>): Promise<Buffer> {
  return encodePngAsync(rgb, w, h, recipePngText(recipe, render));
}

function recipePngText(recipe: Recipe, render?: Record<string, string | number>): [string, string][] {
  const text: [string, string][] = [
    ['seedprint-recipe', canonicalJson(recipe)],
    ['parameters', a1111Parameters(recipe, render ? Object.fromEntries(Object.entries(render).map(([k, v]) => [k.replace(/^./, (c) => c.toUpperCase()), v])) : {})],
  ];
  if (render) text.push(['seedprint-render', canonicalJson(render)]);
  return text;
}

/** The recipe stored in a Seedprint PNG, or null. */
export function readRecipeFromPng(png: Buffer): Recipe | null {
  const t = readPngText(png)['seedprint-recipe'];
  if (!t) return null;
  return recipeSchema.parse(JSON.parse(t));
}

async function embeddedModelFor(recipe?: Recipe): Promise<LoadedModel> {
  const m = await loadModel();
  if (recipe && (recipe.modelSha256 !== m.manifest.modelSha256 || recipe.modelId !== m.manifest.id)) {
    throw new HttpError(
      409,
      `This design was made with model ${recipe.modelId} (sha256 ${recipe.modelSha256.slice(0, 12)}…), but this server runs ${m.manifest.id} (sha256 ${m.manifest.modelSha256.slice(0, 12)}…): it cannot be re-rendered exactly.`,
      'model_mismatch',
    );
  }
  return m;
}

export async function parsePrompt(prompt: string): Promise<ParsedPrompt> {
  return (await loadModel()).parser.parse(prompt);
}

export async function suggest(prefix: string, limit = 8): Promise<string[]> {
  return suggestFrom((await loadModel()).parser, String(prefix).slice(0, 300), limit);
}

export async function getModelInfo() {
  if (backend() === 'sd-onnx') return sd.info();
  const m = await loadModel();
  return {
    backend: 'embedded' as const,
    id: m.manifest.id,
    version: m.manifest.version,
    dir: path.relative(process.cwd(), m.manifest.dir),
    standin: m.manifest.id === STANDIN_MODEL_ID,
    modelSha256: m.manifest.modelSha256,
    files: m.manifest.files,
    provider: m.provider,
    resolution: m.manifest.resolution,
    srFactor: m.manifest.srFactor,
    defaults: m.manifest.defaults,
    schedulers: [...SCHEDULERS],
    tileable: true,
  };
}

function seedsFrom(seed: number | undefined, count: number): number[] {
  const s = seed ?? randomInt(0, 2 ** 32 - 1);
  if (!Number.isInteger(s) || s < 0 || s > 0xffffffff) throw badRequest('seed must be a whole number from 0 to 4294967295.', 'invalid_seed');
  return Array.from({ length: count }, (_, i) => (s + i) >>> 0);
}

/** 4 candidates (seeds s..s+3) as ONE batch: one UNet call per step for all of them. */
export async function generateCandidates(o: GenerateOptions): Promise<GenerateResult> {
  const prompt = checkPrompt(o.prompt);
  const count = o.count ?? 4;
  if (!Number.isInteger(count) || count < 1 || count > 8) throw badRequest('count must be from 1 to 8.', 'invalid_count');
  let seeds = seedsFrom(o.seed, count);
  let variations: ({ seed: number; strength: number } | undefined)[] | undefined;
  if (o.variation) {
    const { strength } = o.variation;
    if (!(strength > 0 && strength <= 1)) throw badRequest('variation strength must be in (0, 1].', 'invalid_variation');
    if (o.variation.seeds.length !== count) throw badRequest('one variation seed per candidate', 'invalid_variation');
    seeds = seeds.map(() => seeds[0]);
    variations = o.variation.seeds.map((vs) => ({ seed: vs >>> 0, strength }));
  }
  if (o.swap && o.engine !== 'auto') throw unprocessable('Swaps apply to pattern designs: generate with engine "auto".', 'invalid_swap');
  if (o.engine === 'auto') {
    const read = readPatternPrompt(prompt);
    if (o.swap && !read.drawable) throw unprocessable('There is nothing in this design to swap: name a motif, a texture or words to print.', 'invalid_swap');
    const { intent, prompt: shown } = o.swap ? applySwap(read.intent, o.swap) : { intent: read.intent, prompt };
    if (read.drawable) {
      // Pattern renders share the render queue's limits with the model, and their PNGs are
      // compressed off the event loop: pages keep answering while designs are made.
      const made = await renderQueue().run(() => patternCandidates(shown, intent, o.variation ? o.variation.seeds.map((v) => v >>> 0) : seeds));
      if (made) {
        const candidates = await Promise.all(
          made.map(async (c) => {
            const png = await recipePngAsync(c.recipe, c.pixels.rgb, c.pixels.w, c.pixels.h);
            return { recipe: c.recipe, designId: c.designId, png, sha256: sha256(png) };
          }),
        );
        return { candidates, ignoredWords: intent.ignored, parsed: { roles: null, tokens: null, ignoredWords: intent.ignored }, understood: describeIntent(intent) };
      }
    }
    // A subject with no fair motif ("seahorses"): say so with close motifs, rather than that nothing was understood.
    const unknown = read.drawable || backend() === 'sd-onnx' ? undefined : unknownSubjectMessage(read.intent);
    if (unknown) throw unprocessable(unknown, 'no_motif');
  }
  if (backend() === 'sd-onnx') {
    const { recipes, images } = await renderQueue().run(() => sd.generate({ prompt, seeds, variations, steps: o.steps, guidance: o.guidance, guidanceMinT: o.guidanceMinT, scheduler: o.scheduler, onStep: o.onStep }));
    const candidates = recipes.map((recipe, i) => {
      const png = recipePng(recipe, images[i], recipe.width, recipe.height);
      return { recipe, designId: recipeHash(recipe), png, sha256: sha256(png) };
    });
    return { candidates, ignoredWords: [], parsed: { roles: null, tokens: null, ignoredWords: [] } };
  }
  const m = await loadModel();
  const parsed = m.parser.parse(prompt);
  if (!parsed.roles.motif) {
    throw unprocessable(
      parsed.ignoredWords.length
        ? `The model does not know "${parsed.ignoredWords.join('", "')}" yet. Start with a motif, e.g. hearts, stars, stripes, cats or sunflowers.`
        : 'Name a motif, e.g. "red hearts on navy" or "sunflowers on cream".',
      'no_motif',
    );
  }
  const s = settings(m.manifest.defaults, o);
  const R = m.manifest.resolution;
  const onPreview = o.onPreview
    ? (x: Float32Array, step: number, total: number) => o.onPreview!(seeds.map((_, i) => encodePng(tensorToRgb8(x, i, R, R), R, R)), step, total)
    : undefined;
  const x0 = await renderQueue().run(() => sampleBase(m, { tokens: parsed.tokens, seeds, variations, ...s, onStep: o.onStep, onPreview }));
  const candidates = seeds.map((seed, i) => {
    const recipe = normalizeRecipe({ prompt, seed, modelId: m.manifest.id, modelSha256: m.manifest.modelSha256, ...s, width: R, height: R, tileable: true, variation: variations?.[i] });
    const png = recipePng(recipe, tensorToRgb8(x0, i, R, R), R, R);
    return { recipe, designId: recipeHash(recipe), png, sha256: sha256(png) };
  });
  return { candidates, ignoredWords: parsed.ignoredWords, parsed };
}

/** Native-size pixels of a recipe (one image, alone in its batch). */
async function renderNative(recipe: Recipe): Promise<{ rgb: Uint8Array; w: number; h: number; m?: LoadedModel }> {
  if (backend() === 'sd-onnx') {
    const rgb = await sd.render(recipe);
    return { rgb, w: recipe.width, h: recipe.height };
  }
  const m = await embeddedModelFor(recipe);
  const parsed = m.parser.parse(recipe.prompt);
  if (!isScheduler(recipe.scheduler)) throw badRequest(`Unknown scheduler ${recipe.scheduler}`, 'invalid_scheduler');
  const x0 = await sampleBase(m, { tokens: parsed.tokens, seeds: [recipe.seed], variations: [recipe.variation], steps: recipe.steps, guidance: recipe.guidance, guidanceMinT: recipe.guidanceMinT, scheduler: recipe.scheduler });
  return { rgb: tensorToRgb8(x0, 0, recipe.height, recipe.width), w: recipe.width, h: recipe.height, m };
}

/** SR passes (xF each) of RGB8 pixels, then a wrap-aware resize to `target` if needed. */
async function upscalePixels(m: LoadedModel, rgb: Uint8Array, w: number, h: number, seed: number, factor: number): Promise<{ rgb: Uint8Array; w: number; h: number }> {
  let cur = { data: rgb8ToTensor(rgb, h, w), h, w };
  let pass = 0;
  while (cur.w < w * factor) {
    const r = await srPass(m, cur.data, cur.h, cur.w, seed, pass++);
    cur = r;
  }
  let out = tensorToRgb8(cur.data, 0, cur.h, cur.w);
  if (cur.w !== w * factor) out = await resizeTile(out, cur.w, cur.h, w * factor);
  return { rgb: out, w: w * factor, h: h * factor };
}

/**
 * Renders a recipe to PNG. size: edge in pixels; above the native size the SR model is used
 * (x4 per pass), then a wrap-aware Lanczos resize to the exact size. Same recipe + size -> same bytes.
 */
export async function renderRecipe(recipeIn: Recipe, opts: { size?: number } = {}): Promise<Buffer> {
  const recipe = normalizeRecipe(recipeIn);
  const size = opts.size;
  if (size !== undefined && (!Number.isInteger(size) || size < 8 || size > MAX_SIZE)) throw badRequest(`size must be from 8 to ${MAX_SIZE} pixels.`, 'invalid_size');
  if (isPatternRecipe(recipe)) {
    // Vector art: drawn at the size asked, no upscaling.
    const px = await renderQueue().run(() => renderPatternPixels(recipe, size ?? recipe.width));
    return recipePngAsync(recipe, px.rgb, px.w, px.h, size && size !== recipe.width ? { size } : undefined);
  }
  return renderQueue().run(async () => {
    const n = await renderNative(recipe);
    if (!size || (size === n.w && size === n.h)) return recipePng(recipe, n.rgb, n.w, n.h);
    let px = n;
    let sr = 0;
    if (size > n.w && n.m && recipe.tileable) {
      sr = n.m.manifest.srFactor;
      while (n.w * sr < size && n.w * sr * n.m.manifest.srFactor <= MAX_SIZE) sr *= n.m.manifest.srFactor;
      const u = await upscalePixels(n.m, n.rgb, n.w, n.h, recipe.seed, sr);
      px = { ...u, m: n.m };
    }
    const rgb = recipe.tileable ? await resizeTile(px.rgb, px.w, px.h, size) : await resizePlain(px.rgb, px.w, px.h, size);
    const render: Record<string, string | number> = { size };
    if (sr) Object.assign(render, { upscale: sr, srSha256: n.m!.manifest.files.sr.sha256 });
    return recipePngAsync(recipe, rgb, size, size, render);
  });
}

async function resizePlain(rgb: Uint8Array, w: number, h: number, size: number): Promise<Uint8Array> {
  const { default: sharp } = await import('sharp');
  const b = await sharp(Buffer.from(rgb), { raw: { width: w, height: h, channels: 3 } }).resize(size, size, { kernel: 'lanczos3', fit: 'fill' }).raw().toBuffer();
  return new Uint8Array(b.buffer, b.byteOffset, b.length);
}

/**
 * Upscales a Seedprint PNG (its embedded recipe gives the SR seed) or a recipe with sr.onnx.
 * PNGs without a recipe get a seed derived from their pixels, so this is always deterministic.
 */
export async function upscale(pngOrRecipe: Buffer | Recipe, factor: number): Promise<Buffer> {
  if (!(UPSCALE_FACTORS as readonly number[]).includes(factor)) throw badRequest(`factor must be one of ${UPSCALE_FACTORS.join(', ')}.`, 'invalid_factor');
  if (backend() === 'sd-onnx') throw badRequest('Upscaling needs the embedded model (sr.onnx); the sd-onnx backend has none.', 'no_upscaler');
  return renderQueue().run(async () => {
    let recipe: Recipe | null;
    let px: { rgb: Uint8Array; w: number; h: number };
    if (Buffer.isBuffer(pngOrRecipe)) {
      recipe = readRecipeFromPng(pngOrRecipe);
      const d = await decodeToRgb8(pngOrRecipe);
      px = { rgb: d.rgb, w: d.width, h: d.height };
    } else {
      recipe = normalizeRecipe(pngOrRecipe);
      px = await renderNative(recipe);
    }
    const m = await loadModel();
    if (px.w * factor > MAX_SIZE) throw badRequest(`The result would be larger than ${MAX_SIZE} px.`, 'too_large');
    const seed = recipe ? recipe.seed : createHash('sha256').update(px.rgb).digest().readUInt32BE(0);
    const u = await upscalePixels(m, px.rgb, px.w, px.h, seed, factor);
    const render = { upscale: factor, srSha256: m.manifest.files.sr.sha256, size: u.w };
    if (recipe) return recipePng(recipe, u.rgb, u.w, u.h, render);
    return encodePng(u.rgb, u.w, u.h, [['seedprint-render', canonicalJson({ ...render, seed })]]);
  });
}
