// libvips draws pattern designs, previews and mockups on its own worker threads, at the server's
// priority: under a burst of generations they took the CPU from page requests. ONNX renders
// already run niced (ort-worker.mjs); this lowers libvips' threads to the same nice value.
// They are created on demand, so a light scan (Linux /proc) repeats every second.
import fs from 'node:fs';
import os from 'node:os';

const SCAN_MS = 1000;
const g = globalThis as unknown as { seedprintRenderPriority?: NodeJS.Timeout };

/** The ids of this process's libvips threads whose nice value is below `nice`, reniced to it. */
export function reniceLibvipsThreads(nice: number): number[] {
  const changed: number[] = [];
  let tasks: string[];
  try {
    tasks = fs.readdirSync('/proc/self/task');
  } catch {
    return changed; // not Linux
  }
  for (const t of tasks) {
    try {
      if (fs.readFileSync(`/proc/self/task/${t}/comm`, 'utf8').trim() !== 'libvips worker') continue;
      const tid = Number(t);
      if (os.getPriority(tid) >= nice) continue;
      os.setPriority(tid, nice);
      changed.push(tid);
    } catch {
      /* the thread ended, or lowering is not allowed */
    }
  }
  return changed;
}

/** Keeps libvips' threads at `nice` for the life of the process (idempotent). */
export function keepLibvipsThreadsAt(nice: number): void {
  if (g.seedprintRenderPriority || nice <= 0) return;
  reniceLibvipsThreads(nice);
  g.seedprintRenderPriority = setInterval(() => reniceLibvipsThreads(nice), SCAN_MS).unref();
}
