// Every request the server answers: its id (the proxy's X-Request-Id, or a new one) is put on
// the request for route handlers, echoed on the response and carried, through the async
// context, into log lines and queue jobs; its latency is recorded per route template and one
// JSON access line is written. Done on the Node server itself (like lib/http/peer's stamp), so
// pages, API routes and files are all counted, whatever wrapper a route uses.
import http from 'node:http';
import { REQUEST_ID_HEADER, requestIdFrom, withRequestId } from './context';
import { trackRequest } from './graceful-shutdown';
import { logger } from './logger';
import { metrics } from './metrics';
import { routeOf } from './routes';

const KEY = Symbol.for('seedprint.requestObservability');
const g = globalThis as typeof globalThis & { [KEY]?: true };

/** Handles one incoming request before the app sees it; returns what the app's listener returns. */
export function observeRequest<T>(req: http.IncomingMessage, res: http.ServerResponse, next: () => T): T {
  const raw = req.headers[REQUEST_ID_HEADER];
  const requestId = requestIdFrom(Array.isArray(raw) ? raw[0] : raw);
  req.headers[REQUEST_ID_HEADER] = requestId;
  res.setHeader('X-Request-Id', requestId);
  const started = process.hrtime.bigint();
  const pathname = (req.url ?? '/').split('?')[0];
  let recorded = false;
  const record = () => {
    if (recorded) return;
    recorded = true;
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const route = routeOf(pathname);
    // A client that hangs up before the answer is complete: 499, as nginx logs it.
    const status = res.writableFinished ? res.statusCode : 499;
    metrics().httpDuration.observe({ route, method: req.method ?? 'GET', status: String(status) }, seconds);
    if (route === 'static') return; // build assets: counted, not logged
    withRequestId(requestId, () =>
      logger().info({ method: req.method, path: pathname, route, status, ms: Math.round(seconds * 10_000) / 10 }, 'request'),
    );
  };
  res.once('finish', record);
  res.once('close', record);
  return withRequestId(requestId, next);
}

/** Patches http.Server so every request goes through observeRequest(). Idempotent. */
export function installRequestObservability(): void {
  if (g[KEY]) return;
  g[KEY] = true;
  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]): boolean {
    const call = () => (emit as (this: http.Server, event: string | symbol, ...rest: unknown[]) => boolean).call(this, event, ...args);
    if (event !== 'request') return call();
    trackRequest(this, args[1] as http.ServerResponse);
    return observeRequest(args[0] as http.IncomingMessage, args[1] as http.ServerResponse, call);
  } as typeof emit;
}
