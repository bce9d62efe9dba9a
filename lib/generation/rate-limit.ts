// Per-client rate limits of the design studio (POST /api/generate, /api/designs/:id/more) and of
// uncached recipe renders (/r/…): token buckets kept in PostgreSQL (rate-limit-repository), so
// they hold across app instances and restarts.
//
// Who a client is: something a client cannot mint at will.
//   - identity: the signed-in user (Auth.js session), else the shopper's cart (the sp_cart cookie,
//     only when that cart exists: a made-up cookie is no identity), else "anonymous at <address>";
//   - address: the socket address the server stamped (lib/http/peer), or behind a configured proxy
//     (TRUSTED_PROXIES) the address it forwards; IPv6 counted per /64.
// Every request takes from its identity's bucket AND from its address's bucket, which holds
// ADDRESS_SHARE times as much (a few shoppers behind one NAT), so rotating cookies or
// X-Forwarded-For from one address still ends in 429.
import { env } from '../env';
import { addressBucket, clientAddress } from '../http';
import { tooMany } from '../http/errors';
import { peekTokens, returnTokens, sweepBuckets, takeTokens, type BucketSpec } from './rate-limit-repository';

/** How many identities' worth one address may use: shoppers sharing a NAT are not one shopper. */
export const ADDRESS_SHARE = 4;

export interface ClientId {
  /** `u:<user id>`, `c:<cart id>` or `anon` */
  identity: string;
  /** the address bucket (`1.2.3.4`, `2001:db8:1:2::/64`), or `unknown` when the request was not stamped */
  address: string;
}

export interface Limit {
  capacity: number;
  perMinute: number;
}

const CART_ID = /^[a-z0-9]{20,40}$/;

/**
 * The client behind a request. `userId`: the signed-in user, when the caller knows it (else the
 * session cookie is checked). The sp_cart cookie counts only when the cart exists.
 */
export async function identifyClient(req: Request, userId?: string | null): Promise<ClientId> {
  const addr = clientAddress(req.headers, env().TRUSTED_PROXIES);
  const address = addr ? addressBucket(addr) : 'unknown';
  const uid = userId === undefined ? await signedInUserId(req) : userId;
  if (uid) return { identity: `u:${uid}`, address };
  const cart = cartCookie(req);
  if (cart && (await cartExists(cart))) return { identity: `c:${cart}`, address };
  return { identity: 'anon', address };
}

function cartCookie(req: Request): string | null {
  const m = /(?:^|;\s*)sp_cart=([^;]+)/.exec(req.headers.get('cookie') ?? '');
  const v = m ? decodeURIComponent(m[1]).trim() : '';
  return CART_ID.test(v) ? v : null;
}

async function cartExists(id: string): Promise<boolean> {
  try {
    const { getCart } = await import('../cart');
    return (await getCart(id)) !== null;
  } catch {
    return false;
  }
}

async function signedInUserId(req: Request): Promise<string | null> {
  if (!/(?:authjs|next-auth)\.session-token=/.test(req.headers.get('cookie') ?? '')) return null;
  try {
    const { getUserFromRequest } = await import('../auth');
    return (await getUserFromRequest(req))?.id ?? null;
  } catch {
    return null;
  }
}

/** The buckets a request of `client` takes from, in the order they are taken. */
export function bucketsFor(scope: string, client: ClientId, limit: Limit): BucketSpec[] {
  const who = client.identity === 'anon' ? `anon@${client.address}` : client.identity;
  return [
    { key: `${scope}:id:${who}`, capacity: limit.capacity, perMinute: limit.perMinute },
    { key: `${scope}:addr:${client.address}`, capacity: limit.capacity * ADDRESS_SHARE, perMinute: limit.perMinute * ADDRESS_SHARE },
  ];
}

const SWEEP_EVERY_MS = 60_000;
let lastSweep = 0;

/**
 * Takes `cost` from every bucket of `client` in `scope`, or none: throws HttpError 429 (with the
 * wait in the message and in Retry-After) when one is short. `at` fixes the clock (tests).
 */
export async function takeOrThrow(scope: string, client: ClientId, limit: Limit, opts: { cost?: number; what?: string; at?: Date } = {}): Promise<void> {
  const cost = opts.cost ?? 1;
  const taken: BucketSpec[] = [];
  for (const b of bucketsFor(scope, client, limit)) {
    const left = await takeTokens(b, cost, opts.at);
    if (left === null) {
      await Promise.all(taken.map((t) => returnTokens(t, cost)));
      const have = await peekTokens(b, opts.at);
      const wait = Math.max(1, Math.ceil(((cost - have) / b.perMinute) * 60));
      throw tooMany(`Too many ${opts.what ?? 'requests'} in a short time: please wait about ${wait} s and try again.`, wait);
    }
    taken.push(b);
  }
  const now = Date.now();
  if (now - lastSweep > SWEEP_EVERY_MS) {
    lastSweep = now;
    sweepBuckets().catch((err) => console.warn('[rate-limit] sweep failed', err));
  }
}

/** The studio's limit: GENERATION_RATE_BURST designs at once, then GENERATION_RATE_PER_MINUTE. */
export function generationLimit(): Limit {
  return { capacity: env().GENERATION_RATE_BURST, perMinute: env().GENERATION_RATE_PER_MINUTE };
}

/** 429 when `client` has generated too much lately; otherwise one generation is counted. */
export function takeGeneration(client: ClientId, at?: Date): Promise<void> {
  return takeOrThrow('gen', client, generationLimit(), { what: 'designs', at });
}
