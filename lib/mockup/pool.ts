// One helper thread for the compositing kernel: render.ts splits a large view in two bands, this
// thread draws one and the worker (piscina, kernel-worker.mjs) the other. All pixel arrays live
// in SharedArrayBuffers, so a job message carries handles, not copies.
import { env } from '../env';
import path from 'node:path';
import { Piscina } from 'piscina';
import { compositeKernel, type KernelJob } from './kernel.mjs';

export const PARALLEL_MIN_PIXELS = 120_000;

// A plain file next to this one, found from the project root (as lib/generation/ort-pool.ts
// does): the same path works in the dev server, `next start`, tsx and vitest.
const WORKER_FILE = 'lib/mockup/kernel-worker.mjs';
const pResolve = (...p: string[]) => path.resolve(/*turbopackIgnore: true*/ ...p);

let pool: Piscina | null = null;
let broken = false;
let inFlight = 0;

/** Bands drawn by the worker thread (tests check that the split really happens). */
export const poolStats = { workerJobs: 0 };

function start(): Piscina | null {
  if (pool || broken) return pool;
  try {
    // One thread, kept warm: the second half of every large render goes there.
    pool = new Piscina({ filename: pResolve(process.cwd(), WORKER_FILE), minThreads: 1, maxThreads: 1, idleTimeout: 60_000, concurrentTasksPerWorker: 1 });
    pool.on('error', () => {
      broken = true;
      pool = null;
    });
  } catch {
    broken = true;
  }
  return pool;
}

/** True when the worker is there and idle (a concurrent render then draws on one thread). */
export function workerAvailable(): boolean {
  if (env().MOCKUP_THREADS === 1) return false;
  return inFlight === 0 && !!start();
}

export async function runInWorker(job: KernelJob): Promise<void> {
  const p = start();
  if (!p) return compositeKernel(job);
  inFlight++;
  try {
    await p.run(job);
    poolStats.workerJobs++;
  } catch (err) {
    // A worker that cannot start (missing file, no threads): draw here and stop using it.
    if (!broken) console.warn(`[mockup] compositing worker failed, drawing on the main thread: ${(err as Error).message}`);
    broken = true;
    pool = null;
    compositeKernel(job);
  } finally {
    inFlight--;
  }
}
