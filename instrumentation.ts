// Runs once when the Next.js server starts, before the first request: stamps each request with
// its socket address (lib/http/peer: the loopback check of /dev/outbox) and its request id, the embedded
// default runs queue workers in-app, and SIGTERM stops the process gracefully (lib/observability).
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { installPeerStamp } = await import('./lib/http/peer');
  installPeerStamp();
  // Request ids, JSON access lines and per-route latency for /metrics (lib/observability).
  const { installRequestObservability } = await import('./lib/observability/http-server');
  installRequestObservability();
  const { env } = await import('./lib/env');
  const e = env();
  const { flushViews } = await import('./lib/listings');
  const hooks: (() => Promise<unknown>)[] = [flushViews];
  if (e.RUN_WORKER_IN_APP) {
    const { startWorkers } = await import('./lib/workers');
    await startWorkers();
    console.log('[seedprint] queue workers running in the app process');
    const { stopBoss } = await import('./lib/queue');
    hooks.push(() => stopBoss(e.WORKER_STOP_GRACE_S * 1000));
  }
  // `next start` only: the dev server keeps its own signal handling.
  if (e.NODE_ENV === 'production') {
    const { installGracefulShutdown } = await import('./lib/observability/graceful-shutdown');
    installGracefulShutdown({ graceMs: e.APP_STOP_GRACE_S * 1000, hooks });
  }
}
