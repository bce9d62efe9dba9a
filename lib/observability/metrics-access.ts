// Who may read /metrics: with METRICS_TOKEN set, a request carrying it as a bearer token; a
// store in test mode or outside production also lets its own machine (loopback, the real
// client behind TRUSTED_PROXIES) in without one. A live production store without a token
// shows its metrics to nobody.
import crypto from 'node:crypto';
import { env } from '../env';
import { clientAddress, isLoopbackAddress } from '../http';

export type MetricsAccess = { allowed: true } | { allowed: false; status: 401 | 403; reason: string };

function sameSecret(a: string, b: string): boolean {
  const ha = crypto.createHash('sha256').update(a).digest();
  const hb = crypto.createHash('sha256').update(b).digest();
  return crypto.timingSafeEqual(ha, hb);
}

export function metricsAccess(headers: Headers): MetricsAccess {
  const e = env();
  const token = e.METRICS_TOKEN;
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(headers.get('authorization') ?? '')?.[1];
  if (token && bearer && sameSecret(bearer, token)) return { allowed: true };
  const live = e.NODE_ENV === 'production' && !e.testMode;
  if (!live && isLoopbackAddress(clientAddress(headers, e.TRUSTED_PROXIES))) return { allowed: true };
  if (!token && live) return { allowed: false, status: 403, reason: 'Metrics are off: set METRICS_TOKEN and send it as a bearer token.' };
  return { allowed: false, status: 401, reason: 'Metrics need the METRICS_TOKEN bearer token.' };
}
