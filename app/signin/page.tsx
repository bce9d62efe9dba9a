import type { Metadata } from 'next';
import Link from 'next/link';
import { getCurrentUser } from '@/lib/auth/session';
import { safeCallbackPath } from '@/lib/auth/callback-url';
import { ROLE_LABELS } from '@/lib/auth/roles';
import { isDevOutboxEnabled } from '@/lib/email/send';
import { env } from '@/lib/env';
import { SignInForm } from './signin-form';
import { signOutAction } from '../account/actions';

export const metadata: Metadata = { title: 'Sign in · Seedprint' };
export const dynamic = 'force-dynamic';

// Auth.js error codes (…/signin?error=X) in words a shopper understands.
const ERRORS: Record<string, string> = {
  Verification: 'That sign-in link has expired or was already used. Ask for a new one below.',
  AccessDenied: 'This address is not allowed to sign in.',
  EmailSignin: 'We could not send the sign-in e-mail. Please try again in a moment.',
  EmailSignInError: 'We could not send the sign-in e-mail. Please try again in a moment.',
  Configuration: 'Sign-in is not working on our side right now. Please try again in a moment.',
};

type Search = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function SignInPage({ searchParams }: { searchParams: Promise<Search> }) {
  const q = await searchParams;
  const callbackUrl = safeCallbackPath(one(q.callbackUrl), '/account');
  const errorCode = one(q.error);
  const error = errorCode ? (ERRORS[errorCode] ?? 'Something went wrong while signing you in. Please try again.') : null;
  const forbidden = one(q.reason) === 'forbidden';
  const user = await getCurrentUser();
  const outbox = isDevOutboxEnabled() ? { href: '/dev/outbox', smtp: Boolean(env().SMTP_URL) } : null;

  return (
    <main className="mx-auto w-full max-w-md px-4 py-12 sm:py-16">
      <div className="rounded-2xl border border-stone-200 bg-white p-6 shadow-sm sm:p-8">
        <h1 className="text-2xl font-semibold tracking-tight text-stone-900">Sign in to Seedprint</h1>
        <p className="mt-2 text-sm leading-6 text-stone-600">Track your orders and keep your designs. New here? The same link creates your account.</p>

        {user && forbidden && (
          <div role="alert" className="mt-6 rounded-lg border border-amber-300 bg-amber-50 px-3 py-2.5 text-sm leading-6 text-amber-950">
            You are signed in as <strong>{user.email}</strong> ({ROLE_LABELS[user.role].toLowerCase()}), which cannot open that page. Sign in with another account below.
          </div>
        )}

        {user && !forbidden ? (
          <div className="mt-6 space-y-4">
            {error && (
              <p role="alert" className="rounded-lg border border-red-200 bg-red-50 px-3 py-2.5 text-sm text-red-900">
                {error}
              </p>
            )}
            <p className="text-sm leading-6 text-stone-700">
              You are already signed in as <strong className="font-semibold text-stone-900">{user.email}</strong>.
            </p>
            <div className="flex flex-wrap gap-3">
              <Link
                href={callbackUrl}
                className="inline-flex items-center rounded-lg bg-stone-900 px-4 py-2 text-sm font-semibold text-white hover:bg-stone-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-stone-900"
              >
                Continue
              </Link>
              <form action={signOutAction}>
                <input type="hidden" name="redirectTo" value={`/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`} />
                <button
                  type="submit"
                  className="rounded-lg border border-stone-300 bg-white px-4 py-2 text-sm font-medium text-stone-900 hover:bg-stone-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-stone-900"
                >
                  Sign out
                </button>
              </form>
            </div>
          </div>
        ) : (
          <div className="mt-6">
            <SignInForm callbackUrl={callbackUrl} defaultEmail={one(q.email)} outbox={outbox} notice={error} />
          </div>
        )}
      </div>
    </main>
  );
}
