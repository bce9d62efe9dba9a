'use server';
import { signOut } from '@/lib/auth/next-auth';
import { safeCallbackPath } from '@/lib/auth/callback-url';

/** Ends the database session, clears the cookie, then redirects (default: home). */
export async function signOutAction(form: FormData): Promise<void> {
  await signOut({ redirectTo: safeCallbackPath(form.get('redirectTo'), '/') });
}
