import { renderQueue } from '@/lib/generation';
import { metricsAccess, metricsText } from '@/lib/observability';
import { QUEUES, queueDepth } from '@/lib/queue';

export const dynamic = 'force-dynamic';

// Prometheus scrape endpoint: this process's metrics (lib/observability/metrics).
export async function GET(req: Request) {
  const access = metricsAccess(req.headers);
  if (!access.allowed) {
    return Response.json({ error: { message: access.reason, code: 'metrics_forbidden' } }, {
      status: access.status,
      headers: access.status === 401 ? { 'www-authenticate': 'Bearer realm="metrics"' } : undefined,
    });
  }
  const { body, contentType } = await metricsText({
    renderQueue: () => renderQueue().stats,
    jobQueues: { names: Object.values(QUEUES), depth: queueDepth },
  });
  return new Response(body, { headers: { 'content-type': contentType, 'cache-control': 'no-store' } });
}
