// The store's processes with jemalloc where Debian's libjemalloc2 is installed (scripts/jemalloc.ts):
// a child started with withJemalloc's environment really runs on it (the library is mapped into its
// memory), and sharp, which checks for it, renders on more than one thread there.
import { spawn } from 'node:child_process';
import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { jemallocLibrary, usesJemalloc, withJemalloc } from '../../scripts/jemalloc';

const lib = jemallocLibrary();

/** Starts node with `env`, reads whether it runs on jemalloc (from outside) and sharp's thread count (from inside). */
function probe(env: NodeJS.ProcessEnv): Promise<{ mapped: boolean; sharpThreads: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', "console.log(require('sharp').concurrency()); setTimeout(() => {}, 10_000)"], { cwd: process.cwd(), env, stdio: ['ignore', 'pipe', 'inherit'] });
    child.once('error', reject);
    child.stdout!.once('data', (d: Buffer) => {
      const mapped = usesJemalloc(child.pid!);
      child.kill('SIGKILL');
      resolve({ mapped, sharpThreads: Number(d.toString().trim()) });
    });
  });
}

describe('jemalloc for the store processes', () => {
  it.skipIf(!lib)('a child started with withJemalloc runs on jemalloc, and sharp uses every core there', async () => {
    const env = { ...process.env, LD_PRELOAD: '' };
    const plain = await probe(env);
    expect(plain.mapped).toBe(false);
    const preloaded = await probe(withJemalloc(env));
    expect(preloaded.mapped).toBe(true);
    if (os.availableParallelism() > 1) expect(preloaded.sharpThreads).toBe(os.availableParallelism());
  });

  it.skipIf(!lib)('keeps a preload already set and never adds jemalloc twice', () => {
    expect(withJemalloc({ ...process.env, LD_PRELOAD: '/opt/x.so' }).LD_PRELOAD).toBe(`/opt/x.so:${lib}`);
    const once = withJemalloc({ ...process.env, LD_PRELOAD: undefined });
    expect(once.LD_PRELOAD).toBe(lib);
    expect(withJemalloc(once).LD_PRELOAD).toBe(lib);
  });
});
