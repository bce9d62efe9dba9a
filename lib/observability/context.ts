// The request id of the work in progress: taken from the proxy's X-Request-Id (or made) when a
// request arrives, carried through async calls and into queue jobs, and stamped on log lines.
// One AsyncLocalStorage per process (on globalThis): Next.js bundles a module once per route
// and once for instrumentation.ts, and every copy must see the same context.
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

export const REQUEST_ID_HEADER = 'x-request-id';

export type RequestContext = { requestId: string };

const KEY = Symbol.for('seedprint.requestContext');
const g = globalThis as typeof globalThis & { [KEY]?: AsyncLocalStorage<RequestContext> };
const storage = (g[KEY] ??= new AsyncLocalStorage<RequestContext>());

// What a proxy may hand us: a uuid, haproxy's unique-id, a hex trace id. Anything else (too
// long, spaces, quotes) is replaced so a client cannot write into the logs.
const SAFE_ID = /^[A-Za-z0-9._:@+=/-]{1,128}$/;

/** The caller's id when it is a plain token, else a fresh uuid. */
export function requestIdFrom(value: string | null | undefined): string {
  const v = value?.trim();
  return v && SAFE_ID.test(v) ? v : randomUUID();
}

export function withRequestId<T>(requestId: string, fn: () => T): T {
  return storage.run({ requestId }, fn);
}

export function currentRequestId(): string | undefined {
  return storage.getStore()?.requestId;
}
