// Settling a campaign: when it reaches its minimum every authorised payment is captured (the
// orders become PAID and go to production through the usual order-paid job); when the deadline
// passes below the minimum every authorisation is cancelled and each buyer is told.
//
// Exactly once per payment, even across crashes:
//   1. The outcome is decided under a row lock and stored before any money moves.
//   2. Per payment, Stripe's current state is read first: an intent that is already captured
//      or cancelled is never touched again (this covers a crash after the Stripe call and
//      before our database caught up).
//   3. Every capture/cancel carries an idempotency key derived from our payment id, so even
//      two racing runs make one charge (Stripe replays the first answer).
//   4. The order is then reconciled through lib/orders' syncOrderWithCheckout, which only
//      follows legal transitions under an order row lock (the webhook does the same: whichever
//      comes first wins, the other changes nothing).
import type Stripe from 'stripe';
import { formatMoney } from '../catalog';
import { emailParagraph, emailSmallPrint, renderEmailLayout, sendEmailOnce } from '../email';
import { decideCampaign, findCampaign, findCampaignsByStatus } from '../listings';
import { enqueue, QUEUES } from '../queue';
import { expireCheckoutSession, fetchCheckoutState, stripe } from '../payments';
import { campaignOfOrder, campaignOrdersToSettle, campaignsWithAuthorizedOrders, countCampaignOrders, orderUrl, releasedCampaignOrders, syncOrderWithCheckout } from '../orders';
import { decideOutcome } from './campaign-maths';

export interface SettleOptions {
  now?: Date;
  /** Test hook: runs right after each Stripe capture/cancel, before our database is updated. */
  afterStripeCall?: (orderId: string, action: 'capture' | 'cancel') => void | Promise<void>;
}

export interface SettleResult {
  campaignId: string;
  status: 'ACTIVE' | 'SUCCEEDED' | 'FAILED' | 'MISSING';
  captured: number;
  cancelled: number;
  lapsed: number;
  expiredCheckouts: number;
}

type Intent = Stripe.PaymentIntent;

export async function settleCampaign(campaignId: string, opts: SettleOptions = {}): Promise<SettleResult> {
  const now = opts.now ?? new Date();
  const campaign = await decideCampaign(campaignId, async (c) => decideOutcome(c, (await countCampaignOrders([c.id])).get(c.id) ?? 0, now));
  const result: SettleResult = { campaignId, status: campaign?.status ?? 'MISSING', captured: 0, cancelled: 0, lapsed: 0, expiredCheckouts: 0 };
  if (!campaign || campaign.status === 'ACTIVE') return result;
  const info = await findCampaign(campaignId);

  for (const order of await campaignOrdersToSettle(campaignId)) {
    const sessionId = order.stripeCheckoutSessionId;
    if (!sessionId) continue;
    if (order.status === 'PENDING_PAYMENT') {
      // A failed campaign takes no more money: close checkouts still open. (A succeeded one lets
      // them finish; a late authorisation is captured by the next sweep.)
      if (campaign.status === 'FAILED') {
        await expireCheckoutSession(sessionId);
        await syncOrderWithCheckout(sessionId, 'campaign');
        result.expiredCheckouts++;
      }
      continue;
    }
    const payment = order.payments.find((p) => p.stripeCheckoutSessionId === sessionId);
    if (!payment) continue;
    const intentId = payment.stripePaymentIntentId ?? (await fetchCheckoutState(sessionId)).paymentIntentId;
    if (!intentId) continue;

    const pi: Intent = await stripe().paymentIntents.retrieve(intentId);
    if (pi.status === 'requires_capture') {
      if (campaign.status === 'SUCCEEDED') {
        await stripe().paymentIntents.capture(intentId, {}, { idempotencyKey: `campaign-capture-${payment.id}` });
        result.captured++;
        await opts.afterStripeCall?.(order.id, 'capture');
      } else {
        await stripe().paymentIntents.cancel(intentId, { cancellation_reason: 'abandoned' }, { idempotencyKey: `campaign-cancel-${payment.id}` });
        result.cancelled++;
        await opts.afterStripeCall?.(order.id, 'cancel');
      }
    } else if (pi.status === 'canceled' && campaign.status === 'SUCCEEDED') {
      result.lapsed++; // the authorisation lapsed before we could capture it
    }
    await syncOrderWithCheckout(sessionId, 'campaign');
  }

  // Buyers whose authorisation was released are told once (also after a crash mid-way, or with
  // two settle jobs at once: this pass looks at every released order, and sendEmailOnce stores
  // each notice only once).
  for (const order of await releasedCampaignOrders(campaignId)) {
    if (campaign.status === 'FAILED') await tellBuyerNotCharged(order, info?.listing.title ?? 'your pre-order', campaign.minOrders);
    else await tellBuyerLapsed(order, info?.listing.title ?? 'your pre-order');
  }
  return result;
}

type OrderForMail = { id: string; number: string; email: string; totalMinor: number; currency: string };

async function tellBuyerNotCharged(order: OrderForMail, title: string, minOrders: number) {
  const kind = 'campaign.failed';
  const subject = `Your pre-order ${order.number} was not charged`;
  const lines = [
    `The campaign for “${title}” ended without reaching its minimum of ${minOrders} orders, so it will not be made.`,
    `We cancelled the authorisation on your card: you have not been charged ${formatMoney(order.totalMinor, order.currency)}. Depending on your bank the hold disappears within a few days.`,
  ];
  await sendEmailOnce({
    to: order.email,
    subject,
    kind,
    text: [...lines, '', `Order: ${orderUrl(order.id)}`].join('\n'),
    html: renderEmailLayout({ title: subject, bodyHtml: lines.map(emailParagraph).join('') + emailSmallPrint(`Order ${order.number}`) }),
  });
}

async function tellBuyerLapsed(order: OrderForMail, title: string) {
  const kind = 'campaign.authorization-lapsed';
  const subject = `Your pre-order ${order.number} could not be charged`;
  const lines = [
    `The campaign for “${title}” reached its minimum, but the authorisation on your card had expired before we could charge it.`,
    'You have not been charged. You are welcome to order again from the listing page.',
  ];
  await sendEmailOnce({
    to: order.email,
    subject,
    kind,
    text: lines.join('\n'),
    html: renderEmailLayout({ title: subject, bodyHtml: lines.map(emailParagraph).join('') + emailSmallPrint(`Order ${order.number}`) }),
  });
}

/** The sweep: queues a settle job for every campaign that is due (deadline or minimum reached). */
export async function sweepCampaigns(now = new Date()): Promise<string[]> {
  const due = await findDue(now);
  for (const id of due) await enqueueSettle(id);
  return due;
}

/** Campaigns the sweep must (re)settle: active ones that are due, settled ones with loose ends. */
async function findDue(now: Date): Promise<string[]> {
  const active = await findCampaignsByStatus(['ACTIVE']);
  const sold = await countCampaignOrders(active.map((c) => c.id));
  const due = active.filter((c) => c.deadline <= now || (sold.get(c.id) ?? 0) >= c.minOrders).map((c) => c.id);
  const loose = await findCampaignsByStatus(['SUCCEEDED', 'FAILED'], await campaignsWithAuthorizedOrders());
  return [...new Set([...due, ...loose.map((c) => c.id)])];
}

export function enqueueSettle(campaignId: string) {
  return enqueue(QUEUES.campaignSettle, { campaignId }, { singletonKey: `campaign-settle-${campaignId}` });
}

/**
 * Call when an order becomes AUTHORIZED (lib/orders payment-sync): settles its campaign at once
 * if this order reached the minimum or came in after the deadline.
 */
export async function checkCampaignForOrder(orderId: string): Promise<void> {
  const campaignId = await campaignOfOrder(orderId);
  if (campaignId) await enqueueSettle(campaignId);
}

export async function handleSettleJob({ campaignId }: { campaignId: string }): Promise<void> {
  const r = await settleCampaign(campaignId);
  if (r.status !== 'ACTIVE') console.log(`[campaigns] ${campaignId} ${r.status}: captured ${r.captured}, cancelled ${r.cancelled}, lapsed ${r.lapsed}, closed ${r.expiredCheckouts} checkouts`);
}
