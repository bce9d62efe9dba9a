// Auth.js configuration: e-mail magic links, database sessions through the Prisma adapter, the
// role from User copied onto the session. Framework-neutral (@auth/core only) so route helpers
// and tests use exactly what the Next.js handlers use; lib/auth/next-auth.ts wraps it for Next.
import { setEnvDefaults, type AuthConfig } from '@auth/core';
import Nodemailer from '@auth/core/providers/nodemailer';
import { env } from '../env';
import { createAuthAdapter } from './auth-repository';
import { resolveAuthRedirect } from './callback-url';
import { MAGIC_LINK_MAX_AGE_S, sendMagicLink } from './magic-link';
import { isRole, type CurrentUser } from './roles';

declare module '@auth/core/types' {
  interface Session {
    user: CurrentUser;
  }
}

export const AUTH_BASE_PATH = '/api/auth';
export const SIGNIN_PATH = '/signin';
export const SESSION_MAX_AGE_S = 30 * 24 * 60 * 60;
/** How often reading a session moves its expiry forward. */
export const SESSION_UPDATE_AGE_S = 24 * 60 * 60;

let config: AuthConfig | undefined;

/** Built on first use so that importing this module never reads the environment (builds). */
export function authConfig(): AuthConfig {
  if (config) return config;
  const e = env();
  const built: AuthConfig = {
    adapter: createAuthAdapter(),
    secret: e.AUTH_SECRET,
    trustHost: true,
    basePath: AUTH_BASE_PATH,
    // Cookie names (__Secure-…) follow the public URL, not whatever protocol a proxy forwarded,
    // so the handlers that set the session cookie and the helpers that read it always agree.
    useSecureCookies: new URL(e.PUBLIC_URL).protocol === 'https:',
    session: { strategy: 'database', maxAge: SESSION_MAX_AGE_S, updateAge: SESSION_UPDATE_AGE_S },
    pages: { signIn: SIGNIN_PATH, verifyRequest: `${SIGNIN_PATH}/check-email`, error: SIGNIN_PATH },
    providers: [
      Nodemailer({
        // Required by the provider but unused: sendVerificationRequest sends through lib/email.
        server: e.SMTP_URL || 'smtp://127.0.0.1:25',
        from: e.MAIL_FROM,
        maxAge: MAGIC_LINK_MAX_AGE_S,
        sendVerificationRequest: sendMagicLink,
      }),
    ],
    callbacks: {
      // Same-site destinations only, always on PUBLIC_URL (Auth.js would use the request's origin).
      redirect({ url }) {
        return resolveAuthRedirect(url, e.PUBLIC_URL);
      },
      session({ session, user }) {
        const role = (user as { role?: unknown }).role;
        return {
          ...session,
          user: { id: user.id, email: user.email, name: user.name ?? null, role: isRole(role) ? role : 'SHOPPER' },
        };
      },
    },
  };
  // What next-auth does to its config on every call; done once here so both paths agree.
  // The store's settings come from lib/env.ts, not from Auth.js' own AUTH_* variables.
  setEnvDefaults({}, built, true);
  return (config = built);
}

/** The session cookie's name, as Auth.js names it for this config (secure prefix on https). */
export function sessionCookieName(): string {
  return `${authConfig().useSecureCookies ? '__Secure-' : ''}authjs.session-token`;
}
