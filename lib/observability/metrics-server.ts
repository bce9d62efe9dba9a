// /metrics for a process that has no web server of its own (`npm run worker`): a small HTTP
// server answering only GET /metrics, with the same access rules as the app's route.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { installPeerStamp } from '../http';
import { metricsText, type MetricsSources } from './exposition';
import { metricsAccess } from './metrics-access';

export async function startMetricsServer(sources: MetricsSources, port: number, host = '0.0.0.0'): Promise<{ port: number; close: () => Promise<void> }> {
  installPeerStamp(); // the loopback check reads the stamped socket address
  const server = http.createServer(async (req, res) => {
    const headers = new Headers();
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers.set(k, v);
    if (req.method !== 'GET' || (req.url ?? '').split('?')[0] !== '/metrics') {
      res.writeHead(404).end();
      return;
    }
    const access = metricsAccess(headers);
    if (!access.allowed) {
      res.writeHead(access.status, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: access.reason, code: 'metrics_forbidden' } }));
      return;
    }
    try {
      const { body, contentType } = await metricsText(sources);
      res.writeHead(200, { 'content-type': contentType, 'cache-control': 'no-store' }).end(body);
    } catch {
      res.writeHead(500).end();
    }
  });
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(port, host, resolve));
  return { port: (server.address() as AddressInfo).port, close: () =>
      new Promise((r) => {
        server.close(() => r());
        server.closeAllConnections(); // a scraper's idle keep-alive connection must not hold up shutdown
      }),
  };
}
