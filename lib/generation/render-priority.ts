// libvips draws pattern designs, previews and mockups on its own worker threads, at the server's
// priority: under a burst of generations they took the CPU from page requests. ONNX renders
// already run niced (ort-worker.mjs); this lowers libvips' threads to the same nice value.
// libvips starts them on demand, while it renders, so the render queue wakes a light scan (Linux
// /proc) when a render starts; it repeats every second until the threads it finds have stayed the
// same for a few scans, then sleeps until the next render.
import fs from 'node:fs';
import os from 'node:os';

const SCAN_MS = 1000;
const SETTLED_SCANS = 5;

/** This process's libvips threads (sorted ids), those below `nice` reniced to it. */
function scanLibvipsThreads(nice: number): { threads: number[]; changed: number[] } {
  const threads: number[] = [];
  const changed: number[] = [];
  let tasks: string[];
  try {
    tasks = fs.readdirSync('/proc/self/task');
  } catch {
    return { threads, changed }; // not Linux
  }
  for (const t of tasks) {
    try {
      if (fs.readFileSync(`/proc/self/task/${t}/comm`, 'utf8').trim() !== 'libvips worker') continue;
      const tid = Number(t);
      threads.push(tid);
      if (os.getPriority(tid) >= nice) continue;
      os.setPriority(tid, nice);
      changed.push(tid);
    } catch {
      /* the thread ended, or lowering is not allowed */
    }
  }
  return { threads: threads.sort((a, b) => a - b), changed };
}

/** The ids of this process's libvips threads whose nice value is below `nice`, reniced to it. */
export function reniceLibvipsThreads(nice: number): number[] {
  return scanLibvipsThreads(nice).changed;
}

/** Keeps libvips' threads at `nice`, scanning only around renders (see the top of this file). */
export class LibvipsPriority {
  private timer: NodeJS.Timeout | undefined;
  private last = '';
  private unchanged = 0;
  /** Scans made so far. */
  scans = 0;

  constructor(
    readonly nice: number,
    private readonly scanMs = SCAN_MS,
    private readonly settledScans = SETTLED_SCANS,
  ) {}

  /** Whether the scan is repeating (a render started lately, or libvips' threads are still changing). */
  get scanning(): boolean {
    return this.timer !== undefined;
  }

  private active = 0;

  /** A render starts: scan now, and every `scanMs` while renders run and until the threads have settled. */
  wake(): void {
    if (this.nice <= 0) return;
    this.active++;
    this.unchanged = 0;
    this.scan();
    this.timer ??= setInterval(() => this.scan(), this.scanMs).unref();
  }

  /** A render ended: threads libvips started late in it are still caught before the scan settles. */
  rest(): void {
    if (this.nice <= 0) return;
    this.active = Math.max(0, this.active - 1);
    this.unchanged = 0;
    this.timer ??= setInterval(() => this.scan(), this.scanMs).unref();
  }

  private scan(): void {
    this.scans++;
    const { threads, changed } = scanLibvipsThreads(this.nice);
    const seen = threads.join(',');
    if (seen === this.last && changed.length === 0) this.unchanged++;
    else [this.last, this.unchanged] = [seen, 0];
    if (this.active === 0 && this.unchanged >= this.settledScans) {
      clearInterval(this.timer);
      this.timer = undefined;
    }
  }
}
