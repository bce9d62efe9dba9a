// Graceful stop of an app process (`next start`). On SIGTERM or SIGINT it stops listening (the
// proxy's next connection is refused and goes to another instance; HAProxy's `retries` +
// `option redispatch`), answers /api/ready with 503 on connections still open and sends
// `Connection: close` with every answer from then on, lets the requests in flight finish for up
// to the grace period, runs the stop hooks (unwritten listing views, in-app queue workers) and
// exits 0. Idle keep-alive connections stay open for LINGER_MS first: a proxy that has not yet
// seen the instance go down may still send a request on one, and closing it under that request
// would fail it. Next.js's own handler (close, then exit 143 with no time limit and no readiness
// change) is replaced.
import type http from 'node:http';
import net from 'node:net';
import { logger } from './logger';

/** Longer than HAProxy's check interval × fall (2 s × 2 in deploy/haproxy.cfg). */
const LINGER_MS = 5_000;

interface State {
  draining: boolean;
  servers: Set<http.Server>;
  inFlight: Set<http.ServerResponse>;
  installed: boolean;
}
// One per process: Next.js bundles this module for instrumentation.ts and again for each route.
const KEY = Symbol.for('seedprint.gracefulShutdown');
const g = globalThis as typeof globalThis & { [KEY]?: State };
const state = (): State => (g[KEY] ??= { draining: false, servers: new Set(), inFlight: new Set(), installed: false });

/** True once the process has been told to stop: readiness answers 503. */
export function isDraining(): boolean {
  return state().draining;
}

/** Counts a request as in flight until its answer is sent or its client hangs up (http-server calls it). */
export function trackRequest(server: http.Server, res: http.ServerResponse): void {
  const s = state();
  s.servers.add(server);
  s.inFlight.add(res);
  if (s.draining) res.setHeader('Connection', 'close');
  const done = () => {
    s.inFlight.delete(res);
  };
  res.once('finish', done);
  res.once('close', done);
}

export interface GracefulShutdownOptions {
  /** How long requests in flight may take after the signal before their connections are closed. */
  graceMs: number;
  /** Run after the requests have finished (or the grace ran out), before the exit; each gets a few seconds. */
  hooks?: (() => Promise<unknown>)[];
}

/** Replaces the process's SIGTERM/SIGINT handlers with the graceful stop. Idempotent. */
export function installGracefulShutdown(o: GracefulShutdownOptions): void {
  const s = state();
  if (s.installed) return;
  s.installed = true;
  const stop = async (signal: NodeJS.Signals) => {
    if (s.draining) return; // a second signal changes nothing
    s.draining = true;
    const t0 = Date.now();
    logger().info({ signal, inFlight: s.inFlight.size, graceMs: o.graceMs }, 'app stopping: not ready, no new connections, finishing requests in flight');
    // Stops accepting only: http.Server.close() would also close the idle keep-alive connections at once.
    for (const server of s.servers) net.Server.prototype.close.call(server);
    for (const res of s.inFlight) if (!res.headersSent) res.setHeader('Connection', 'close');
    const linger = Math.min(LINGER_MS, o.graceMs);
    while (Date.now() - t0 < o.graceMs && (s.inFlight.size > 0 || Date.now() - t0 < linger)) await new Promise((r) => setTimeout(r, 50));
    const cut = s.inFlight.size;
    for (const server of s.servers) server.closeAllConnections();
    for (const hook of o.hooks ?? []) {
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([hook().catch((err: unknown) => logger().warn({ err: (err as Error).message }, 'stop hook failed')), new Promise((r) => (timer = setTimeout(r, 5_000)))]);
      clearTimeout(timer);
    }
    logger().info({ ms: Date.now() - t0, cut }, cut ? 'app stopped; requests still running at the end of the grace were cut' : 'app stopped; every request in flight was answered');
    process.exit(0);
  };
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.removeAllListeners(signal);
    process.on(signal, () => void stop(signal));
  }
}
