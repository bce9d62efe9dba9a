// Orders the store cannot fulfil are refunded on its own initiative: a print job that failed
// for good (no valid design, the artwork cannot be reproduced) means that line will never be
// printed, so the shopper gets that money back without having to ask.
//
// The policy: each order item whose print job FAILED is refunded at its line price; once every
// item of the order has failed, the shipping is refunded too, so the whole order is (and the
// order moves to REFUNDED through the usual sync with Stripe). Items that print are fulfilled.
import { enqueue, QUEUES } from '../queue';
import { fetchCheckoutState, refundPayment } from '../payments';
import * as repo from './order-repository';
import { syncOrderWithCheckout } from './payment-sync';

/**
 * Asks for the refund of what cannot be fulfilled in `orderId` (queued: retried until Stripe
 * answers, safe to call any number of times). Called when a print job fails for good.
 */
export async function refundUnfulfillableOrder(orderId: string, reason: string): Promise<void> {
  console.warn(`[orders] order ${orderId} cannot be fulfilled (${reason}): refund queued`);
  await enqueue(QUEUES.orderRefund, { orderId, reason }, { singletonKey: `order-refund-${orderId}` });
}

export interface UnfulfillableRefund {
  orderId: string;
  /** Refunded by this run, in minor units (0 when nothing was due). */
  refundedMinor: number;
  refundId: string | null;
  status: string | null;
}

const REFUNDABLE = new Set(['PAID', 'IN_PRODUCTION', 'SHIPPED', 'DELIVERED']);

/**
 * The queue handler: refunds what is owed for the order's failed items minus what Stripe has
 * refunded already. Runs under the order's row lock (two failures of one order never both
 * refund the same money), and the Stripe idempotency key names the exact state it refunds from.
 */
export async function handleOrderRefund({ orderId, reason }: { orderId: string; reason?: string }): Promise<UnfulfillableRefund> {
  const order = await repo.findOrder(orderId);
  const sessionId = order?.stripeCheckoutSessionId;
  if (!order || !sessionId) return { orderId, refundedMinor: 0, refundId: null, status: order?.status ?? null };
  const done = await repo.runInTransaction(async (tx) => {
    const locked = await repo.lockOrder(tx, orderId);
    if (!REFUNDABLE.has(locked.status)) return null;
    const failed = await repo.unfulfillableItemsInTx(tx, orderId);
    if (failed.length === 0) return null;
    const state = await fetchCheckoutState(sessionId);
    if (state.paymentIntentStatus !== 'succeeded' || !state.paymentIntentId) return null; // nothing captured to refund
    const itemCount = await repo.countOrderItemsInTx(tx, orderId);
    const owed = Math.min(state.amountTotalMinor, failed.length === itemCount ? locked.totalMinor : failed.reduce((s, i) => s + i.unitPriceMinor * i.quantity, 0));
    const due = owed - state.amountRefundedMinor;
    if (due <= 0) return null;
    const re = await refundPayment({
      paymentIntentId: state.paymentIntentId,
      amountMinor: due,
      idempotencyKey: `unfulfillable-${orderId}-${owed}-${state.amountRefundedMinor}`,
      metadata: { order_id: orderId, refund_reason: 'unfulfillable', items: failed.map((i) => i.id).join(',').slice(0, 450) },
    });
    console.warn(`[orders] refunded ${due} (${state.currency}) of order ${orderId} that cannot be fulfilled${reason ? `: ${reason}` : ''} (${re.id})`);
    return re;
  });
  // Record it now rather than wait for the webhook (REFUNDED once everything is refunded).
  await syncOrderWithCheckout(sessionId, 'system:unfulfillable');
  return { orderId, refundedMinor: done?.amountMinor ?? 0, refundId: done?.id ?? null, status: (await repo.findOrder(orderId))?.status ?? null };
}
