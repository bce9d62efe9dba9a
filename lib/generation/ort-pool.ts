// Model sessions that run in worker threads (ort-worker.mjs), at a lower CPU priority: a render
// does not block the server's event loop for the length of each ONNX call, and page requests
// get the CPU first. The sessions look like ort.InferenceSession to the code that uses them
// (run, inputNames, outputNames, inputMetadata). One worker per render slot
// (GENERATION_MAX_CONCURRENT); a worker opens each model file once, when it first needs it.
import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import * as ort from 'onnxruntime-node';
import { env } from '../env';

/**
 * nice value of the render threads (0 = the process's own priority, 19 = the lowest). In a process
 * that serves pages, the lowest: a render runs on several threads (GENERATION_INTRA_OP_THREADS
 * per slot, PNG compression, libvips' pool), and their CPU shares add up: four threads at nice 10
 * would take about 30 % of a core from page requests (scheduler weights 4 × 110 against 1024),
 * at 19 about 6 % (4 × 15). A worker process (`npm run worker`) has no pages to protect: its renders
 * run at its own priority (rendersAtProcessPriority), or other processes would starve them.
 */
let renderNice = 19;
export const renderNiceness = () => renderNice;

/** For processes whose work is rendering (queue workers): render threads started from now on keep the process's priority. */
export function rendersAtProcessPriority(): void {
  renderNice = 0;
}

const pResolve = (...p: string[]) => path.resolve(/*turbopackIgnore: true*/ ...p);
const WORKER_FILE = 'lib/generation/ort-worker.mjs';
const PNG_WORKER_FILE = 'lib/generation/png-worker.mjs';

type WireTensor = { type: ort.Tensor.Type; data: ort.Tensor.DataType; dims: readonly number[] };
type Pending = { resolve: (v: unknown) => void; reject: (e: Error) => void };

class OrtWorker {
  private worker: Worker | null = null;
  private pending = new Map<number, Pending>();
  private nextId = 1;

  constructor(private readonly file: string) {}

  get load(): number {
    return this.pending.size;
  }

  call<T>(msg: Record<string, unknown>): Promise<T> {
    const w = this.start();
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      if (this.pending.size === 1) w.ref(); // keep the process alive while a call is out
      w.postMessage({ ...msg, id });
    });
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const w = new Worker(this.file, { workerData: { nice: renderNice } });
    w.unref();
    w.on('message', (m: { id: number; ok: boolean; result?: unknown; error?: string }) => {
      const p = this.pending.get(m.id);
      if (!p) return;
      this.pending.delete(m.id);
      if (this.pending.size === 0) w.unref();
      if (m.ok) p.resolve(m.result);
      else p.reject(new Error(m.error));
    });
    const fail = (err: Error) => {
      if (this.worker === w) this.worker = null; // the next call starts a fresh one
      for (const p of this.pending.values()) p.reject(err);
      this.pending.clear();
    };
    w.on('error', fail);
    w.on('exit', (code) => fail(new Error(`model worker exited (${code})`)));
    this.worker = w;
    return w;
  }
}

class OrtPool {
  readonly workers: OrtWorker[];
  constructor(file: string, size: number) {
    this.workers = Array.from({ length: Math.max(1, size) }, () => new OrtWorker(file));
  }
  /** the least busy worker */
  pick(): OrtWorker {
    return this.workers.reduce((a, b) => (b.load < a.load ? b : a));
  }
}

const g = globalThis as unknown as { seedprintOrtPool?: OrtPool | null; seedprintPngPool?: OrtPool | null };

/** A pool of worker threads running `script`, or null where it is not on disk. */
function poolOf(key: 'seedprintOrtPool' | 'seedprintPngPool', script: string, size: number): OrtPool | null {
  if (g[key] === undefined) {
    const file = pResolve(process.cwd(), script);
    g[key] = fs.existsSync(file) ? new OrtPool(file, size) : null;
  }
  return g[key];
}

/** The model pool, or null where the worker script is not on disk (then sessions run in-process). */
const pool = (size: number) => poolOf('seedprintOrtPool', WORKER_FILE, size);

/** A session of `file` in the worker pool, shaped like ort.InferenceSession. */
export async function openPooledSession(
  file: string,
  options: ort.InferenceSession.SessionOptions,
  providers: string[],
  workers: number,
): Promise<{ session: ort.InferenceSession; provider: string } | null> {
  const p = pool(workers);
  if (!p) return null;
  const msg = { file, options, providers };
  // Opened in the first worker now; another worker opens it on its first run (the worker's run
  // opens what it lacks), so a process that renders one thing at a time holds one copy of the models.
  const info = await p.workers[0].call<{ provider: string; inputNames: string[]; outputNames: string[]; inputMetadata?: { name: string; type?: string }[] }>({ op: 'open', ...msg });
  const session = {
    inputNames: info.inputNames,
    outputNames: info.outputNames,
    inputMetadata: info.inputMetadata,
    async run(feeds: Record<string, ort.Tensor>): Promise<Record<string, ort.Tensor>> {
      const wire: Record<string, WireTensor> = {};
      for (const [k, t] of Object.entries(feeds)) wire[k] = { type: t.type, data: t.data, dims: t.dims };
      const out = await p.pick().call<Record<string, WireTensor>>({ op: 'run', ...msg, feeds: wire });
      const result: Record<string, ort.Tensor> = {};
      for (const [k, t] of Object.entries(out)) result[k] = new ort.Tensor(t.type, t.data as Float32Array, t.dims);
      return result;
    },
    async release() {},
  };
  return { session: session as unknown as ort.InferenceSession, provider: info.provider };
}

/**
 * The PNG IDAT payload of RGB8 pixels (png-idat.mjs), made in a worker thread at the renders'
 * priority (png-worker.mjs), off the event loop. Null where the worker script is not on disk.
 */
export async function idatInRenderThread(rgb: Uint8Array, width: number, height: number): Promise<Buffer | null> {
  const p = poolOf('seedprintPngPool', PNG_WORKER_FILE, env().GENERATION_MAX_CONCURRENT);
  if (!p) return null;
  const out = await p.pick().call<Uint8Array>({ rgb, width, height });
  return Buffer.from(out.buffer, out.byteOffset, out.byteLength);
}
