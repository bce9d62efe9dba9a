// Loads TF.js graph models (MediaPipe selfie segmentation, MoveNet) from lib/tryon/models on
// the WebAssembly backend. tfjs is required at run time through Node's own resolver (not the
// bundler), so the wasm binary is found next to its package in Next.js, tsx and vitest alike.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type * as TfCore from '@tensorflow/tfjs-core';
import type * as TfConverter from '@tensorflow/tfjs-converter';
import { env } from '../env';

export type Tf = typeof TfCore;
export type GraphModel = TfConverter.GraphModel;

export interface Models {
  tf: Tf;
  selfie: GraphModel;
  movenet: GraphModel;
}

/** The folder holding the model files (repo root is the working directory of every entry point). */
export function modelDir(): string {
  const candidates = [env().TRYON_MODEL_DIR, path.join(process.cwd(), 'lib', 'tryon', 'models')];
  try {
    candidates.push(path.join(import.meta.dirname, 'models'));
  } catch {
    /* bundled: no dirname */
  }
  for (const c of candidates) if (c && fs.existsSync(path.join(c, 'selfie.json'))) return c;
  throw new Error('try-on model files not found (expected lib/tryon/models/selfie.json); run `npx tsx scripts/tryon/fetch-models.ts`');
}

function loadFromDir(tf: Tf, conv: typeof TfConverter, dir: string, name: string): Promise<GraphModel> {
  const json = JSON.parse(fs.readFileSync(path.join(dir, `${name}.json`), 'utf8'));
  const weightSpecs = json.weightsManifest.flatMap((g: { weights: unknown[] }) => g.weights);
  const bins = json.weightsManifest.flatMap((g: { paths: string[] }) => g.paths).map((p: string) => fs.readFileSync(path.join(dir, path.basename(p))));
  const all = Buffer.concat(bins);
  const weightData = all.buffer.slice(all.byteOffset, all.byteOffset + all.byteLength) as ArrayBuffer;
  return conv.loadGraphModel(
    tf.io.fromMemory({ modelTopology: json.modelTopology, weightSpecs, weightData, format: json.format, generatedBy: json.generatedBy, convertedBy: json.convertedBy, signature: json.signature }),
  );
}

const g = globalThis as unknown as { seedprintTryonModels?: Promise<Models> };

async function load(): Promise<Models> {
  const req = createRequire(path.join(process.cwd(), 'package.json'));
  const tf = req('@tensorflow/tfjs-core') as Tf;
  const conv = req('@tensorflow/tfjs-converter') as typeof TfConverter;
  req('@tensorflow/tfjs-backend-wasm');
  // Quiet: tfjs prints a banner about tfjs-node otherwise.
  tf.env().set('IS_TEST', true);
  if (tf.getBackend() !== 'wasm') {
    await tf.setBackend('wasm');
    await tf.ready();
  }
  const dir = modelDir();
  const [selfie, movenet] = await Promise.all([loadFromDir(tf, conv, dir, 'selfie'), loadFromDir(tf, conv, dir, 'movenet-thunder')]);
  return { tf, selfie, movenet };
}

/** Loads once per process (~0.5 s); later calls share the loaded models. */
export function loadModels(): Promise<Models> {
  return (g.seedprintTryonModels ??= load().catch((err) => {
    g.seedprintTryonModels = undefined;
    throw err;
  }));
}
