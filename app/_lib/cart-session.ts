// The cart lives server-side; the browser only holds its id in an httpOnly cookie.
import { cookies } from 'next/headers';
import { CART_COOKIE, cartCookieOptions, getCart, getOrCreateCart } from '@/lib/cart';

export async function currentCartId(): Promise<string | undefined> {
  return (await cookies()).get(CART_COOKIE)?.value;
}

export async function currentCart() {
  return getCart(await currentCartId());
}

/** The shopper's cart, created (and its cookie set) on first use. Call from actions/route handlers only. */
export async function ensureCart(userId?: string | null) {
  const jar = await cookies();
  const cart = await getOrCreateCart(jar.get(CART_COOKIE)?.value, userId);
  if (jar.get(CART_COOKIE)?.value !== cart.id) {
    jar.set(CART_COOKIE, cart.id, cartCookieOptions());
  }
  return cart;
}
