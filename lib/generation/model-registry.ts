// Finds the embedded model (models/seedprint-tiny-v1/manifest.json), verifies the sha256 of
// every file it lists at load, and keeps ONE InferenceSession per model file per process.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import * as ort from 'onnxruntime-node';
import { sha256HexSchema } from '../design';
import { env } from '../env';
import { openPooledSession } from './ort-pool';
import { loadVocab, PromptParser, type Vocab } from './vocab';

// Model folders are chosen at run time: keep bundlers from tracing the whole project.
const pJoin = (...p: string[]) => path.join(/*turbopackIgnore: true*/ ...p);
const pResolve = (...p: string[]) => path.resolve(/*turbopackIgnore: true*/ ...p);

export const DEFAULT_MODEL_DIR = 'models/seedprint-tiny-v1';
/** The random-weight model the tests point GENERATION_MODEL_DIR at: the studio says its pictures are noise. */
export const STANDIN_MODEL_ID = 'seedprint-standin-random';

export function generationSettings() {
  const e = env();
  return {
    GENERATION_INTRA_OP_THREADS: e.GENERATION_INTRA_OP_THREADS,
    GENERATION_EXECUTION_PROVIDER: e.GENERATION_EXECUTION_PROVIDER,
    GENERATION_QUEUE_MAX: e.GENERATION_QUEUE_MAX,
    GENERATION_ORT_SPIN: e.GENERATION_ORT_SPIN,
    maxConcurrent: e.GENERATION_MAX_CONCURRENT,
  };
}

export interface ModelFile {
  path: string;
  sha256: string;
}

export interface EmbeddedManifest {
  id: string;
  version: string;
  dir: string;
  files: Record<'base' | 'sr' | 'vocab', ModelFile> & { classifier?: ModelFile } & Record<string, ModelFile>;
  resolution: number;
  srFactor: number;
  srUpsample: 'nearest' | 'bicubic';
  srSteps: number;
  srMultipleOf: number;
  /** if > 0, the low-res conditioning is noised to this t (deterministically) before SR */
  srNoiseAugT: number;
  defaults: { steps: number; guidance: number; guidanceMinT?: number; scheduler: string };
  tMax: number;
  /** High-noise expert (files.baseHigh): it denoises the steps with t >= fromT, the base the rest. */
  highNoiseExpert: { fromT: number } | null;
  /** What recipes record as the model's hash: base.onnx's sha256, or, with a high-noise expert,
   * the sha256 of both files' digests and of the hand-off point (everything that shapes the image). */
  modelSha256: string;
  raw: Record<string, unknown>;
}

function sha256File(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

/** Normalises manifest.json ({files:{base:{path,sha256}}} or {files:{"base.onnx":"<sha>"}} or a list). */
export function readManifest(dir: string): EmbeddedManifest {
  const file = pJoin(dir, 'manifest.json');
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- manifests written by several tools, checked field by field below
  const raw = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, any>;
  const files: Record<string, ModelFile> = {};
  const addFile = (name: string, p: string | undefined, sha: string | undefined) => {
    const key = name.replace(/\.(onnx|json)$/, '');
    const rel = p ?? (key === 'vocab' ? 'vocab.json' : `${key}.onnx`);
    if (!sha || !sha256HexSchema.safeParse(sha).success) throw new Error(`${file}: file ${name} has no sha256`);
    if (!/\.(onnx|json|txt)$/.test(rel)) return; // descriptive entries
    files[key] = { path: rel, sha256: sha };
  };
  const f = raw.files ?? raw.sha256 ?? raw.checksums;
  if (Array.isArray(f)) for (const e of f) addFile(e.name ?? e.role ?? path.basename(e.path), e.path ?? e.file, e.sha256);
  else if (f && typeof f === 'object')
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- see raw above
    for (const [k, v] of Object.entries(f as Record<string, any>)) {
      if (typeof v === 'string') addFile(k, /\.(onnx|json)$/.test(k) ? k : undefined, v);
      else addFile(k, v.path ?? v.file, v.sha256);
    }
  // vocab.json may be listed without a checksum ("vocab": "vocab.json"): hash it at load.
  if (!files.vocab) files.vocab = { path: typeof raw.vocab === 'string' ? raw.vocab : 'vocab.json', sha256: '' };
  if (!files.classifier && fs.existsSync(pJoin(dir, 'classifier.onnx'))) files.classifier = { path: 'classifier.onnx', sha256: '' };
  for (const need of ['base', 'sr']) if (!files[need]) throw new Error(`${file}: missing file entry "${need}"`);
  const ex = raw.base?.highNoiseExpert;
  let expert: { fromT: number } | null = null;
  if (ex) {
    const key = String(ex.file ?? 'baseHigh');
    if (!files[key]) throw new Error(`${file}: base.highNoiseExpert names file "${key}", which is not listed`);
    expert = { fromT: Number(ex.fromT) };
    if (!(expert.fromT > 0 && expert.fromT < 1)) throw new Error(`${file}: base.highNoiseExpert.fromT must be between 0 and 1`);
    if (key !== 'baseHigh') {
      // kept under one name, so the file is hashed once at load
      files.baseHigh = files[key];
      delete files[key];
    }
  }
  const sr = raw.sr ?? raw.upscaler ?? {};
  const defaults = raw.defaults ?? raw.recommended ?? raw.sampling ?? {};
  const guidanceMinT = defaults.guidanceMinT === undefined ? undefined : Number(defaults.guidanceMinT);
  if (guidanceMinT !== undefined && !(guidanceMinT >= 0 && guidanceMinT <= 1)) throw new Error(`${file}: recommended.guidanceMinT must be from 0 to 1`);
  return {
    id: String(raw.id ?? raw.model_id ?? raw.name ?? path.basename(dir)),
    version: String(raw.version ?? '0'),
    dir,
    files: files as EmbeddedManifest['files'],
    resolution: Number(raw.resolution ?? raw.base?.size ?? raw.base?.resolution ?? raw.image_size ?? 64),
    srFactor: Number(sr.factor ?? sr.scale ?? 4),
    srUpsample: String(sr.lowUpsample ?? sr.upsample ?? sr.low_upsample ?? raw.sr_upsample ?? 'nearest').toLowerCase().startsWith('bicubic') ? 'bicubic' : 'nearest',
    srSteps: Number(sr.recommendedSteps ?? sr.steps ?? sr.default_steps ?? 4),
    srMultipleOf: Number(sr.multipleOf ?? 1),
    srNoiseAugT: Number(sr.noiseAugT ?? 0),
    defaults: {
      steps: Number(defaults.steps ?? 8),
      guidance: Number(defaults.guidance ?? defaults.cfg ?? 3),
      guidanceMinT,
      scheduler: String(defaults.scheduler ?? defaults.sampler ?? 'ddim'),
    },
    tMax: Number(raw.t_max ?? raw.schedule_t_max ?? 1),
    highNoiseExpert: expert,
    modelSha256: expert ? expertModelSha256(files.base.sha256, files.baseHigh.sha256, expert.fromT) : files.base.sha256,
    raw,
  };
}

// The hand-off point changes every render as much as the weights do, so it is part of the hash that
// recipes record. At 0.6 (the only hand-off shipped before this rule) it is left out, which keeps
// the hashes of existing recipes as they were; any other value gives a different model hash.
const LEGACY_FROM_T = 0.6;
function expertModelSha256(baseSha: string, highSha: string, fromT: number): string {
  const handOff = fromT === LEGACY_FROM_T ? '' : `fromT=${fromT}\n`;
  return createHash('sha256').update(`${baseSha}\n${highSha}\n${handOff}`).digest('hex');
}

export function resolveModelDir(): string {
  const configured = env().GENERATION_BACKEND === 'embedded' ? env().GENERATION_MODEL_DIR : undefined;
  if (configured) return pResolve(configured);
  const real = pResolve(DEFAULT_MODEL_DIR);
  if (fs.existsSync(pJoin(real, 'manifest.json'))) return real;
  throw new Error(`No model: ${real}/manifest.json is missing (set GENERATION_MODEL_DIR)`);
}

export function executionProviders(): string[] {
  const want = generationSettings().GENERATION_EXECUTION_PROVIDER;
  if (want === 'cpu') return ['cpu'];
  const cuda = ort.listSupportedBackends?.().some((b) => b.name === 'cuda' && b.bundled !== false) || fs.existsSync('/dev/nvidia0');
  return want === 'cuda' || cuda ? ['cuda', 'cpu'] : ['cpu'];
}

/**
 * One session per file path per process; falls back to CPU if the CUDA provider cannot load.
 * Sessions run in worker threads at a lower priority (ort-pool), so renders leave the server's
 * event loop and CPU to page requests; in-process only where the worker script is missing.
 */
export async function createSession(file: string): Promise<{ session: ort.InferenceSession; provider: string }> {
  const st = generationSettings();
  const base: ort.InferenceSession.SessionOptions = {
    intraOpNumThreads: st.GENERATION_INTRA_OP_THREADS,
    interOpNumThreads: 1,
    graphOptimizationLevel: 'all',
    executionMode: 'sequential',
    extra: { session: { intra_op: { allow_spinning: st.GENERATION_ORT_SPIN }, inter_op: { allow_spinning: st.GENERATION_ORT_SPIN } } },
  };
  const eps = executionProviders();
  const pooled = await openPooledSession(file, base, eps, st.maxConcurrent);
  if (pooled) return pooled;
  if (eps[0] === 'cuda') {
    try {
      return { session: await ort.InferenceSession.create(file, { ...base, executionProviders: ['cuda', 'cpu'] }), provider: 'cuda' };
    } catch (err) {
      console.warn(`[generation] CUDA execution provider unavailable (${(err as Error).message.split('\n')[0]}); using CPU`);
    }
  }
  return { session: await ort.InferenceSession.create(file, { ...base, executionProviders: ['cpu'] }), provider: 'cpu' };
}

export interface LoadedModel {
  manifest: EmbeddedManifest;
  vocab: Vocab;
  parser: PromptParser;
  base: ort.InferenceSession;
  /** the high-noise expert's session (manifest.highNoiseExpert), else null */
  baseHigh: ort.InferenceSession | null;
  sr: ort.InferenceSession;
  /** opens classifier.onnx on first call (only the eval needs it); null when the model ships without one */
  classifier: (() => Promise<ort.InferenceSession>) | null;
  provider: string;
  loadMs: number;
}

const g = globalThis as unknown as { seedprintModels?: Map<string, Promise<LoadedModel>> };
const loaded = (g.seedprintModels ??= new Map());

export async function loadModelFrom(dir: string): Promise<LoadedModel> {
  const key = pResolve(dir);
  let p = loaded.get(key);
  if (!p) {
    p = (async () => {
      const t0 = performance.now();
      const manifest = readManifest(key);
      for (const [name, f] of Object.entries(manifest.files)) {
        const full = pJoin(key, f.path);
        if (!fs.existsSync(full)) throw new Error(`Model ${manifest.id}: ${f.path} is missing`);
        const actual = sha256File(full);
        if (!f.sha256) f.sha256 = actual; // listed without a checksum: record what was loaded
        else if (actual !== f.sha256 && name === 'classifier') {
          // The classifier only serves the evaluation; generation must not depend on it.
          console.warn(`[generation] ${f.path} does not match the manifest: evaluation is unavailable`);
          delete (manifest.files as Record<string, ModelFile | undefined>).classifier;
        } else if (actual !== f.sha256) throw new Error(`Model ${manifest.id}: ${f.path} has sha256 ${actual}, manifest says ${f.sha256} (corrupt or replaced file: ${name})`);
      }
      const vocab = loadVocab(JSON.parse(fs.readFileSync(pJoin(key, manifest.files.vocab.path), 'utf8')));
      const open = (f: ModelFile) => createSession(pJoin(key, f.path));
      const { files } = manifest;
      // the generation sessions open at once; the eval-only classifier opens on its first use, not at the store's start-up
      const [b, s, hi] = await Promise.all([open(files.base), open(files.sr), manifest.highNoiseExpert ? open(files.baseHigh) : null]);
      const clsFile = files.classifier;
      let clsSession: Promise<ort.InferenceSession> | undefined;
      const classifier = clsFile ? () => (clsSession ??= open(clsFile).then((c) => c.session)) : null;
      return { manifest, vocab, parser: new PromptParser(vocab), base: b.session, baseHigh: hi?.session ?? null, sr: s.session, classifier, provider: b.provider, loadMs: performance.now() - t0 };
    })();
    loaded.set(key, p);
    p.catch(() => loaded.delete(key));
  }
  return p;
}

export function loadModel(): Promise<LoadedModel> {
  return loadModelFrom(resolveModelDir());
}
