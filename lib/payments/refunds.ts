// Refunds through the Stripe API. Callers pass an idempotency key derived from what they are
// refunding, so a retried request (lost response, worker restart) never refunds twice.
import { stripe } from './stripe-client';

export async function refundPayment(o: { paymentIntentId: string; amountMinor: number; idempotencyKey: string; metadata?: Record<string, string> }): Promise<{ id: string; amountMinor: number }> {
  const re = await stripe().refunds.create(
    { payment_intent: o.paymentIntentId, amount: o.amountMinor, ...(o.metadata ? { metadata: o.metadata } : {}) },
    { idempotencyKey: o.idempotencyKey },
  );
  return { id: re.id, amountMinor: re.amount };
}
