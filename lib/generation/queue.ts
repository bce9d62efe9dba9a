// A bounded render queue: at most `concurrency` renders run at once (each already uses
// GENERATION_INTRA_OP_THREADS cores), at most `maxWaiting` wait; beyond that callers get 503
// at once instead of piling up and starving the server. A render that runs inside another
// (a pattern design's diffusion stage) uses its caller's slot instead of waiting for a second one.
// Those limits are this process's (its cores); studio generations are also counted store-wide in
// PostgreSQL (admitStudioGeneration), so several app instances together admit no more than one.
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import { HttpError } from '../http/errors';
import { timeRender } from '../observability';
import { generationSettings } from './model-registry';
import { renderNiceness } from './ort-pool';
import { LibvipsPriority } from './render-priority';
import { releaseRenderSlot, renewRenderSlot, takeRenderSlot } from './render-slot-repository';

const busy = () => new HttpError(503, 'The design studio is busy right now: please try again in a few seconds.', 'generation_busy');

export class RenderQueue {
  private running = 0;
  private waiting: (() => void)[] = [];
  peakRunning = 0;
  rejected = 0;

  private readonly inSlot = new AsyncLocalStorage<true>();

  constructor(
    readonly concurrency: number,
    readonly maxWaiting: number,
    /** Called as each render takes its slot (libvips' thread priority is kept from here). */
    private readonly onRenderStart?: () => void,
    /** Called as each render leaves its slot. */
    private readonly onRenderEnd?: () => void,
  ) {}

  get stats() {
    return { running: this.running, waiting: this.waiting.length, peakRunning: this.peakRunning, rejected: this.rejected };
  }

  async run<T>(fn: () => Promise<T>): Promise<T> {
    if (this.inSlot.getStore()) return fn();
    if (this.running >= this.concurrency) {
      if (this.waiting.length >= this.maxWaiting) {
        this.rejected++;
        throw busy();
      }
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.running++;
    }
    this.peakRunning = Math.max(this.peakRunning, this.running);
    try {
      this.onRenderStart?.();
      return await this.inSlot.run(true, () => timeRender(fn));
    } finally {
      this.onRenderEnd?.();
      const next = this.waiting.shift();
      if (next) next(); // hand the slot over directly (running count unchanged)
      else this.running--;
    }
  }
}

const g = globalThis as unknown as { seedprintRenderQueue?: RenderQueue };
export function renderQueue(): RenderQueue {
  if (!g.seedprintRenderQueue) {
    const s = generationSettings();
    const priority = new LibvipsPriority(renderNiceness());
    g.seedprintRenderQueue = new RenderQueue(s.maxConcurrent, s.GENERATION_QUEUE_MAX, () => priority.wake(), () => priority.rest());
  }
  return g.seedprintRenderQueue;
}

// A held slot's lease, renewed while its generation runs: the slots of an instance that died
// are free again within SLOT_LEASE_S.
const SLOT_LEASE_S = 60;
const SLOT_RENEW_MS = 20_000;

/**
 * Admits one studio generation across the whole store: at most GENERATION_MAX_CONCURRENT +
 * GENERATION_QUEUE_MAX run or wait on all app instances together; beyond that 503 at once.
 * Returns the release, to call when the generation is over.
 */
export async function admitStudioGeneration(): Promise<() => Promise<void>> {
  const s = generationSettings();
  const id = randomUUID();
  if (!(await takeRenderSlot(id, s.maxConcurrent + s.GENERATION_QUEUE_MAX, SLOT_LEASE_S))) throw busy();
  const renew = setInterval(() => void renewRenderSlot(id, SLOT_LEASE_S).catch((err) => console.warn('[render-queue] slot renewal failed', err)), SLOT_RENEW_MS);
  renew.unref();
  let released = false;
  return async () => {
    if (released) return;
    released = true;
    clearInterval(renew);
    await releaseRenderSlot(id).catch((err) => console.warn('[render-queue] slot release failed (it expires)', err));
  };
}
