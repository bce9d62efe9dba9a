// The socket address of the client, for decisions that must not trust what the client says.
// Next.js copies the socket address into X-Forwarded-For only when the request has none, so that
// header is whatever a client wants it to be. installPeerStamp() (called from instrumentation.ts,
// in the server process, before the first request) writes the real socket address into a header
// of its own on every incoming request, replacing any value the client sent, together with a
// per-process token, so that a forged header is never taken for a stamped one.
import crypto from 'node:crypto';
import http from 'node:http';

export const PEER_HEADER = 'x-seedprint-peer';

type Stamp = { token: string };
const GLOBAL_KEY = Symbol.for('seedprint.peerStamp');
const g = globalThis as typeof globalThis & { [GLOBAL_KEY]?: Stamp };

/** Patches http.Server so every request carries `x-seedprint-peer: <token> <socket address>`. Idempotent. */
export function installPeerStamp(): void {
  if (g[GLOBAL_KEY]) return;
  const stamp: Stamp = { token: crypto.randomBytes(16).toString('hex') };
  g[GLOBAL_KEY] = stamp;
  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]): boolean {
    if (event === 'request') {
      const req = args[0] as http.IncomingMessage;
      req.headers[PEER_HEADER] = `${stamp.token} ${req.socket?.remoteAddress ?? ''}`;
    }
    return (emit as (this: http.Server, event: string | symbol, ...rest: unknown[]) => boolean).call(this, event, ...args);
  } as typeof emit;
}

/** The socket address a stamped request came from, or null (not stamped, or a forged stamp). */
export function peerAddress(headers: Headers): string | null {
  const stamp = g[GLOBAL_KEY];
  const value = headers.get(PEER_HEADER);
  if (!stamp || !value) return null;
  const space = value.indexOf(' ');
  if (space < 0) return null;
  const token = value.slice(0, space);
  if (token.length !== stamp.token.length || !crypto.timingSafeEqual(Buffer.from(token), Buffer.from(stamp.token))) return null;
  return value.slice(space + 1) || null;
}

export function isLoopbackAddress(addr: string | null): boolean {
  if (!addr) return false;
  const a = addr.startsWith('::ffff:') ? addr.slice(7) : addr;
  return a === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(a);
}

/** Whether the request came over a loopback socket (the person running the store, on its machine). */
export function isLoopbackRequest(headers: Headers): boolean {
  return isLoopbackAddress(peerAddress(headers));
}
