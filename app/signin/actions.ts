'use server';
// Sign-in form action: validates the address, asks Auth.js to mail a magic link (through
// lib/email, so it lands in /dev/outbox when SMTP is not configured).
import { z } from 'zod';
import { signIn } from '@/lib/auth/next-auth';
import { safeCallbackPath } from '@/lib/auth/callback-url';
import { assertMagicLinkQuota } from '@/lib/auth/magic-link';
import { serverAction } from '@/lib/http/action';

export type SignInState =
  | { status: 'idle'; email?: string }
  | { status: 'error'; email: string; message: string }
  | { status: 'sent'; email: string };

const emailSchema = z.string().trim().toLowerCase().max(254).pipe(z.email());

const SEND_FAILED = 'We could not send the sign-in e-mail. Please try again in a moment.';

export const requestMagicLink = serverAction(
  async (_prev: SignInState, form: FormData): Promise<SignInState> => {
    const raw = String(form.get('email') ?? '');
    const parsed = emailSchema.safeParse(raw);
    if (!parsed.success) {
      return { status: 'error', email: raw, message: 'Enter an e-mail address such as you@example.com.' };
    }
    const email = parsed.data;
    const redirectTo = safeCallbackPath(form.get('callbackUrl'), '/account');
    await assertMagicLinkQuota(email);
    const next = await signIn('nodemailer', { email, redirectTo, redirect: false });
    // Auth.js reports a failure by pointing at the error page instead of /signin/check-email.
    if (typeof next === 'string' && new URL(next, 'http://x').searchParams.has('error')) {
      return { status: 'error', email, message: SEND_FAILED };
    }
    return { status: 'sent', email };
  },
  (message, _prev, form): SignInState => ({ status: 'error', email: String(form.get('email') ?? ''), message }),
  { label: 'sign-in e-mail', fallback: SEND_FAILED },
);
