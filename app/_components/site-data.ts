// Small server-side helpers shared by the store's pages: the public URL, the user and the cart count,
// each failing soft so a page still renders (e.g. while the database restarts).
import { unstable_rethrow } from 'next/navigation';
import { env } from '@/lib/env';
import { getCurrentUser, type CurrentUser } from '@/lib/auth';
import { currentCart } from '@/app/_lib/cart-session';

export function publicUrl(path = '/'): string {
  return new URL(path, env().PUBLIC_URL).toString();
}

export async function safeCurrentUser(): Promise<CurrentUser | null> {
  try {
    return await getCurrentUser();
  } catch (err) {
    unstable_rethrow(err); // let Next.js see dynamic-rendering and redirect signals
    console.error('[seedprint] could not read the session', err);
    return null;
  }
}

export async function cartItemCount(): Promise<number> {
  try {
    const cart = await currentCart();
    return cart?.items.reduce((n, i) => n + i.quantity, 0) ?? 0;
  } catch (err) {
    unstable_rethrow(err);
    console.error('[seedprint] could not read the cart', err);
    return 0;
  }
}

export { DESIGN_ID, designTileUrl } from './urls';
