// Who "My designs" belongs to for a request: the signed-in account, else the guest's cart (the
// sp_cart cookie, only when that cart exists). A guest's first save starts a cart for them.
import { getUserFromHeaders } from '../auth';
import { CART_COOKIE, cartCookie, getCart, getOrCreateCart } from '../cart';
import { attachGuestDesigns, type Owner } from './saved-designs';

const CART_ID = /^[a-z0-9]{20,40}$/;

function cartIdFrom(headers: Headers): string | null {
  const m = new RegExp(`(?:^|;\\s*)${CART_COOKIE}=([^;]+)`).exec(headers.get('cookie') ?? '');
  const v = m ? decodeURIComponent(m[1]).trim() : '';
  return CART_ID.test(v) ? v : null;
}

export interface ResolvedOwner {
  owner: Owner | null;
  /** Set-Cookie for a cart started for a guest by this request. */
  setCookie?: string;
}

/**
 * The owner behind request headers. A signed-in shopper's guest designs (from the cart cookie)
 * are moved to the account first. `create`: a guest without a cart gets one.
 */
export async function ownerFromHeaders(headers: Headers, opts: { create?: boolean; fallbackUrl?: string } = {}): Promise<ResolvedOwner> {
  const user = await getUserFromHeaders(headers, { fallbackUrl: opts.fallbackUrl });
  const cookieCart = cartIdFrom(headers);
  const cart = cookieCart ? await getCart(cookieCart) : null;
  if (user) {
    if (cart) await attachGuestDesigns(cart.id, user.id);
    return { owner: { userId: user.id } };
  }
  if (cart) return { owner: { cartId: cart.id } };
  if (!opts.create) return { owner: null };
  const created = await getOrCreateCart(null);
  return { owner: { cartId: created.id }, setCookie: cartCookie(created.id) };
}

/** ownerFromHeaders for a route handler's request. */
export const ownerFromRequest = (req: Request, opts: { create?: boolean } = {}) => ownerFromHeaders(req.headers, { ...opts, fallbackUrl: req.url });
