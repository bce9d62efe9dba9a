// Route-handler wrapper (dub-style): resolves the session from the request, enforces the roles,
// maps thrown HttpErrors to JSON (401/403/4xx) via lib/http/route handle().
import { handle } from '../http';
import type { CurrentUser } from './roles';
import { assertRole, getUserFromRequest, type RoleSpec } from './session';

export type AuthedHandler<C> = (args: { req: Request; ctx: C; user: CurrentUser }) => Promise<Response> | Response;

/**
 * `export const POST = withAuth(['FACTORY', 'ADMIN'], async ({ req, ctx, user }) => …)`
 * `roles`: a role, a list, or null / [] for any signed-in user. No session → 401, wrong role → 403.
 */
export function withAuth<C = unknown>(roles: RoleSpec, handler: AuthedHandler<C>): (req: Request, ctx: C) => Promise<Response> {
  const wrapped = handle<C>(async (req, ctx) => {
    const setCookies: string[] = [];
    const user = await getUserFromRequest(req, (c) => setCookies.push(c));
    assertRole(user, roles);
    const res = await handler({ req, ctx, user });
    return withSetCookies(res, setCookies);
  });
  return async (req, ctx) => wrapped(req, ctx);
}

/** Passes on a refreshed session cookie; copies the response when its headers are immutable. */
function withSetCookies(res: Response, setCookies: string[]): Response {
  if (setCookies.length === 0) return res;
  try {
    for (const c of setCookies) res.headers.append('set-cookie', c);
    return res;
  } catch {
    const copy = new Response(res.body, { status: res.status, statusText: res.statusText, headers: new Headers(res.headers) });
    for (const c of setCookies) copy.headers.append('set-cookie', c);
    return copy;
  }
}
