// Creating Stripe Checkout Sessions from server-side prices, and reading their settled state.
import type Stripe from 'stripe';
import { stripe } from './stripe-client';

export interface CheckoutLine {
  name: string;
  description?: string;
  unitAmountMinor: number;
  quantity: number;
  imageUrl?: string;
}

export interface CheckoutRequest {
  orderId: string;
  orderNumber: string;
  email: string;
  currency: string;
  lines: CheckoutLine[];
  shipping: { name: string; amountMinor: number; countries: string[]; minDays: number; maxDays: number };
  successUrl: string;
  cancelUrl: string;
  captureMethod?: 'automatic' | 'manual';
  metadata?: Record<string, string>;
}

export async function createCheckoutSession(req: CheckoutRequest): Promise<{ id: string; url: string }> {
  const metadata = { order_id: req.orderId, order_number: req.orderNumber, ...req.metadata };
  const session = await stripe().checkout.sessions.create(
    {
      mode: 'payment',
      customer_email: req.email,
      client_reference_id: req.orderId,
      metadata,
      line_items: req.lines.map((l) => ({
        quantity: l.quantity,
        price_data: {
          currency: req.currency,
          unit_amount: l.unitAmountMinor,
          product_data: { name: l.name, ...(l.description ? { description: l.description } : {}), ...(l.imageUrl ? { images: [l.imageUrl] } : {}) },
        },
      })),
      shipping_address_collection: { allowed_countries: req.shipping.countries as Stripe.Checkout.SessionCreateParams.ShippingAddressCollection.AllowedCountry[] },
      shipping_options: [
        {
          shipping_rate_data: {
            display_name: req.shipping.name,
            type: 'fixed_amount',
            fixed_amount: { amount: req.shipping.amountMinor, currency: req.currency },
            delivery_estimate: { minimum: { unit: 'business_day', value: req.shipping.minDays }, maximum: { unit: 'business_day', value: req.shipping.maxDays } },
          },
        },
      ],
      payment_intent_data: { capture_method: req.captureMethod ?? 'automatic', metadata },
      success_url: req.successUrl,
      cancel_url: req.cancelUrl,
    },
    { idempotencyKey: `checkout-${req.orderId}` },
  );
  if (!session.url) throw new Error('Stripe returned a checkout session without a URL');
  return { id: session.id, url: session.url };
}

/**
 * Expires an open session so it can no longer be paid. Answers what the session is now:
 * 'expired' (also when it already was, or never existed), or 'complete' when it was paid
 * before we could expire it.
 */
export async function expireCheckoutSession(id: string): Promise<'expired' | 'complete'> {
  try {
    await stripe().checkout.sessions.expire(id);
    return 'expired';
  } catch (err) {
    // Already complete or expired: say which.
    if ((err as { type?: string }).type !== 'StripeInvalidRequestError') throw err;
    if (isMissingStripeObject(err)) return 'expired';
    return (await checkoutSessionStatus(id)).status === 'complete' ? 'complete' : 'expired';
  }
}

export interface CheckoutSessionStatus {
  status: 'open' | 'complete' | 'expired';
  url: string | null;
  /** Unix seconds. */
  expiresAt: number;
}

/** Whether a session can still be paid, and where. */
export async function checkoutSessionStatus(id: string): Promise<CheckoutSessionStatus> {
  const s = await stripe().checkout.sessions.retrieve(id);
  return { status: (s.status ?? 'open') as CheckoutSessionStatus['status'], url: s.url ?? null, expiresAt: s.expires_at };
}

/** What Stripe says now about a checkout: the source of truth for reconciling an order. */
export interface CheckoutState {
  sessionId: string;
  orderId: string | null;
  sessionStatus: 'open' | 'complete' | 'expired';
  paymentIntentId: string | null;
  paymentIntentStatus: string | null;
  amountTotalMinor: number;
  amountRefundedMinor: number;
  currency: string;
  failureMessage: string | null;
  shipping: { name: string | null; address: Stripe.Address | null } | null;
  customerEmail: string | null;
}

export async function fetchCheckoutState(sessionId: string, paymentIntentHint?: string | null): Promise<CheckoutState> {
  const s = await stripe().checkout.sessions.retrieve(sessionId, { expand: ['payment_intent', 'payment_intent.latest_charge'] });
  let pi = typeof s.payment_intent === 'object' ? s.payment_intent : null;
  // An open session may not link its intent yet; a failed attempt is only visible on the intent.
  if (!pi && paymentIntentHint) pi = await stripe().paymentIntents.retrieve(paymentIntentHint, { expand: ['latest_charge'] });
  const charge = pi && typeof pi.latest_charge === 'object' ? pi.latest_charge : null;
  const ship = s.collected_information?.shipping_details ?? null;
  return {
    sessionId: s.id,
    orderId: s.metadata?.order_id ?? s.client_reference_id ?? null,
    sessionStatus: (s.status ?? 'open') as CheckoutState['sessionStatus'],
    paymentIntentId: pi?.id ?? (typeof s.payment_intent === 'string' ? s.payment_intent : null),
    paymentIntentStatus: pi?.status ?? null,
    amountTotalMinor: s.amount_total ?? 0,
    amountRefundedMinor: charge?.amount_refunded ?? 0,
    currency: s.currency ?? 'usd',
    failureMessage: pi?.last_payment_error?.message ?? null,
    shipping: ship ? { name: ship.name ?? null, address: ship.address ?? null } : null,
    customerEmail: s.customer_details?.email ?? s.customer_email ?? null,
  };
}

/** Finds the order a payment intent belongs to (events about intents and charges carry no session). */
export async function orderIdForPaymentIntent(paymentIntentId: string): Promise<string | null> {
  const pi = await stripe().paymentIntents.retrieve(paymentIntentId);
  return pi.metadata?.order_id ?? null;
}

/** How far a webhook's signed timestamp may be from our clock, either way (Stripe's default). */
export const WEBHOOK_TOLERANCE_S = 300;

/**
 * Verifies a webhook's signature on the raw body. The SDK refuses signed timestamps older than
 * the tolerance but not ones from the future, which are as suspect (a replay prepared ahead, a
 * signer with a wrong clock): both directions are refused here.
 */
export function verifyWebhook(rawBody: string, signature: string | null, secret: string, nowMs = Date.now()): Stripe.Event {
  if (!signature) throw Object.assign(new Error('Missing Stripe-Signature header'), { type: 'StripeSignatureVerificationError' });
  const event = stripe().webhooks.constructEvent(rawBody, signature, secret, WEBHOOK_TOLERANCE_S, undefined, nowMs);
  // Signature valid, so the header's timestamp (the SDK keeps the last t=) is the signed one.
  const t = signature.split(',').reduce((acc, item) => (item.split('=')[0] === 't' ? parseInt(item.split('=')[1], 10) : acc), NaN);
  if (!Number.isFinite(t) || Math.abs(Math.floor(nowMs / 1000) - t) > WEBHOOK_TOLERANCE_S) {
    throw Object.assign(new Error('Timestamp outside the tolerance zone'), { type: 'StripeSignatureVerificationError' });
  }
  return event;
}

/** True when Stripe answered that the object does not exist (404 resource_missing). */
export function isMissingStripeObject(err: unknown): boolean {
  const e = err as { type?: string; code?: string; statusCode?: number };
  return e?.type === 'StripeInvalidRequestError' && (e.code === 'resource_missing' || e.statusCode === 404);
}
