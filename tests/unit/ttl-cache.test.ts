// lib/cache: entries live ttlMs, concurrent misses share one load, failed loads are not kept,
// the least recently used entry goes past maxEntries, and clearCache empties a cache by name.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { clearCache, ttlCache } from '../../lib/cache';

afterEach(() => vi.useRealTimers());

describe('ttlCache', () => {
  it('keeps a value for ttlMs, then loads it again', async () => {
    vi.useFakeTimers();
    const c = ttlCache<number>('test-ttl', 1_000, 10);
    let loads = 0;
    const load = async () => ++loads;
    expect(await c.get('a', load)).toBe(1);
    vi.advanceTimersByTime(999);
    expect(await c.get('a', load)).toBe(1);
    vi.advanceTimersByTime(2);
    expect(await c.get('a', load)).toBe(2);
  });

  it('shares one load between concurrent misses and does not keep a failed one', async () => {
    const c = ttlCache<string>('test-share', 60_000, 10);
    let loads = 0;
    let release!: (v: string) => void;
    const slow = () => (loads++, new Promise<string>((r) => (release = r)));
    const both = Promise.all([c.get('k', slow), c.get('k', slow)]);
    release('v');
    expect(await both).toEqual(['v', 'v']);
    expect(loads).toBe(1);
    await expect(c.get('bad', () => Promise.reject(new Error('db down')))).rejects.toThrow('db down');
    await Promise.resolve();
    expect(await c.get('bad', async () => 'ok')).toBe('ok');
  });

  it('holds at most maxEntries (the oldest goes) and is emptied by name', async () => {
    const c = ttlCache<number>('test-bound', 60_000, 3);
    for (let i = 0; i < 10; i++) await c.get(`k${i}`, async () => i);
    expect(c.size).toBe(3);
    expect(await c.get('k0', async () => -1)).toBe(-1); // evicted, loaded again
    expect(await c.get('k9', async () => -1)).toBe(9);
    clearCache('test-bound');
    expect(c.size).toBe(0);
    // Another handle on the same name (a second bundle of the module) sees the same entries.
    await c.get('x', async () => 1);
    expect(await ttlCache<number>('test-bound', 60_000, 3).get('x', async () => 2)).toBe(1);
  });
});
