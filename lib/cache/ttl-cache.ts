// Short-lived, bounded in-process caches of public data (listing and shop pages, search results,
// the catalog), so a busy page costs its database round trips once every few seconds instead of
// on every request. Each process keeps its own: a write clears the caches of the process that made
// it at once (clearCache), the other app instances see it when their entries expire (ttlMs).
// lru-cache does the keeping: concurrent misses of one key share one load (fetch), failed loads
// are not kept, and past maxEntries the least recently used entry goes, so a crawler walking every
// page cannot grow the process. Ages are read off the wall clock (Date), as the store's other
// expiries are.
import { LRUCache } from 'lru-cache';

export interface TtlCache<T> {
  /** The cached value for `key`, or what `load` gives (then kept for ttlMs). */
  get(key: string, load: () => Promise<T>): Promise<T>;
  clear(): void;
  readonly size: number;
}

/** lru-cache keeps objects only: each value travels in a box (a load may give null). */
type Box = { value: unknown };
type Cache = LRUCache<string, Box, () => Promise<unknown>>;

// One registry per process: Next.js bundles a module once per route and once for instrumentation.
const KEY = Symbol.for('seedprint.ttlCaches');
const g = globalThis as typeof globalThis & { [KEY]?: Map<string, Cache> };
const registry = () => (g[KEY] ??= new Map());

export function ttlCache<T>(name: string, ttlMs: number, maxEntries: number): TtlCache<T> {
  const cache = (): Cache => {
    let c = registry().get(name);
    if (!c) {
      c = new LRUCache<string, Box, () => Promise<unknown>>({ max: maxEntries, ttl: ttlMs, perf: Date, fetchMethod: async (_key, _stale, { context }) => ({ value: await context() }) });
      registry().set(name, c);
    }
    return c;
  };
  return {
    async get(key, load) {
      const box = await cache().fetch(key, { context: load });
      return box!.value as T;
    },
    clear: () => cache().clear(),
    get size() {
      return cache().size;
    },
  };
}

/** Drops every entry of the named cache in this process (after a write to what it holds). */
export function clearCache(name: string): void {
  registry().get(name)?.clear();
}
