// Turning a cart into a pending order and a Stripe Checkout Session. Prices come from the
// database only; whatever the client sends about price or currency is ignored.
import { randomBytes, randomUUID } from 'node:crypto';
import { z } from 'zod';
import { env } from '../env';
import { badRequest, conflict, parseOrThrow } from '../http/errors';
import { getCart } from '../cart';
import { variantLabel } from '../catalog';
import { createCheckoutSession, expireCheckoutSession } from '../payments';
import { SHIPPABLE_COUNTRIES, zoneForCountry } from '../shipping/zones';
import { listingTerms } from '../sellers/cart-lines';
import * as repo from './order-repository';

export const checkoutSchema = z.object({
  email: z.string().trim().toLowerCase().email('please enter a valid e-mail address'),
  country: z
    .string()
    .trim()
    .toUpperCase()
    .refine((c) => SHIPPABLE_COUNTRIES.includes(c), 'we do not ship to that country yet'),
});

const ORDER_NUMBER_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
function newOrderNumber(): string {
  const bytes = randomBytes(8);
  return `SP-${Array.from(bytes, (b) => ORDER_NUMBER_ALPHABET[b % ORDER_NUMBER_ALPHABET.length]).join('')}`;
}

export interface StartCheckoutResult {
  orderId: string;
  checkoutUrl: string;
}

export async function startCheckout(cartId: string | null | undefined, input: unknown, userId: string | null): Promise<StartCheckoutResult> {
  const { email, country } = parseOrThrow(checkoutSchema, input);
  const cart = await getCart(cartId);
  if (!cart || cart.items.length === 0) throw badRequest('Your cart is empty.', 'empty_cart');
  const unavailable = cart.items.find((i) => !i.variant.active || !i.variant.product.active);
  if (unavailable) throw badRequest(`${unavailable.variant.product.name} (${variantLabel(unavailable.variant)}) is no longer available: please remove it.`, 'unavailable');
  const currencies = new Set(cart.items.map((i) => i.variant.currency));
  if (currencies.size !== 1) throw badRequest('All items in one order must be in the same currency.');
  const currency = [...currencies][0];
  const zone = zoneForCountry(country)!;
  const campaignId = await campaignOfCart(cart.items);

  // A cart has at most one open checkout: an older one is expired so it can't be paid twice.
  for (const old of await repo.findPendingOrdersForCart(cart.id)) {
    if (old.stripeCheckoutSessionId) await expireCheckoutSession(old.stripeCheckoutSessionId);
  }

  const designs = await repo.findRecipes(cart.items.map((i) => i.designId).filter((d): d is string => !!d));
  const items = cart.items.map((i) => ({
    variantId: i.variantId,
    designId: i.designId,
    productSlug: i.variant.product.slug,
    productName: i.variant.product.name,
    variantLabel: variantLabel(i.variant),
    sku: i.variant.sku,
    recipe: i.designId ? (designs.get(i.designId) ?? null) : null,
    unitPriceMinor: i.variant.priceMinor, // getCart has put the listing price here for listing lines
    quantity: i.quantity,
    repeatIn: i.repeatIn,
    listingId: i.listingId ?? null,
  }));
  const subtotalMinor = items.reduce((s, i) => s + i.unitPriceMinor * i.quantity, 0);
  const orderId = `ord_${randomUUID().replace(/-/g, '')}`;
  const number = newOrderNumber();
  const base = env().PUBLIC_URL;

  const session = await createCheckoutSession({
    orderId,
    orderNumber: number,
    email,
    currency,
    lines: items.map((i) => ({
      name: i.productName,
      description: i.variantLabel + (i.recipe ? ` — “${(i.recipe as { prompt: string }).prompt}”` : ''),
      unitAmountMinor: i.unitPriceMinor,
      quantity: i.quantity,
      ...(i.designId ? { imageUrl: `${base}/r/${i.designId}.png` } : {}),
    })),
    shipping: { name: `Standard shipping — ${zone.name}`, amountMinor: zone.rateMinor, countries: zone.countries, minDays: zone.deliveryDays[0], maxDays: zone.deliveryDays[1] },
    successUrl: `${base}/checkout/success?session_id={CHECKOUT_SESSION_ID}`,
    cancelUrl: `${base}/cart?checkout=cancelled`,
    // Campaign orders are only authorised now, captured if the campaign reaches its minimum.
    ...(campaignId ? { captureMethod: 'manual' as const, metadata: { campaign_id: campaignId } } : {}),
  });

  await repo.insertOrder({
    id: orderId,
    number,
    userId,
    cartId: cart.id,
    email,
    currency,
    subtotalMinor,
    shippingMinor: zone.rateMinor,
    totalMinor: subtotalMinor + zone.rateMinor,
    shippingZone: zone.id,
    shippingCountry: country,
    testMode: env().testMode,
    stripeCheckoutSessionId: session.id,
    captureMethod: campaignId ? 'manual' : 'automatic',
    campaignId, // in the same insert: no payment can exist without its campaign
    items,
  });
  return { orderId, checkoutUrl: session.url };
}

/**
 * The open campaign a cart checks out for, or null. Campaign (pre-order) lines are paid by
 * authorisation only, so they check out on their own: one campaign per order, nothing else.
 */
async function campaignOfCart(items: { listingId: string | null; variant: { productId: string; product: { name: string } } }[]): Promise<string | null> {
  const listingIds = items.flatMap((i) => (i.listingId ? [i.listingId] : []));
  if (listingIds.length === 0) return null;
  const terms = await listingTerms(listingIds);
  const now = new Date();
  const campaigns = new Set<string>();
  for (const i of items) {
    if (!i.listingId) continue;
    if (terms.status.get(i.listingId) !== 'PUBLISHED' || !terms.prices.has(`${i.listingId}:${i.variant.productId}`)) {
      throw badRequest(`${i.variant.product.name} from a seller's listing is no longer for sale: please remove it.`, 'unavailable');
    }
    const c = terms.campaigns.get(i.listingId);
    if (c?.status === 'FAILED' || (c?.status === 'ACTIVE' && c.deadline <= now)) {
      throw conflict(`The campaign for ${i.variant.product.name} has ended: please remove it from your cart.`, 'campaign_ended');
    }
    if (c?.status === 'ACTIVE') campaigns.add(c.id);
  }
  if (campaigns.size === 0) return null;
  if (campaigns.size > 1 || items.some((i) => !i.listingId || terms.campaigns.get(i.listingId)?.id !== [...campaigns][0])) {
    throw badRequest('Pre-order (campaign) items are paid only if their campaign succeeds, so they check out on their own: please buy them separately from the rest of your cart.', 'campaign_mixed_cart');
  }
  return [...campaigns][0];
}
