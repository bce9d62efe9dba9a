// The embedded backend: seedprint-tiny-v1 (or any model with its ONNX interface).
// base.onnx   x[B,3,R,R], t[B], tokens int64[B,5] -> v     (v-prediction, alpha=cos(pi t/2), sigma=sin(pi t/2))
// baseHigh.onnx (optional) the same interface: the high-noise expert, used for t >= its fromT
// sr.onnx     x[B,3,H,W], low[B,3,H,W], t[B] -> v          (low = low-res tile upsampled xF)
// classifier  image[B,3,R,R] -> motif, layout logits
import * as ort from 'onnxruntime-node';
import { upsamplePeriodic } from './image';
import type { LoadedModel } from './model-registry';
import { gaussian, gaussianAsync, STREAM_BASE, STREAM_SR } from './prng';
import { cosineGrid, sample, type Scheduler } from './sampler';

export interface BaseBatchOptions {
  tokens: number[] | number[][]; // the 5 role ids, shared by the batch or one list per image
  seeds: number[]; // one image per seed
  /** per image: mix in a second noise (recipe.variation) */
  variations?: ({ seed: number; strength: number } | undefined)[];
  /** the current x0 estimate of the whole batch after each step (progressive previews) */
  onPreview?: (x0: Float32Array, step: number, total: number) => void | Promise<void>;
  steps: number;
  guidance: number;
  /** classifier-free guidance only at steps with t >= this (recipe.guidanceMinT); absent: every step */
  guidanceMinT?: number;
  scheduler: Scheduler;
  onStep?: (step: number, total: number) => void | Promise<void>;
  /** called with the UNet time of each call (benchmarks) */
  onUnetCall?: (ms: number, batch: number) => void;
}

export const unetStats = { calls: 0, ms: 0 };

/**
 * Runs the whole batch (all seeds, conditional + unconditional) through ONE UNet call per step.
 * With a guidance interval (guidanceMinT), the steps below it run the conditional half alone:
 * guidance there is 1, so the unconditional rows would be computed for nothing.
 */
export async function sampleBase(model: LoadedModel, o: BaseBatchOptions): Promise<Float32Array> {
  const R = model.manifest.resolution;
  const per = 3 * R * R;
  const B = o.seeds.length;
  const x = new Float32Array(B * per);
  o.seeds.forEach((seed, i) => x.set(startNoise(seed, per, o.variations?.[i]), i * per));
  const cfg = o.guidance !== 1;
  const NB = cfg ? 2 * B : B;
  const tok = new BigInt64Array(NB * 5);
  const perItem = Array.isArray(o.tokens[0]);
  for (let b = 0; b < B; b++) {
    const t = (perItem ? (o.tokens as number[][])[b] : (o.tokens as number[])) ?? [];
    for (let r = 0; r < 5; r++) tok[b * 5 + r] = BigInt(t[r] ?? 0); // uncond rows stay 0 (null)
  }
  const tokens = new ort.Tensor('int64', tok, [NB, 5]);
  const condTokens = cfg ? new ort.Tensor('int64', tok.slice(0, B * 5), [B, 5]) : tokens;
  const grid = cosineGrid(o.steps, model.manifest.tMax);
  const input = new Float32Array(NB * per);
  return sample(
    x,
    grid,
    async (xi, i) => {
      const guided = cfg && grid.t[i] >= (o.guidanceMinT ?? 0);
      const nb = guided ? NB : B;
      input.set(xi, 0);
      if (guided) input.set(xi, B * per);
      const t0 = performance.now();
      // the high-noise expert, where the model has one, denoises the steps with t >= its fromT
      const net = model.baseHigh && grid.t[i] >= (model.manifest.highNoiseExpert?.fromT ?? Infinity) ? model.baseHigh : model.base;
      const out = await net.run({
        x: new ort.Tensor('float32', guided ? input : input.subarray(0, B * per), [nb, 3, R, R]),
        t: new ort.Tensor('float32', new Float32Array(nb).fill(grid.t[i]), [nb]),
        tokens: guided ? tokens : condTokens,
      });
      const ms = performance.now() - t0;
      unetStats.calls++;
      unetStats.ms += ms;
      o.onUnetCall?.(ms, nb);
      const v = (out.v ?? Object.values(out)[0]).data as Float32Array;
      const a = grid.alpha[i], s = grid.sigma[i], g = o.guidance;
      const x0 = new Float32Array(B * per);
      const eps = new Float32Array(B * per);
      for (let k = 0; k < B * per; k++) {
        const vv = guided ? v[B * per + k] + g * (v[k] - v[B * per + k]) : v[k];
        const p = a * xi[k] - s * vv;
        x0[k] = p > 1 ? 1 : p < -1 ? -1 : p; // clip x0 to [-1, 1] (as models/sample_torch.py)
        eps[k] = s * xi[k] + a * vv;
      }
      await o.onPreview?.(x0, i + 1, grid.t.length - 1);
      return { x0, eps };
    },
    o.scheduler,
    o.onStep,
  );
}

/** Start noise of one image: N(seed), or cos(a) N(seed) + sin(a) N(variation), a = strength pi/2. */
export function startNoise(seed: number, n: number, variation?: { seed: number; strength: number }): Float32Array {
  const x = gaussian(seed, n, STREAM_BASE);
  if (!variation) return x;
  const v = gaussian(variation.seed, n, STREAM_BASE);
  const a = (variation.strength * Math.PI) / 2;
  const c = Math.cos(a), sn = Math.sin(a);
  for (let k = 0; k < n; k++) x[k] = c * x[k] + sn * v[k];
  return x;
}

/**
 * One super-resolution pass (xF) of one image. `low` is the low-res tile as NCHW [-1,1]
 * (from the quantised RGB8 pixels, so a PNG and its recipe upscale identically).
 * The noise comes from (seed, STREAM_SR + pass): the same input gives the same bytes.
 */
export async function srPass(model: LoadedModel, low: Float32Array, h: number, w: number, seed: number, pass = 0, steps?: number): Promise<{ data: Float32Array; h: number; w: number }> {
  const f = model.manifest.srFactor;
  const H = h * f, W = w * f;
  const up = upsamplePeriodic(low, h, w, f, model.manifest.srUpsample);
  const aug = model.manifest.srNoiseAugT;
  if (aug > 0) {
    // noise augmentation of the conditioning, as in training (deterministic: its own stream)
    const n = await gaussianAsync(seed, up.length, STREAM_SR + 0x100n + BigInt(pass));
    const a = Math.cos((Math.PI * aug) / 2), s = Math.sin((Math.PI * aug) / 2);
    for (let k = 0; k < up.length; k++) up[k] = a * up[k] + s * n[k];
  }
  const x = await gaussianAsync(seed, 3 * H * W, STREAM_SR + BigInt(pass));
  const grid = cosineGrid(steps ?? model.manifest.srSteps);
  const lowT = new ort.Tensor('float32', up, [1, 3, H, W]);
  const out = await sample(
    x,
    grid,
    async (xi, i) => {
      const r = await model.sr.run({ x: new ort.Tensor('float32', xi, [1, 3, H, W]), low: lowT, t: new ort.Tensor('float32', new Float32Array([grid.t[i]]), [1]) });
      const v = (r.v ?? Object.values(r)[0]).data as Float32Array;
      const a = grid.alpha[i], s = grid.sigma[i];
      const x0 = new Float32Array(xi.length);
      const eps = new Float32Array(xi.length);
      for (let k = 0; k < xi.length; k++) {
        const p = a * xi[k] - s * v[k];
        x0[k] = p > 1 ? 1 : p < -1 ? -1 : p;
        eps[k] = s * xi[k] + a * v[k];
      }
      return { x0, eps };
    },
    'ddim',
  );
  return { data: out, h: H, w: W };
}

/** Classifier logits for a batch of NCHW [-1,1] images at the base resolution. */
export async function classify(model: LoadedModel, images: Float32Array, batch: number): Promise<{ motif: Float32Array; layout: Float32Array } & Record<string, Float32Array>> {
  const R = model.manifest.resolution;
  if (!model.classifier) throw new Error(`Model ${model.manifest.id} has no classifier.onnx`);
  const r = await (await model.classifier()).run({ image: new ort.Tensor('float32', images, [batch, 3, R, R]) });
  // motif, layout (+ scale, background, motif_color heads when the classifier has them)
  return Object.fromEntries(Object.entries(r).map(([k, t]) => [k, t.data as Float32Array])) as { motif: Float32Array; layout: Float32Array } & Record<string, Float32Array>;
}
