// Runs once when the Next.js server starts, before the first request: stamps each request with
// its socket address (lib/http/peer: the loopback check of /dev/outbox) and its request id, and the embedded
// default runs queue workers in-app.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { installPeerStamp } = await import('./lib/http/peer');
  installPeerStamp();
  // Request ids, JSON access lines and per-route latency for /metrics (lib/observability).
  const { installRequestObservability } = await import('./lib/observability/http-server');
  installRequestObservability();
  const { env } = await import('./lib/env');
  if (!env().RUN_WORKER_IN_APP) return;
  const { startWorkers } = await import('./lib/workers');
  await startWorkers();
  console.log('[seedprint] queue workers running in the app process');
}
