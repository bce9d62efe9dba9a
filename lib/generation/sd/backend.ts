// Second backend: a Stable-Diffusion-style ONNX folder (diffusers/optimum layout), selected by
// GENERATION_BACKEND=sd-onnx and GENERATION_MODEL_DIR:
//   text_encoder/model.onnx  input_ids int32|int64 [B,77] -> last_hidden_state [B,77,D]
//   unet/model.onnx          sample [B,4,h,w], timestep [B] (int64 or float), encoder_hidden_states -> out_sample
//   vae_decoder/model.onnx   latent_sample [B,4,h,w] -> sample [B,3,8h,8w]
//   tokenizer/vocab.json + merges.txt (CLIP BPE), scheduler/scheduler_config.json (optional)
// Discrete VP schedule (scaled_linear betas by default), eps- or v-prediction per the
// scheduler config, "trailing" timestep spacing (good for SD-Turbo at 1-4 steps as well as
// for 20+ steps), classifier-free guidance with cond+uncond in one batch.
// Tiling: foreign weights use zero padding inside their convs. scripts/model-sd/make_tileable.py
// rewrites the UNet and VAE decoder graphs to wrap-around padding (and writes "tileable": true
// to seedprint.json); only then do recipes from this backend say tileable=true.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import * as ort from 'onnxruntime-node';
import { env } from '../../env';
import { badRequest, HttpError } from '../../http/errors';
import { createSession } from '../model-registry';
import { startNoise } from '../embedded';
import { normalizeRecipe, type Recipe } from '../recipe';
import { isScheduler, sample, SCHEDULERS, type Grid, type Scheduler } from '../sampler';
import { ClipTokenizer } from './clip-tokenizer';

// Model folders are chosen at run time: keep bundlers from tracing the whole project.
const pJoin = (...p: string[]) => path.join(/*turbopackIgnore: true*/ ...p);
const pResolve = (...p: string[]) => path.resolve(/*turbopackIgnore: true*/ ...p);

export interface SdModel {
  dir: string;
  id: string;
  sha256: string; // of unet/model.onnx (+ external data): what recipes record
  tokenizer: ClipTokenizer;
  textEncoder: ort.InferenceSession;
  unet: ort.InferenceSession;
  vae: ort.InferenceSession;
  provider: string;
  prediction: 'epsilon' | 'v_prediction';
  alphasCumprod: Float64Array;
  latentScale: number;
  /** convs pad circularly (graph rewritten by make_tileable.py): outputs repeat seamlessly */
  tileable: boolean;
  defaults: { steps: number; guidance: number; scheduler: Scheduler; size: number };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- model config files of another toolchain, read field by field
function readJson(file: string): any {
  return fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : {};
}

function fileSha(files: string[]): string {
  const h = createHash('sha256');
  for (const f of files) h.update(fs.readFileSync(f));
  return h.digest('hex');
}

const g = globalThis as unknown as { seedprintSd?: Map<string, Promise<SdModel>> };
const cache = (g.seedprintSd ??= new Map());

export function sdModelDir(): string {
  const d = env().GENERATION_MODEL_DIR;
  if (!d) throw new Error('GENERATION_BACKEND=sd-onnx needs GENERATION_MODEL_DIR (a folder with text_encoder/, unet/, vae_decoder/, tokenizer/)');
  return pResolve(d);
}

export function loadSd(dir = sdModelDir()): Promise<SdModel> {
  let p = cache.get(dir);
  if (!p) {
    p = (async () => {
      for (const f of ['text_encoder/model.onnx', 'unet/model.onnx', 'vae_decoder/model.onnx', 'tokenizer/vocab.json', 'tokenizer/merges.txt'])
        if (!fs.existsSync(pJoin(dir, f))) throw new Error(`sd-onnx model ${dir}: ${f} is missing`);
      const sched = readJson(pJoin(dir, 'scheduler/scheduler_config.json'));
      const index = readJson(pJoin(dir, 'model_index.json'));
      const vaeCfg = readJson(pJoin(dir, 'vae_decoder/config.json'));
      const seedprint = readJson(pJoin(dir, 'seedprint.json')); // optional shop overrides
      const n = Number(sched.num_train_timesteps ?? 1000);
      const b0 = Number(sched.beta_start ?? 0.00085), b1 = Number(sched.beta_end ?? 0.012);
      const kind = String(sched.beta_schedule ?? 'scaled_linear');
      const ac = new Float64Array(n);
      let prod = 1;
      for (let i = 0; i < n; i++) {
        const beta = kind === 'linear' ? b0 + ((b1 - b0) * i) / (n - 1) : (Math.sqrt(b0) + ((Math.sqrt(b1) - Math.sqrt(b0)) * i) / (n - 1)) ** 2;
        prod *= 1 - beta;
        ac[i] = prod;
      }
      const unetFiles = fs.readdirSync(pJoin(dir, 'unet')).filter((f) => f === 'model.onnx' || f.endsWith('.onnx_data') || f === 'model.onnx.data' || f === 'weights.pb').sort().map((f) => pJoin(dir, 'unet', f));
      const [te, un, va] = await Promise.all(['text_encoder', 'unet', 'vae_decoder'].map((s) => createSession(pJoin(dir, s, 'model.onnx'))));
      const sched0 = String(seedprint.scheduler ?? 'ddim');
      return {
        dir,
        id: String(seedprint.id ?? index._name_or_path ?? path.basename(dir)),
        sha256: fileSha(unetFiles),
        tokenizer: ClipTokenizer.fromDir(pJoin(dir, 'tokenizer')),
        textEncoder: te.session,
        unet: un.session,
        vae: va.session,
        provider: un.provider,
        prediction: sched.prediction_type === 'v_prediction' ? 'v_prediction' : 'epsilon',
        alphasCumprod: ac,
        latentScale: Number(vaeCfg.scaling_factor ?? seedprint.latent_scale ?? 0.18215),
        tileable: seedprint.tileable === true,
        defaults: {
          steps: Number(seedprint.steps ?? 20),
          guidance: Number(seedprint.guidance ?? 7.5),
          scheduler: isScheduler(sched0) ? sched0 : 'ddim',
          size: Number(seedprint.size ?? index.sample_size ?? 512),
        },
      } satisfies SdModel;
    })();
    cache.set(dir, p);
    p.catch(() => cache.delete(dir));
  }
  return p;
}

/** Trailing spacing: t_i = round(N - i N/steps) - 1, then a final clean point (alpha = 1). */
export function sdGrid(ac: Float64Array, steps: number): Grid & { timesteps: number[] } {
  const N = ac.length;
  const timesteps = Array.from({ length: steps }, (_, i) => Math.round(N - (i * N) / steps) - 1);
  const alpha = timesteps.map((t) => Math.sqrt(ac[t]));
  const sigma = timesteps.map((t) => Math.sqrt(1 - ac[t]));
  return { timesteps, t: [...timesteps, -1], alpha: [...alpha, 1], sigma: [...sigma, 0] };
}

// fp16 exports (common for GPU) take and return float16: converted here (Node 20 has no
// Float16Array; ORT takes float16 as Uint16Array bits). Round-to-nearest-even.
const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);
export function toHalf(a: Float32Array): Uint16Array {
  const out = new Uint16Array(a.length);
  for (let i = 0; i < a.length; i++) {
    f32[0] = a[i];
    const x = u32[0];
    const sign = (x >>> 16) & 0x8000;
    const exp = (x >>> 23) & 0xff;
    let mant = x & 0x7fffff;
    if (exp === 0xff) {
      out[i] = sign | 0x7c00 | (mant ? 0x200 : 0);
      continue;
    }
    const e = exp - 127 + 15;
    if (e >= 0x1f) {
      out[i] = sign | 0x7c00;
    } else if (e <= 0) {
      if (e < -10) {
        out[i] = sign;
        continue;
      }
      mant |= 0x800000;
      const shift = 14 - e;
      let h = mant >>> shift;
      const rem = mant & ((1 << shift) - 1), half = 1 << (shift - 1);
      if (rem > half || (rem === half && h & 1)) h++;
      out[i] = sign | h;
    } else {
      let h = (e << 10) | (mant >>> 13);
      const rem = mant & 0x1fff;
      if (rem > 0x1000 || (rem === 0x1000 && h & 1)) h++;
      out[i] = sign | h;
    }
  }
  return out;
}
export function fromHalf(a: Uint16Array): Float32Array {
  const out = new Float32Array(a.length);
  for (let i = 0; i < a.length; i++) {
    const h = a[i];
    const sign = h & 0x8000 ? -1 : 1;
    const e = (h >>> 10) & 0x1f, m = h & 0x3ff;
    out[i] = e === 0 ? sign * m * 2 ** -24 : e === 0x1f ? (m ? NaN : sign * Infinity) : sign * (1 + m / 1024) * 2 ** (e - 15);
  }
  return out;
}
function floatTensor(s: ort.InferenceSession, name: string, data: Float32Array, dims: number[]): ort.Tensor {
  return inputType(s, name) === 'float16' ? new ort.Tensor('float16', toHalf(data), dims) : new ort.Tensor('float32', data, dims);
}
function floatData(t: ort.Tensor): Float32Array {
  return t.type === 'float16' ? fromHalf(t.data as Uint16Array) : (t.data as Float32Array);
}

function inputType(s: ort.InferenceSession, name: string): string | undefined {
  const md = (s as unknown as { inputMetadata?: { name: string; type?: string }[] }).inputMetadata;
  return Array.isArray(md) ? md.find((m) => m.name === name)?.type : undefined;
}

async function encodeText(m: SdModel, prompts: string[]): Promise<ort.Tensor> {
  const L = m.tokenizer.maxLength;
  const ids = prompts.map((p) => m.tokenizer.encodePadded(p));
  const name = m.textEncoder.inputNames[0];
  const t = inputType(m.textEncoder, name) === 'int64'
    ? new ort.Tensor('int64', BigInt64Array.from(ids.flatMap((a) => [...a]).map(BigInt)), [prompts.length, L])
    : new ort.Tensor('int32', Int32Array.from(ids.flatMap((a) => [...a])), [prompts.length, L]);
  const out = await m.textEncoder.run({ [name]: t });
  const h = out.last_hidden_state ?? Object.values(out)[0];
  // hand the UNet the float type it wants
  const want = inputType(m.unet, 'encoder_hidden_states');
  if (want === 'float16' && h.type === 'float32') return new ort.Tensor('float16', toHalf(h.data as Float32Array), h.dims);
  if (want !== 'float16' && h.type === 'float16') return new ort.Tensor('float32', fromHalf(h.data as Uint16Array), h.dims);
  return h;
}

interface SdGenerate {
  prompt: string;
  negativePrompt?: string;
  seeds: number[];
  variations?: ({ seed: number; strength: number } | undefined)[];
  steps?: number;
  guidance?: number;
  /** refused when set (> 0): guidance intervals are the embedded model's */
  guidanceMinT?: number;
  scheduler?: string;
  size?: number;
  onStep?: (step: number, total: number) => void | Promise<void>;
}

async function run(m: SdModel, o: Required<Pick<SdGenerate, 'prompt' | 'seeds'>> & { steps: number; guidance: number; scheduler: Scheduler; size: number; negativePrompt?: string; variations?: SdGenerate['variations']; onStep?: SdGenerate['onStep'] }): Promise<Uint8Array[]> {
  const B = o.seeds.length;
  const lh = o.size / 8, lw = o.size / 8;
  const per = 4 * lh * lw;
  // diffusers semantics: guidance <= 1 means no unconditional pass (SD-Turbo runs with 0 or 1)
  const cfg = o.guidance > 1;
  const NB = cfg ? 2 * B : B;
  const emb = await encodeText(m, [...Array(B).fill(o.prompt), ...(cfg ? Array(B).fill(o.negativePrompt ?? '') : [])]);
  const x = new Float32Array(B * per);
  o.seeds.forEach((s, i) => x.set(startNoise(s, per, o.variations?.[i]), i * per));
  const grid = sdGrid(m.alphasCumprod, o.steps);
  const tName = m.unet.inputNames.find((n) => /time/.test(n)) ?? 'timestep';
  const tType = inputType(m.unet, tName) ?? 'int64';
  const input = new Float32Array(NB * per);
  const out = await sample(
    x,
    grid,
    async (xi, i) => {
      input.set(xi, 0);
      if (cfg) input.set(xi, B * per);
      const ts = grid.timesteps[i];
      const tTensor = tType === 'int64' ? new ort.Tensor('int64', new BigInt64Array(NB).fill(BigInt(ts)), [NB]) : floatTensor(m.unet, tName, new Float32Array(NB).fill(ts), [NB]);
      const r = await m.unet.run({ sample: floatTensor(m.unet, 'sample', input, [NB, 4, lh, lw]), [tName]: tTensor, encoder_hidden_states: emb });
      const e = floatData(r.out_sample ?? Object.values(r)[0]);
      const a = grid.alpha[i], s = grid.sigma[i], gg = o.guidance;
      const x0 = new Float32Array(B * per);
      for (let k = 0; k < B * per; k++) {
        const pred = cfg ? e[B * per + k] + gg * (e[k] - e[B * per + k]) : e[k];
        x0[k] = m.prediction === 'v_prediction' ? a * xi[k] - s * pred : (xi[k] - s * pred) / a;
      }
      return x0;
    },
    o.scheduler,
    o.onStep,
  );
  const lat = new Float32Array(out.length);
  for (let k = 0; k < out.length; k++) lat[k] = out[k] / m.latentScale;
  const images: Uint8Array[] = [];
  for (let b = 0; b < B; b++) {
    // decode one at a time: the VAE is the memory-hungry part at 512 px
    const vin = m.vae.inputNames[0];
    const d = await m.vae.run({ [vin]: floatTensor(m.vae, vin, lat.slice(b * per, (b + 1) * per), [1, 4, lh, lw]) });
    const img = floatData(d.sample ?? Object.values(d)[0]);
    const H = o.size, W = o.size, plane = H * W;
    const rgb = new Uint8Array(plane * 3);
    for (let c = 0; c < 3; c++) for (let p = 0; p < plane; p++) {
      const v = img[c * plane + p];
      rgb[p * 3 + c] = Math.round(((v > 1 ? 1 : v < -1 ? -1 : v) + 1) * 127.5);
    }
    images.push(rgb);
  }
  return images;
}

export async function generate(o: SdGenerate): Promise<{ recipes: Recipe[]; images: Uint8Array[] }> {
  const m = await loadSd();
  const steps = o.steps ?? m.defaults.steps;
  const guidance = o.guidance ?? m.defaults.guidance;
  const scheduler = o.scheduler ?? m.defaults.scheduler;
  const size = o.size ?? m.defaults.size;
  if (!isScheduler(scheduler)) throw badRequest(`scheduler must be one of: ${SCHEDULERS.join(', ')}.`, 'invalid_scheduler');
  if (o.guidanceMinT) throw badRequest('A guidance interval (guidanceMinT) needs the embedded model; the sd-onnx backend guides every step.', 'invalid_guidance_min_t');
  if (size % 8 !== 0) throw badRequest('size must be a multiple of 8 for the sd-onnx backend.', 'invalid_size');
  const images = await run(m, { prompt: o.prompt, negativePrompt: o.negativePrompt, seeds: o.seeds, variations: o.variations, steps, guidance, scheduler, size, onStep: o.onStep });
  const recipes = o.seeds.map((seed, i) =>
    normalizeRecipe({ prompt: o.prompt, negativePrompt: o.negativePrompt, seed, modelId: m.id, modelSha256: m.sha256, scheduler, steps, guidance, width: size, height: size, tileable: m.tileable, variation: o.variations?.[i] }),
  );
  return { recipes, images };
}

export async function render(recipe: Recipe): Promise<Uint8Array> {
  const m = await loadSd();
  if (recipe.modelSha256 !== m.sha256) {
    throw new HttpError(409, `This design was made with model ${recipe.modelId} (sha256 ${recipe.modelSha256.slice(0, 12)}…), but this server runs ${m.id} (sha256 ${m.sha256.slice(0, 12)}…).`, 'model_mismatch');
  }
  if (!isScheduler(recipe.scheduler)) throw badRequest(`Unknown scheduler ${recipe.scheduler}`, 'invalid_scheduler');
  if (recipe.guidanceMinT !== undefined) throw badRequest('This recipe uses a guidance interval (guidanceMinT), which only the embedded model supports.', 'invalid_guidance_min_t');
  const [img] = await run(m, { prompt: recipe.prompt, negativePrompt: recipe.negativePrompt, seeds: [recipe.seed], variations: [recipe.variation], steps: recipe.steps, guidance: recipe.guidance, scheduler: recipe.scheduler, size: recipe.width });
  return img;
}

export async function info() {
  const m = await loadSd();
  return {
    backend: 'sd-onnx' as const,
    id: m.id,
    version: '',
    dir: path.relative(process.cwd(), m.dir),
    standin: false,
    modelSha256: m.sha256,
    files: {},
    provider: m.provider,
    resolution: m.defaults.size,
    srFactor: 0,
    defaults: { steps: m.defaults.steps, guidance: m.defaults.guidance, scheduler: m.defaults.scheduler },
    schedulers: [...SCHEDULERS],
    tileable: m.tileable,
  };
}
