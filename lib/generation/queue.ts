// A bounded render queue: at most `concurrency` renders run at once (each already uses
// GENERATION_INTRA_OP_THREADS cores), at most `maxWaiting` wait; beyond that callers get 503
// at once instead of piling up and starving the server. A render that runs inside another
// (a pattern design's diffusion stage) uses its caller's slot instead of waiting for a second one.
import { AsyncLocalStorage } from 'node:async_hooks';
import { HttpError } from '../http/errors';
import { timeRender } from '../observability';
import { generationSettings } from './model-registry';
import { RENDER_NICE } from './ort-pool';
import { LibvipsPriority } from './render-priority';

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
  ) {}

  get stats() {
    return { running: this.running, waiting: this.waiting.length, peakRunning: this.peakRunning, rejected: this.rejected };
  }

  async run<T>(fn: () => Promise<T>): Promise<T> {
    if (this.inSlot.getStore()) return fn();
    if (this.running >= this.concurrency) {
      if (this.waiting.length >= this.maxWaiting) {
        this.rejected++;
        throw new HttpError(503, 'The design studio is busy right now: please try again in a few seconds.', 'generation_busy');
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
    const priority = new LibvipsPriority(RENDER_NICE);
    g.seedprintRenderQueue = new RenderQueue(s.maxConcurrent, s.GENERATION_QUEUE_MAX, () => priority.wake());
  }
  return g.seedprintRenderQueue;
}
