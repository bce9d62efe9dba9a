// Public API of lib/auth (server-only).
//
// next-auth itself is loaded lazily: importing '@/lib/auth' must not pull next-auth into plain
// Node (vitest, scripts), where its extension-less `next/server` imports do not resolve. Inside
// Next.js this makes no difference. Route file: app/api/auth/[...nextauth]/route.ts imports
// lib/auth/next-auth directly.
import type { Session } from '@auth/core/types';
import type * as NextAuthBinding from './next-auth';

const binding = () => import('./next-auth');

/** Auth.js session for the current request (server components, actions, route handlers). Prefer getCurrentUser(). */
export async function auth(): Promise<Session | null> {
  return (await binding()).auth();
}
/** Auth.js signIn for server actions, e.g. signIn('nodemailer', { email, redirectTo }). */
export const signIn = (async (...args: Parameters<typeof NextAuthBinding.signIn>) => (await binding()).signIn(...args)) as typeof NextAuthBinding.signIn;
/** Auth.js signOut for server actions, e.g. signOut({ redirectTo: '/' }). */
export const signOut = (async (...args: Parameters<typeof NextAuthBinding.signOut>) => (await binding()).signOut(...args)) as typeof NextAuthBinding.signOut;
/** The /api/auth/* route handlers. */
export const handlers: typeof NextAuthBinding.handlers = {
  GET: async (req) => (await binding()).handlers.GET(req),
  POST: async (req) => (await binding()).handlers.POST(req),
};

export { authConfig, AUTH_BASE_PATH, SESSION_MAX_AGE_S, SESSION_UPDATE_AGE_S, SIGNIN_PATH } from './config';
export { assertRole, getCurrentUser, getUserFromHeaders, getUserFromRequest, getUserFromSessionToken, hasRole, requireRole, requireUser, type RoleSpec } from './session';
export { withAuth, type AuthedHandler } from './with-auth';
export { PATH_HEADER, requireRolePage } from './page';
export { assignUserToFactory, ensureUserWithRole, factoryIdOfUser, findUserById, promoteShopperToSeller } from './users';
export { safeCallbackPath, signInPath } from './callback-url';
export { ROLES, ROLE_LABELS, isRole, type CurrentUser, type Role } from './roles';
export { MAGIC_LINK_KIND, MAGIC_LINK_MAX_AGE_S } from './magic-link';
