// Who owns try-on photos: the signed-in user, or an anonymous visitor identified by a random
// token in an httpOnly cookie (only its sha256 is stored).
import { createHash, randomBytes } from 'node:crypto';
import { getUserFromRequest } from '../auth';

export const OWNER_COOKIE = 'seedprint_tryon';
const COOKIE_MAX_AGE_S = 30 * 24 * 3600;

export interface Owner {
  /** the key new sets are stored under */
  key: string;
  /** every key this visitor may read and delete (user and anonymous cookie) */
  keys: string[];
  /** a Set-Cookie header to send when a new anonymous token was minted */
  setCookie?: string;
}

export const anonKey = (token: string) => `a:${createHash('sha256').update(token).digest('hex')}`;

function readCookie(req: Request, name: string): string | null {
  const header = req.headers.get('cookie') ?? '';
  for (const part of header.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return decodeURIComponent(v.join('='));
  }
  return null;
}

export function ownerCookie(token: string, secure: boolean): string {
  return `${OWNER_COOKIE}=${token}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${COOKIE_MAX_AGE_S}${secure ? '; Secure' : ''}`;
}

/** The visitor's owner keys; with `mint`, creates the anonymous cookie when there is none. */
export async function resolveOwner(req: Request, opts: { mint?: boolean } = {}): Promise<Owner | null> {
  const user = await getUserFromRequest(req).catch(() => null);
  const token = readCookie(req, OWNER_COOKIE);
  const keys: string[] = [];
  if (user) keys.push(`u:${user.id}`);
  const validToken = token && /^[A-Za-z0-9_-]{32,64}$/.test(token) ? token : null;
  if (validToken) keys.push(anonKey(validToken));
  if (keys.length) return { key: keys[0], keys };
  if (!opts.mint) return null;
  const fresh = randomBytes(32).toString('base64url');
  const secure = new URL(req.url).protocol === 'https:';
  return { key: anonKey(fresh), keys: [anonKey(fresh)], setCookie: ownerCookie(fresh, secure) };
}
