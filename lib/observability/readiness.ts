// Readiness for a load balancer: may this instance take traffic? It may when the database
// answers and blob storage is reachable. (Liveness, /api/health, asks only whether the process
// answers at all: a database outage must take instances out of rotation, not restart them.)
import fsp from 'node:fs/promises';
import { LocalBlobStore, type BlobStore } from '../storage';

export type Check = { ok: true; ms: number } | { ok: false; ms: number; reason: string };
export type Readiness = { ready: boolean; checks: { database: Check; storage: Check } };

const TIMEOUT_MS = 2_000;

async function timed(fn: () => Promise<unknown>, what: string): Promise<Check> {
  const t0 = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      fn(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${TIMEOUT_MS / 1000} s`)), TIMEOUT_MS);
      }),
    ]);
    return { ok: true, ms: Math.round(performance.now() - t0) };
  } catch (err) {
    const detail = err instanceof Error ? err.message.split('\n').filter(Boolean).pop() ?? err.name : String(err);
    return { ok: false, ms: Math.round(performance.now() - t0), reason: `${what}: ${detail.slice(0, 200)}` };
  } finally {
    clearTimeout(timer);
  }
}

/** A blob store answers: the local folder is writable, or S3 answers a lookup of a key that is never stored. */
export async function pingStorage(s: BlobStore): Promise<void> {
  if (s instanceof LocalBlobStore) {
    await fsp.mkdir(s.root, { recursive: true });
    await fsp.access(s.root, fsp.constants.W_OK);
    return;
  }
  await s.has('0'.repeat(64)); // a 404 is an answer; a refused connection or denied bucket throws
}

export async function checkReadiness(deps: { pingDb: () => Promise<unknown>; store: BlobStore }): Promise<Readiness> {
  const [database, storage] = await Promise.all([
    timed(deps.pingDb, 'database unreachable'),
    timed(() => pingStorage(deps.store), `${deps.store.kind} storage unreachable`),
  ]);
  return { ready: database.ok && storage.ok, checks: { database, storage } };
}
