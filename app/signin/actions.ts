'use server';
// Sign-in form action: validates the address, asks Auth.js to mail a magic link (through
// lib/email, so it lands in /dev/outbox when SMTP is not configured).
import { AuthError } from 'next-auth';
import { z } from 'zod';
import { signIn } from '@/lib/auth/next-auth';
import { safeCallbackPath } from '@/lib/auth/callback-url';
import { assertMagicLinkQuota } from '@/lib/auth/magic-link';
import { HttpError } from '@/lib/http/errors';

export type SignInState =
  | { status: 'idle'; email?: string }
  | { status: 'error'; email: string; message: string }
  | { status: 'sent'; email: string };

const emailSchema = z.string().trim().toLowerCase().max(254).pipe(z.email());

export async function requestMagicLink(_prev: SignInState, form: FormData): Promise<SignInState> {
  const raw = String(form.get('email') ?? '');
  const parsed = emailSchema.safeParse(raw);
  if (!parsed.success) {
    return { status: 'error', email: raw, message: 'Enter an e-mail address such as you@example.com.' };
  }
  const email = parsed.data;
  const redirectTo = safeCallbackPath(form.get('callbackUrl'), '/account');
  try {
    await assertMagicLinkQuota(email);
    const next = await signIn('nodemailer', { email, redirectTo, redirect: false });
    // Auth.js reports a failure by pointing at the error page instead of /signin/check-email.
    if (typeof next === 'string' && new URL(next, 'http://x').searchParams.has('error')) {
      return { status: 'error', email, message: 'We could not send the sign-in e-mail. Please try again in a moment.' };
    }
    return { status: 'sent', email };
  } catch (err) {
    if (err instanceof HttpError) return { status: 'error', email, message: err.message };
    if (err instanceof AuthError) {
      console.error('[auth] sign-in e-mail failed', err);
      return { status: 'error', email, message: 'We could not send the sign-in e-mail. Please try again in a moment.' };
    }
    throw err;
  }
}
