// Lowers the calling thread's scheduling priority (Linux: setpriority() on the thread's own id
// changes that thread, and the threads it starts, only). The render worker threads call it first
// thing, so page requests get the CPU before renders. Plain JavaScript: worker threads load it.
import fs from 'node:fs';
import os from 'node:os';

/** true when this thread now runs at `nice`; false where that is not possible (not Linux, not allowed). */
export function lowerThreadPriority(nice) {
  if (!nice) return false;
  try {
    const tid = Number(fs.readlinkSync('/proc/thread-self').split('/').pop());
    if (!Number.isInteger(tid) || tid <= 0) return false;
    os.setPriority(tid, nice);
    return true;
  } catch {
    return false;
  }
}
