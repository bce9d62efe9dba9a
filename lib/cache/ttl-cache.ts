// Short-lived, bounded in-process caches of public data (listing and shop pages, search results,
// the catalog), so a busy page costs its database round trips once every few seconds instead of
// on every request. Each process keeps its own: a write clears the caches of the process that made
// it at once (clearCache), the other app instances see it when their entries expire (ttlMs).
// Concurrent misses of one key share one load; failed loads are not kept; past maxEntries the
// oldest entry goes, so a crawler walking every page cannot grow the process.

interface Entry<T> {
  at: number;
  value: Promise<T>;
}
export interface TtlCache<T> {
  /** The cached value for `key`, or what `load` gives (then kept for ttlMs). */
  get(key: string, load: () => Promise<T>): Promise<T>;
  clear(): void;
  readonly size: number;
}

// One registry per process: Next.js bundles a module once per route and once for instrumentation.
const KEY = Symbol.for('seedprint.ttlCaches');
const g = globalThis as typeof globalThis & { [KEY]?: Map<string, Map<string, Entry<unknown>>> };
const registry = () => (g[KEY] ??= new Map());

export function ttlCache<T>(name: string, ttlMs: number, maxEntries: number): TtlCache<T> {
  const entries = (): Map<string, Entry<T>> => {
    let m = registry().get(name);
    if (!m) registry().set(name, (m = new Map()));
    return m as Map<string, Entry<T>>;
  };
  return {
    get(key, load) {
      const m = entries();
      const now = Date.now();
      const hit = m.get(key);
      if (hit && now - hit.at < ttlMs) return hit.value;
      if (hit) m.delete(key);
      const entry: Entry<T> = { at: now, value: load() };
      entry.value.catch(() => {
        if (m.get(key) === entry) m.delete(key);
      });
      m.set(key, entry);
      while (m.size > maxEntries) m.delete(m.keys().next().value!);
      return entry.value;
    },
    clear: () => entries().clear(),
    get size() {
      return entries().size;
    },
  };
}

/** Drops every entry of the named cache in this process (after a write to what it holds). */
export function clearCache(name: string): void {
  registry().get(name)?.clear();
}
