// Cart domain: what a shopper may put in a cart, and the totals shown before checkout.
import { z } from 'zod';
import { badRequest, conflict, notFound, parseOrThrow } from '../http/errors';
import { findVariant } from '../catalog';
import { DESIGN_ID_RE, REPEAT_IN, repeatInSchema } from '../design';
import { listingTerms, termsPrice } from '../listings';
import { zoneForCountry } from '../shipping';
import * as repo from './cart-repository';
import { resolveListingLine } from './listing-lines';

export const addToCartSchema = z.object({
  variantId: z.string().min(1, 'choose a size and colour'),
  designId: z.string().regex(DESIGN_ID_RE, 'is not a valid design id').optional(),
  /** A seller's listing: its design, pattern scale and price replace whatever else is sent. */
  listingId: z.string().min(1).max(64).optional(),
  quantity: z.coerce.number().int().min(1, 'must be at least 1').max(99, 'must be at most 99').default(1),
  repeatIn: repeatInSchema.default(REPEAT_IN.default),
});

export const quantitySchema = z.object({
  itemId: z.string().min(1),
  quantity: z.coerce.number().int().min(0, 'must be 0 (remove) or more').max(99, 'must be at most 99'),
});

type StoredCart = NonNullable<Awaited<ReturnType<typeof repo.findCart>>>;

/** A listing line sold as a campaign pre-order: made only after the campaign's deadline. */
export interface CartPreorder {
  campaignId: string;
  deadline: Date;
}

/** A cart as shown and checked out: listing prices applied, pre-order lines marked. */
export type CartView = Omit<StoredCart, 'items'> & { items: (StoredCart['items'][number] & { preorder: CartPreorder | null })[] };

export async function getCart(cartId: string | undefined | null): Promise<CartView | null> {
  const cart = cartId ? await repo.findCart(cartId) : null;
  return cart ? withListingPrices(cart) : null;
}

export type CartTx = repo.CartTx;

/**
 * Runs `fn` with the cart read under its row lock, in one transaction: one checkout of a cart at
 * a time, so parallel checkouts see each other's open session instead of each opening one.
 * 400 when the cart does not exist, 409 when another checkout of it keeps the lock too long.
 */
export async function withLockedCart<T>(cartId: string | null | undefined, fn: (cart: CartView, tx: CartTx) => Promise<T>): Promise<T> {
  if (!cartId) throw badRequest('Your cart is empty.', 'empty_cart');
  const r = await repo.withCartLock(cartId, async (tx) => {
    const cart = await repo.findCartInTx(tx, cartId);
    return fn(await withListingPrices(cart!), tx);
  });
  if (r.ok) return r.value;
  if (r.reason === 'missing') throw badRequest('Your cart is empty.', 'empty_cart');
  throw conflict('A checkout of this cart is already starting: please try again in a moment.', 'checkout_in_progress');
}

/** Removes a paid order's lines from its cart (in the payment's transaction); later additions stay. */
export const consumeOrderedLines = repo.consumeOrderedLines;

/** Every printed product needs a design: a line without one could be paid but never printed. */
export const DESIGN_REQUIRED_MESSAGE = 'Choose a design for this product first: every product is printed with a pattern from the design studio.';

/**
 * Listing lines cost the seller's price for the line's size, not the catalog price: the line's variant is
 * shown (and checked out) with priceMinor replaced, so every page and the checkout agree.
 */
async function withListingPrices(cart: StoredCart): Promise<CartView> {
  const listingIds = cart.items.flatMap((i) => (i.listingId ? [i.listingId] : []));
  if (listingIds.length === 0) return { ...cart, items: cart.items.map((i) => ({ ...i, preorder: null })) };
  const terms = await listingTerms(listingIds);
  return {
    ...cart,
    items: cart.items.map((i) => {
      const price = i.listingId ? termsPrice(terms, i.listingId, i.variant.productId, i.variant.size) : undefined;
      const c = i.listingId ? terms.campaigns.get(i.listingId) : null;
      const preorder = c?.status === 'ACTIVE' ? { campaignId: c.id, deadline: c.deadline } : null;
      return price === undefined ? { ...i, preorder } : { ...i, variant: { ...i.variant, priceMinor: price }, preorder };
    }),
  };
}

/** Returns the cart to add to, creating one when the cookie points nowhere. */
export async function getOrCreateCart(cartId: string | undefined | null, userId?: string | null): Promise<StoredCart> {
  return (cartId && (await repo.findCart(cartId))) || repo.createCart(userId);
}

export async function addToCart(cartId: string, input: unknown) {
  const item = parseOrThrow(addToCartSchema, input);
  if (item.listingId) {
    const line = await resolveListingLine(item.listingId, item.variantId);
    return repo.addOrIncrementListingItem(cartId, { listingId: line.listingId, variantId: item.variantId, designId: line.designId, quantity: item.quantity, repeatIn: line.repeatIn });
  }
  const variant = await findVariant(item.variantId);
  if (!variant || !variant.active || !variant.product.active) throw notFound('That product option is no longer available.');
  if (!item.designId) throw badRequest(DESIGN_REQUIRED_MESSAGE, 'design_required');
  const line = await repo.addOrIncrementItem(cartId, { variantId: item.variantId, designId: item.designId, quantity: item.quantity, repeatIn: item.repeatIn });
  if (!line) throw notFound('That design was not found. Please pick it again in the studio.');
  return line;
}

export async function updateQuantity(cartId: string, input: unknown) {
  const { itemId, quantity } = parseOrThrow(quantitySchema, input);
  if (quantity === 0) return repo.removeItem(cartId, itemId);
  return repo.setItemQuantity(cartId, itemId, quantity);
}

export const removeFromCart = repo.removeItem;
export const emptyCart = repo.clearCart;

export interface CartTotals {
  currency: string;
  subtotalMinor: number;
  shippingMinor: number | null;
  totalMinor: number | null;
  itemCount: number;
}

export function cartTotals(cart: Pick<CartView, 'items'> | null, country?: string | null): CartTotals {
  const items = cart?.items ?? [];
  const subtotalMinor = items.reduce((s, i) => s + i.variant.priceMinor * i.quantity, 0);
  const zone = country ? zoneForCountry(country) : undefined;
  const shippingMinor = items.length && zone ? zone.rateMinor : items.length ? null : 0;
  return {
    currency: items[0]?.variant.currency ?? 'usd',
    subtotalMinor,
    shippingMinor,
    totalMinor: shippingMinor === null ? null : subtotalMinor + shippingMinor,
    itemCount: items.reduce((s, i) => s + i.quantity, 0),
  };
}
