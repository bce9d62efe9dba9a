// The cart cookie: the browser holds only the cart's id, httpOnly, for 30 days.
import { env } from '../env';

export const CART_COOKIE_MAX_AGE_S = 60 * 60 * 24 * 30;

export function cartCookieOptions() {
  return { httpOnly: true, sameSite: 'lax' as const, path: '/', maxAge: CART_COOKIE_MAX_AGE_S, secure: env().PUBLIC_URL.startsWith('https://') };
}

/** A Set-Cookie header value for route handlers that answer with a plain Response. */
export function cartCookie(cartId: string): string {
  const o = cartCookieOptions();
  return `sp_cart=${encodeURIComponent(cartId)}; Path=${o.path}; Max-Age=${o.maxAge}; HttpOnly; SameSite=Lax${o.secure ? '; Secure' : ''}`;
}
