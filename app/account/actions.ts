'use server';
import { redirect } from 'next/navigation';
import { signOut } from '@/lib/auth/next-auth';
import { safeCallbackPath } from '@/lib/auth/callback-url';
import { serverAction } from '@/lib/http/action';

/** Ends the database session, clears the cookie, then redirects (default: home). */
export const signOutAction = serverAction(
  async (form: FormData): Promise<void> => {
    await signOut({ redirectTo: safeCallbackPath(form.get('redirectTo'), '/') });
  },
  () => redirect('/'),
  { label: 'sign-out' },
);
