// Listing page views are counted in memory and written every few seconds in one statement per
// process: a popular listing would otherwise have every page view wait for the lock on its
// one Listing row. Views of the last few seconds are lost if the process dies outright; a
// stopping process writes them first (lib/http's graceful shutdown calls flushViews).
import { logger } from '../observability';
import { addViews } from './listing-repository';

const FLUSH_MS = 5_000;

interface Pending {
  counts: Map<string, { listingId: string; day: Date; views: number }>;
  timer: NodeJS.Timeout | null;
  flushing: Promise<void> | null;
}
// One per process, also where Next.js bundles this module more than once (instrumentation and routes).
const KEY = Symbol.for('seedprint.listingViews');
const g = globalThis as typeof globalThis & { [KEY]?: Pending };
const pending = (): Pending => (g[KEY] ??= { counts: new Map(), timer: null, flushing: null });

/** Counts one view of the listing on `day` (a UTC date); written within a few seconds. */
export function countView(listingId: string, day: Date): void {
  const p = pending();
  const key = `${listingId}|${day.toISOString().slice(0, 10)}`;
  const row = p.counts.get(key);
  if (row) row.views++;
  else p.counts.set(key, { listingId, day, views: 1 });
  if (!p.timer) {
    p.timer = setTimeout(() => void flushViews(), FLUSH_MS);
    p.timer.unref();
  }
}

/** Writes the views counted so far (resolves once they are in the database). */
export async function flushViews(): Promise<void> {
  const p = pending();
  if (p.timer) clearTimeout(p.timer);
  p.timer = null;
  await p.flushing; // one write at a time, so totals never race each other
  if (p.counts.size === 0) return;
  const rows = [...p.counts.values()];
  p.counts = new Map();
  const write = addViews(rows).catch((err: unknown) => {
    // Kept for the next write (the database may be restarting).
    for (const r of rows) {
      const key = `${r.listingId}|${r.day.toISOString().slice(0, 10)}`;
      const row = p.counts.get(key);
      if (row) row.views += r.views;
      else p.counts.set(key, r);
    }
    if (!p.timer) {
      p.timer = setTimeout(() => void flushViews(), FLUSH_MS);
      p.timer.unref();
    }
    logger().warn({ err: (err as Error).message, listings: rows.length }, 'listing views not written yet');
  });
  p.flushing = write;
  await write;
  if (p.flushing === write) p.flushing = null;
}
