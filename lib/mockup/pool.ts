// One helper thread for the compositing kernel (the machine has 2 cores: this thread + one worker).
// The worker is created from the kernel's own source (toString), so it needs no separate file
// and works the same under tsx, vitest and Next's server bundle. All pixel arrays live in
// SharedArrayBuffers, so a job message carries handles, not copies.
import { Worker } from 'node:worker_threads';
import { compositeKernel, type KernelJob } from './kernel';

export const PARALLEL_MIN_PIXELS = 120_000;

let worker: Worker | null = null;
let broken = false;
let busy = false;
let seq = 0;
const pending = new Map<number, { resolve: () => void; reject: (e: Error) => void }>();

function start(): Worker | null {
  if (worker || broken) return worker;
  try {
    const code = [
      "const { parentPort } = require('node:worker_threads');",
      'var __name = (f) => f;', // esbuild's keepNames helper, if the bundler emitted calls to it
      `const compositeKernel = (${compositeKernel.toString()});`,
      'parentPort.on("message", (m) => {',
      '  try { compositeKernel(m.job); parentPort.postMessage({ id: m.id }); }',
      '  catch (e) { parentPort.postMessage({ id: m.id, error: String((e && e.stack) || e) }); }',
      '});',
    ].join('\n');
    const w = new Worker(code, { eval: true });
    w.unref();
    w.on('message', (m: { id: number; error?: string }) => {
      const p = pending.get(m.id);
      pending.delete(m.id);
      busy = pending.size > 0;
      if (!busy) worker?.unref(); // idle: do not keep the process alive
      if (m.error) p?.reject(new Error(m.error));
      else p?.resolve();
    });
    w.on('error', (e) => {
      broken = true;
      worker = null;
      for (const p of pending.values()) p.reject(e instanceof Error ? e : new Error(String(e)));
      pending.clear();
      busy = false;
    });
    worker = w;
  } catch {
    broken = true;
  }
  return worker;
}

/** True when a worker is there and idle (a concurrent render then runs on its own thread). */
export function workerAvailable(): boolean {
  if (process.env.MOCKUP_THREADS === '1') return false;
  return !busy && !!start();
}

export function runInWorker(job: KernelJob): Promise<void> {
  const w = start();
  if (!w) {
    compositeKernel(job);
    return Promise.resolve();
  }
  const id = ++seq;
  busy = true;
  w.ref(); // a job in flight keeps the process alive until its answer arrives
  return new Promise<void>((resolve, reject) => {
    pending.set(id, { resolve, reject });
    w.postMessage({ id, job });
  });
}
