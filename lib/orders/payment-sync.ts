// Keeps an order in step with Stripe. Every webhook only says "look again": we fetch the
// checkout's current state and move the order forward along legal transitions. That makes
// duplicate and out-of-order deliveries harmless.
import type Stripe from 'stripe';
import type { Prisma } from '../db/client';
import { env } from '../env';
import { consumeOrderedLines } from '../cart';
import { fetchCheckoutState, isMissingStripeObject, orderIdForPaymentIntent, verifyWebhook, type CheckoutState } from '../payments';
import { badRequest } from '../http/errors';
import { enqueue, QUEUES } from '../queue';
import * as repo from './order-repository';
import { sendOrderConfirmation } from './order-emails';

export interface SyncResult {
  orderId: string | null;
  changes: string[];
  becamePaid: boolean;
}

export async function syncOrderWithCheckout(sessionId: string, actor = 'stripe', paymentIntentHint?: string | null): Promise<SyncResult> {
  // Not one of our checkouts (another integration on the account, a test event): nothing to ask Stripe.
  const order = await repo.findOrderBySession(sessionId);
  if (!order) return { orderId: null, changes: [], becamePaid: false };
  const state = await fetchCheckoutState(sessionId, paymentIntentHint);
  const result = await repo.runInTransaction((tx) => applyState(tx, order.id, state, actor));
  if (result.becamePaid) await sendOrderConfirmation(order.id);
  return result;
}

async function applyState(tx: repo.Tx, orderId: string, s: CheckoutState, actor: string): Promise<SyncResult> {
  const order = await repo.lockOrder(tx, orderId);
  const payment = order.payments.find((p) => p.stripeCheckoutSessionId === s.sessionId);
  const changes: string[] = [];
  let status = order.status;
  let becamePaid = false;
  const move = async (to: typeof status, note: string, extra: Prisma.OrderUpdateInput = {}) => {
    await repo.transitionInTx(tx, order.id, status, to, actor, note, extra);
    changes.push(`${status}->${to}`);
    // Bought (paid, or authorised for a campaign): the order's lines leave the cart in the same
    // transaction; lines added after the checkout started stay.
    if (status === 'PENDING_PAYMENT' && (to === 'PAID' || to === 'AUTHORIZED') && order.cartId) {
      await consumeOrderedLines(tx, order.cartId, await repo.orderLinesInTx(tx, order.id));
    }
    status = to;
  };

  const captured = s.paymentIntentStatus === 'succeeded';
  const authorized = s.paymentIntentStatus === 'requires_capture';
  // Only money actually captured can be refunded (a released authorisation is not a refund).
  const fullyRefunded = captured && s.amountRefundedMinor > 0 && s.amountRefundedMinor >= s.amountTotalMinor;

  if (payment) {
    const paymentStatus = fullyRefunded
      ? 'REFUNDED'
      : s.amountRefundedMinor > 0
        ? 'PARTIALLY_REFUNDED'
        : captured
          ? 'SUCCEEDED'
          : authorized
            ? 'AUTHORIZED'
            : s.paymentIntentStatus === 'canceled'
              ? 'CANCELLED'
              : s.failureMessage
                ? 'FAILED'
                : payment.status;
    if (paymentStatus !== payment.status || s.paymentIntentId !== payment.stripePaymentIntentId || s.amountRefundedMinor !== payment.amountRefundedMinor) {
      await repo.updatePayment(tx, payment.id, {
        status: paymentStatus,
        stripePaymentIntentId: s.paymentIntentId,
        amountRefundedMinor: s.amountRefundedMinor,
        failureMessage: s.failureMessage,
      });
      changes.push(`payment:${paymentStatus}`);
    }
  }

  const shippingData = {
    shippingName: s.shipping?.name ?? null,
    shippingAddress: (s.shipping?.address ?? undefined) as Prisma.InputJsonValue | undefined,
  };
  if (s.sessionStatus === 'complete' && authorized && status === 'PENDING_PAYMENT') {
    // Campaign orders: the card is authorised now and captured only if the campaign succeeds.
    await move('AUTHORIZED', 'Card authorised; charged when the campaign reaches its minimum', shippingData);
    // The campaign may have just reached its minimum: let its settle job look (queued with the change).
    if (order.campaignId) await enqueue(QUEUES.campaignSettle, { campaignId: order.campaignId }, { singletonKey: `campaign-settle-${order.campaignId}` }, tx);
  }
  if (s.sessionStatus === 'complete' && (captured || fullyRefunded) && (status === 'PENDING_PAYMENT' || status === 'AUTHORIZED')) {
    await move('PAID', 'Payment received', { paidAt: new Date(), ...(status === 'PENDING_PAYMENT' ? shippingData : {}) });
    becamePaid = true;
    // Committed together with the status: a paid order always gets its print jobs.
    await enqueue(QUEUES.orderPaid, { orderId: order.id }, { singletonKey: `order-paid-${order.id}` }, tx);
  }
  if (fullyRefunded && status !== 'REFUNDED' && status !== 'PENDING_PAYMENT' && status !== 'CANCELLED') {
    await move('REFUNDED', 'Payment refunded');
  }
  if (s.sessionStatus === 'expired' && status === 'PENDING_PAYMENT') {
    await move('CANCELLED', 'Checkout expired without payment');
  }
  if (s.paymentIntentStatus === 'canceled' && status === 'AUTHORIZED') {
    await move('CANCELLED', 'Authorisation released: nothing was charged');
  }
  return { orderId: order.id, changes, becamePaid };
}

/** Which checkout session (and payment intent, if any) an event is about. */
async function eventTarget(event: Stripe.Event): Promise<{ sessionId: string | null; paymentIntentId: string | null }> {
  const obj = event.data.object as unknown as Record<string, unknown>;
  if (event.type.startsWith('checkout.session.')) return { sessionId: obj.id as string, paymentIntentId: (obj.payment_intent as string) ?? null };
  let paymentIntentId: string | null = null;
  if (event.type.startsWith('payment_intent.')) paymentIntentId = obj.id as string;
  else if (event.type.startsWith('charge.') || event.type.startsWith('refund.')) paymentIntentId = (obj.payment_intent as string) ?? null;
  if (!paymentIntentId) return { sessionId: null, paymentIntentId };
  const known = await repo.findSessionIdForPaymentIntent(paymentIntentId);
  if (known) return { sessionId: known, paymentIntentId };
  // The intent's own event may arrive before checkout.session.completed told us its id.
  const metadataOrderId = ((obj.metadata as Record<string, string> | undefined) ?? {}).order_id ?? (await orderIdOfIntent(paymentIntentId));
  const order = metadataOrderId ? await repo.findOrder(metadataOrderId) : null;
  return { sessionId: order?.stripeCheckoutSessionId ?? null, paymentIntentId };
}

/** The order id in an intent's metadata; null when Stripe does not know the intent at all. */
async function orderIdOfIntent(paymentIntentId: string): Promise<string | null> {
  try {
    return await orderIdForPaymentIntent(paymentIntentId);
  } catch (err) {
    if (isMissingStripeObject(err)) return null;
    throw err; // Stripe unreachable: answer 500 so Stripe delivers the event again later
  }
}

export const HANDLED_EVENTS = new Set([
  'checkout.session.completed',
  'checkout.session.expired',
  'checkout.session.async_payment_succeeded',
  'checkout.session.async_payment_failed',
  'payment_intent.succeeded',
  'payment_intent.payment_failed',
  'payment_intent.canceled',
  'payment_intent.amount_capturable_updated',
  'charge.refunded',
]);

export type WebhookOutcome = { status: 'processed' | 'duplicate' | 'ignored'; eventId: string; sync?: SyncResult };

/** Verifies, records once, and applies a Stripe webhook. Throws a 400 HttpError for forgeries. */
export async function handleStripeWebhook(rawBody: string, signature: string | null): Promise<WebhookOutcome> {
  let event: Stripe.Event;
  try {
    event = verifyWebhook(rawBody, signature, env().STRIPE_WEBHOOK_SECRET);
  } catch {
    throw badRequest('Invalid webhook signature.', 'invalid_signature');
  }
  const objectId = ((event.data.object as unknown as { id?: string }).id ?? null) as string | null;
  const seen = await repo.recordWebhookEvent({ id: event.id, type: event.type, objectId, payload: event as unknown as Prisma.InputJsonValue });
  if (seen === 'processed') return { status: 'duplicate', eventId: event.id };
  if (!HANDLED_EVENTS.has(event.type)) {
    await repo.markWebhookEvent(event.id, {});
    return { status: 'ignored', eventId: event.id };
  }
  try {
    const target = await eventTarget(event);
    const sync = target.sessionId ? await syncOrderWithCheckout(target.sessionId, 'stripe', target.paymentIntentId) : undefined;
    await repo.markWebhookEvent(event.id, {});
    if (!sync?.orderId) {
      // Signed by Stripe but about no order of this store: acknowledge it (an error would make
      // Stripe retry it for days) and leave a trace for whoever looks.
      console.warn(`[payments] webhook ${event.id} (${event.type}) is about ${target.sessionId ?? objectId ?? '?'}${target.paymentIntentId ? ` / ${target.paymentIntentId}` : ''}, which matches no order here: acknowledged and ignored`);
      return { status: 'ignored', eventId: event.id };
    }
    return { status: 'processed', eventId: event.id, sync };
  } catch (err) {
    await repo.markWebhookEvent(event.id, { error: String((err as Error).message ?? err) });
    throw err;
  }
}
