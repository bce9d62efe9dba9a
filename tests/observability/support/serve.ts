// A real HTTP server that answers like `next start` does for the routes it is given: the
// request stamped by lib/http/peer and observed by lib/observability (both installed the way
// instrumentation.ts installs them), then handed to the route module's handler as a Request.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { installPeerStamp } from '../../../lib/http/peer';
import { installRequestObservability } from '../../../lib/observability';

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Response | Promise<Response>;
export type Routes = Record<string, Partial<Record<'GET' | 'POST', Handler>>>;

export async function serve(routes: Routes): Promise<{ url: string; close: () => Promise<void> }> {
  installPeerStamp();
  installRequestObservability();
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost:3000');
    const handler = routes[url.pathname]?.[req.method as 'GET' | 'POST'];
    if (!handler) {
      res.writeHead(404).end();
      return;
    }
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const headers = new Headers();
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers.set(k, v);
    const body = chunks.length ? Buffer.concat(chunks) : undefined;
    const response = await handler(new Request(url, { method: req.method, headers, body }), { params: Promise.resolve({}) });
    res.statusCode = response.status;
    response.headers.forEach((v, k) => res.setHeader(k, v));
    res.end(Buffer.from(await response.arrayBuffer()));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(() => r())) };
}

/** The store's observability routes. */
export async function storeRoutes(): Promise<Routes> {
  return {
    '/api/health': { GET: (await import('../../../app/api/health/route')).GET },
    '/api/ready': { GET: (await import('../../../app/api/ready/route')).GET },
    '/metrics': { GET: (await import('../../../app/metrics/route')).GET },
    '/api/webhooks/stripe': { POST: (await import('../../../app/api/webhooks/stripe/route')).POST },
  };
}
