// Turning a cart into a pending order and a Stripe Checkout Session. Prices come from the
// database only; whatever the client sends about price or currency is ignored.
import { randomBytes, randomUUID } from 'node:crypto';
import { z } from 'zod';
import { env } from '../env';
import { badRequest, conflict, parseOrThrow } from '../http/errors';
import { DESIGN_REQUIRED_MESSAGE, withLockedCart, type CartView } from '../cart';
import { variantLabel } from '../catalog';
import { designRecipes } from '../generation';
import { checkoutSessionStatus, createCheckoutSession, expireCheckoutSession } from '../payments';
import { SHIPPABLE_COUNTRIES, zoneForCountry } from '../shipping';
import { listingTerms, preorderLabel } from '../listings';
import * as repo from './order-repository';
import { syncOrderWithCheckout } from './payment-sync';

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

/** An open session is reused only if it stays payable long enough to finish paying. */
const REUSE_MIN_REMAINING_S = 30 * 60;

type Outcome = { kind: 'started'; result: StartCheckoutResult } | { kind: 'paid_elsewhere'; sessionIds: string[] };

/**
 * Turns the cart into a pending order and a Checkout Session, atomically per cart: the cart row
 * is locked for the whole step, so parallel checkouts of one cart run one after the other. Each
 * finds the previous one's open session and reuses it (same lines, prices, e-mail, country) or
 * expires it before opening its own: a cart has at most one payable session at any time.
 */
export async function startCheckout(cartId: string | null | undefined, input: unknown, userId: string | null): Promise<StartCheckoutResult> {
  const { email, country } = parseOrThrow(checkoutSchema, input);
  let created: string | null = null;
  let outcome: Outcome;
  try {
    outcome = await withLockedCart(cartId, async (cart, tx): Promise<Outcome> => {
      const plan = await planOrder(cart, email, country, userId);

      // The cart's earlier checkouts: reuse an identical open one, expire the others.
      const paidElsewhere: string[] = [];
      let reuse: StartCheckoutResult | null = null;
      const now = Math.floor(Date.now() / 1000);
      for (const old of await repo.findPendingOrdersForCart(plan.cartId, tx)) {
        if (!old.stripeCheckoutSessionId) continue;
        const st = await checkoutSessionStatus(old.stripeCheckoutSessionId);
        if (st.status === 'complete') paidElsewhere.push(old.stripeCheckoutSessionId);
        if (st.status !== 'open') continue;
        if (!reuse && st.url && st.expiresAt - now >= REUSE_MIN_REMAINING_S && sameOrder(old, plan)) {
          reuse = { orderId: old.id, checkoutUrl: st.url };
          continue;
        }
        if ((await expireCheckoutSession(old.stripeCheckoutSessionId)) === 'complete') paidElsewhere.push(old.stripeCheckoutSessionId);
      }
      // Paid a moment ago in another tab (its webhook not yet here): opening a second payment for
      // the same lines would charge twice.
      if (paidElsewhere.length) return { kind: 'paid_elsewhere', sessionIds: paidElsewhere };
      if (reuse) return { kind: 'started', result: reuse };

      const orderId = `ord_${randomUUID().replace(/-/g, '')}`;
      const number = newOrderNumber();
      const base = env().PUBLIC_URL;
      const session = await createCheckoutSession({
        orderId,
        orderNumber: number,
        email,
        currency: plan.currency,
        lines: plan.items.map((i) => ({
          name: i.preorderDeadline ? `Pre-order: ${i.productName}` : i.productName,
          description:
            (i.preorderDeadline ? `${preorderLabel(i.preorderDeadline, plan.zone.deliveryDays)}. ` : '') +
            i.variantLabel +
            (i.recipe ? ` — “${(i.recipe as { prompt: string }).prompt}”` : ''),
          unitAmountMinor: i.unitPriceMinor,
          quantity: i.quantity,
          ...(i.designId ? { imageUrl: `${base}/r/${i.designId}.png` } : {}),
        })),
        shipping: { name: `Standard shipping — ${plan.zone.name}`, amountMinor: plan.zone.rateMinor, countries: plan.zone.countries, minDays: plan.zone.deliveryDays[0], maxDays: plan.zone.deliveryDays[1] },
        successUrl: `${base}/checkout/success?session_id={CHECKOUT_SESSION_ID}`,
        cancelUrl: `${base}/cart?checkout=cancelled`,
        // Campaign orders are only authorised now, captured if the campaign reaches its minimum.
        ...(plan.campaignId ? { captureMethod: 'manual' as const, metadata: { campaign_id: plan.campaignId } } : {}),
      });
      created = session.id;

      await repo.insertOrder(
        {
          id: orderId,
          number,
          userId,
          cartId: plan.cartId,
          email,
          currency: plan.currency,
          subtotalMinor: plan.subtotalMinor,
          shippingMinor: plan.zone.rateMinor,
          totalMinor: plan.subtotalMinor + plan.zone.rateMinor,
          shippingZone: plan.zone.id,
          shippingCountry: country,
          testMode: env().testMode,
          stripeCheckoutSessionId: session.id,
          captureMethod: plan.campaignId ? 'manual' : 'automatic',
          campaignId: plan.campaignId, // in the same insert: no payment can exist without its campaign
          items: plan.items.map(orderLine),
        },
        tx,
      );
      return { kind: 'started', result: { orderId, checkoutUrl: session.url } };
    });
  } catch (err) {
    // The session was opened but its order never committed: nobody may pay it.
    if (created) await expireCheckoutSession(created).catch(() => undefined);
    throw err;
  }
  if (outcome.kind === 'started') return outcome.result;
  // Record that payment now (marks the order paid and takes its lines out of the cart).
  let number: string | null = null;
  for (const sessionId of outcome.sessionIds) {
    const sync = await syncOrderWithCheckout(sessionId, 'checkout');
    if (sync.orderId) number ??= (await repo.findOrder(sync.orderId))?.number ?? null;
  }
  throw conflict(
    `This cart was just paid for${number ? ` (order ${number})` : ''}: those items are on their way to production and have left your cart. Anything you added since is still there to check out.`,
    'cart_already_paid',
  );
}

interface OrderPlan {
  cartId: string;
  currency: string;
  zone: NonNullable<ReturnType<typeof zoneForCountry>>;
  campaignId: string | null;
  subtotalMinor: number;
  email: string;
  country: string;
  userId: string | null;
  items: (repo.OrderLineInput & { listingId: string | null; preorderDeadline: Date | null })[];
}

/** What the order stores of a planned line (the pre-order deadline stays with the campaign). */
function orderLine(i: OrderPlan['items'][number]): repo.OrderLineInput & { listingId: string | null } {
  const { preorderDeadline, ...line } = i;
  void preorderDeadline;
  return line;
}

/** Validates the cart (read under its lock) and prices it from the database. */
async function planOrder(cart: CartView, email: string, country: string, userId: string | null): Promise<OrderPlan> {
  if (cart.items.length === 0) throw badRequest('Your cart is empty.', 'empty_cart');
  const unavailable = cart.items.find((i) => !i.variant.active || !i.variant.product.active);
  if (unavailable) throw badRequest(`${unavailable.variant.product.name} (${variantLabel(unavailable.variant)}) is no longer available: please remove it.`, 'unavailable');
  const designless = cart.items.find((i) => !i.designId);
  if (designless) throw badRequest(`${designless.variant.product.name} (${variantLabel(designless.variant)}) has no design: ${DESIGN_REQUIRED_MESSAGE.charAt(0).toLowerCase()}${DESIGN_REQUIRED_MESSAGE.slice(1)} Please remove it and add it again from the studio.`, 'design_required');
  const currencies = new Set(cart.items.map((i) => i.variant.currency));
  if (currencies.size !== 1) throw badRequest('All items in one order must be in the same currency.');
  const currency = [...currencies][0];
  const zone = zoneForCountry(country)!;
  const campaignId = await campaignOfCart(cart.items);
  const designs = await designRecipes(cart.items.map((i) => i.designId).filter((d): d is string => !!d));
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
    preorderDeadline: i.preorder?.deadline ?? null,
  }));
  const subtotalMinor = items.reduce((s, i) => s + i.unitPriceMinor * i.quantity, 0);
  return { cartId: cart.id, currency, zone, campaignId, subtotalMinor, email, country, userId, items };
}

/** Whether a pending order was started for exactly this cart content, buyer and destination. */
function sameOrder(
  old: { userId: string | null; email: string; currency: string; shippingCountry: string; campaignId: string | null; items: { variantId: string | null; designId: string | null; listingId: string | null; repeatIn: number; quantity: number; unitPriceMinor: number }[] },
  plan: OrderPlan,
): boolean {
  const key = (i: { variantId: string | null; designId: string | null; listingId: string | null; repeatIn: number; quantity: number; unitPriceMinor: number }) =>
    JSON.stringify([i.variantId, i.designId, i.listingId, i.repeatIn, i.quantity, i.unitPriceMinor]);
  const a = old.items.map(key).sort();
  const b = plan.items.map(key).sort();
  return (
    old.userId === plan.userId &&
    old.email === plan.email &&
    old.currency === plan.currency &&
    old.shippingCountry === plan.country &&
    (old.campaignId ?? null) === plan.campaignId &&
    a.length === b.length &&
    a.every((k, i) => k === b[i])
  );
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
