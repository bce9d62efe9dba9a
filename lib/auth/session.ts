// Who is signed in. Sessions are looked up through Auth.js itself (same config, same adapter,
// same cookie names as the /api/auth handlers), from a Request or from next/headers.
import { Auth, createActionURL } from '@auth/core';
import type { Session } from '@auth/core/types';
import { cookies as nextCookies } from 'next/headers';
import { NextRequest } from 'next/server';
import { cache } from 'react';
import { forbidden, unauthorized } from '../http/errors';
import { deleteSession, extendSession, findSessionUser } from './auth-repository';
import { authConfig, SESSION_MAX_AGE_S, SESSION_UPDATE_AGE_S, sessionCookieName } from './config';
import { ROLE_LABELS, isRole, type CurrentUser, type Role } from './roles';

/** Roles a check accepts: one role, a list, or null/[] for "any signed-in user". */
export type RoleSpec = Role | readonly Role[] | null;

function roleList(roles: RoleSpec): readonly Role[] {
  if (roles === null) return [];
  return typeof roles === 'string' ? [roles] : roles;
}

export function hasRole(user: CurrentUser, roles: RoleSpec): boolean {
  const list = roleList(roles);
  return list.length === 0 || list.includes(user.role);
}

/** Throws 401 without a user and 403 when the user's role is not in `roles`. */
export function assertRole(user: CurrentUser | null, roles: RoleSpec): asserts user is CurrentUser {
  if (!user) throw unauthorized('Please sign in first.');
  if (!hasRole(user, roles)) {
    const needed = roleList(roles).map((r) => ROLE_LABELS[r].toLowerCase());
    const list = needed.length > 1 ? `${needed.slice(0, -1).join(', ')} or ${needed[needed.length - 1]}` : needed[0];
    throw forbidden(`This is only available to ${list} accounts; you are signed in as ${user.email} (${ROLE_LABELS[user.role].toLowerCase()}).`);
  }
}

function toCurrentUser(session: Session | null): CurrentUser | null {
  const u = session?.user as Partial<CurrentUser> | undefined;
  if (!u?.id || !u.email || !isRole(u.role)) return null;
  return { id: u.id, email: u.email, name: u.name ?? null, role: u.role };
}

/**
 * Resolves the session for a set of request headers. `fallbackUrl` supplies host and protocol
 * when the headers carry none (a bare `new Request(url)`). Set-Cookie headers Auth.js wants to
 * send (session expiry refresh, removal of a dead cookie) are passed to `onSetCookie`.
 */
export async function getUserFromHeaders(
  incoming: Headers,
  opts: { fallbackUrl?: string; onSetCookie?: (setCookie: string) => void } = {},
): Promise<CurrentUser | null> {
  const cookie = incoming.get('cookie');
  if (!cookie) return null;
  const h = new Headers(incoming);
  if (opts.fallbackUrl && !h.has('host') && !h.has('x-forwarded-host')) {
    const u = new URL(opts.fallbackUrl);
    h.set('host', u.host);
    if (!h.has('x-forwarded-proto')) h.set('x-forwarded-proto', u.protocol.replace(/:$/, ''));
  }
  const config = authConfig();
  const url = createActionURL('session', h.get('x-forwarded-proto') ?? 'http', h, {}, config);
  const res = await Auth(new Request(url, { headers: { cookie } }), config);
  if (opts.onSetCookie) for (const c of res.headers.getSetCookie()) opts.onSetCookie(c);
  if (!res.ok) return null; // a misconfiguration answers 500: fail closed
  return toCurrentUser((await res.json()) as Session | null);
}

/**
 * The user behind a route handler's request (cookie), or null. With `onSetCookie`, through
 * Auth.js, which also sends the refreshed cookie; without it, by the session token alone (one
 * query, the same session rules).
 */
export function getUserFromRequest(req: Request, onSetCookie?: (setCookie: string) => void): Promise<CurrentUser | null> {
  if (onSetCookie) return getUserFromHeaders(req.headers, { fallbackUrl: req.url, onSetCookie });
  // Headers only: a request built with the body would take the caller's body stream.
  const token = new NextRequest(req.url, { headers: req.headers }).cookies.get(sessionCookieName())?.value;
  return token ? getUserFromSessionToken(token) : Promise.resolve(null);
}

/**
 * The user of a database session token, read by the rules Auth.js applies to database sessions
 * (an expired session is deleted; the expiry moves forward once per SESSION_UPDATE_AGE_S; the
 * role comes from the user) in one indexed query, without running a whole Auth.js request. For
 * callers that cannot send cookies back: Auth.js itself (getUserFromHeaders) also refreshes the
 * cookie.
 */
export async function getUserFromSessionToken(sessionToken: string): Promise<CurrentUser | null> {
  const found = await findSessionUser(sessionToken);
  if (!found) return null;
  const now = Date.now();
  const expires = found.expires.getTime();
  if (expires < now) {
    await deleteSession(sessionToken);
    return null;
  }
  if (expires - SESSION_MAX_AGE_S * 1000 + SESSION_UPDATE_AGE_S * 1000 <= now) await extendSession(sessionToken, new Date(now + SESSION_MAX_AGE_S * 1000));
  const { id, email, name, role } = found.user;
  if (!email) return null;
  return { id, email, name: name ?? null, role: isRole(role) ? role : 'SHOPPER' };
}

/**
 * The signed-in user in server components, server actions and route handlers (reads the session
 * cookie through next/headers), or null. Cached per request.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const token = (await nextCookies()).get(sessionCookieName())?.value;
  return token ? getUserFromSessionToken(token) : null;
});

/** The signed-in user; throws HttpError 401 otherwise. */
export async function requireUser(): Promise<CurrentUser> {
  const user = await getCurrentUser();
  assertRole(user, null);
  return user;
}

/** The signed-in user if their role is one of `roles`; throws HttpError 401 / 403 otherwise. */
export async function requireRole(...roles: Role[]): Promise<CurrentUser> {
  const user = await getCurrentUser();
  assertRole(user, roles);
  return user;
}
