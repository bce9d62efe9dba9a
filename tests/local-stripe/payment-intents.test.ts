// Manual capture, capture, cancel, authorization expiry and refunds.
import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { received, SECRET, sessionParams, startHarness, submitHostedForm, testHelper, TOTAL, waitFor, type Harness } from './helpers';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

async function paidSession(capture: 'automatic' | 'manual') {
  const s = await h.stripe.checkout.sessions.create(sessionParams({ payment_intent_data: { capture_method: capture, metadata: { order_id: 'order_1' } } }));
  expect((await submitHostedForm(s.url!, { card: '4242424242424242' })).status).toBe(303);
  const done = await h.stripe.checkout.sessions.retrieve(s.id);
  return { session: done, piId: done.payment_intent as string };
}

const stateError = { type: 'StripeInvalidRequestError', statusCode: 400, code: 'payment_intent_unexpected_state' };

describe('manual capture', () => {
  it('authorizes, then captures once; a second capture is refused', async () => {
    const { session, piId } = await paidSession('manual');
    // Like Stripe: the session is complete and reports 'paid' although nothing is captured yet.
    expect(session.status).toBe('complete');
    expect(session.payment_status).toBe('paid');
    const authorized = await h.stripe.paymentIntents.retrieve(piId, { expand: ['latest_charge'] });
    expect(authorized.status).toBe('requires_capture');
    expect(authorized.capture_method).toBe('manual');
    expect(authorized.amount_capturable).toBe(TOTAL);
    expect(authorized.amount_received).toBe(0);
    expect((authorized.latest_charge as Stripe.Charge).captured).toBe(false);
    await waitFor(() => received(h.hook, 'payment_intent.amount_capturable_updated', piId), 'amount_capturable_updated webhook');
    expect(received(h.hook, 'payment_intent.succeeded', piId)).toBeUndefined();

    const captured = await h.stripe.paymentIntents.capture(piId);
    expect(captured.status).toBe('succeeded');
    expect(captured.amount_received).toBe(TOTAL);
    expect(captured.amount_capturable).toBe(0);
    const charge = await h.stripe.charges.retrieve(captured.latest_charge as string);
    expect(charge.captured).toBe(true);
    expect(charge.amount_captured).toBe(TOTAL);
    const hook = await waitFor(() => received(h.hook, 'payment_intent.succeeded', piId), 'payment_intent.succeeded webhook');
    expect(h.stripe.webhooks.constructEvent(hook.raw, hook.signature, SECRET).type).toBe('payment_intent.succeeded');
    await waitFor(() => received(h.hook, 'charge.captured'), 'charge.captured webhook');

    await expect(h.stripe.paymentIntents.capture(piId)).rejects.toMatchObject(stateError);
  });

  it('captures part of an authorization', async () => {
    const { piId } = await paidSession('manual');
    await expect(h.stripe.paymentIntents.capture(piId, { amount_to_capture: TOTAL + 1 })).rejects.toMatchObject({ statusCode: 400, code: 'amount_too_large' });
    const pi = await h.stripe.paymentIntents.capture(piId, { amount_to_capture: 1000 });
    expect(pi.amount_received).toBe(1000);
    expect((await h.stripe.charges.retrieve(pi.latest_charge as string)).amount_captured).toBe(1000);
  });

  it('cancels an authorization; capturing or cancelling it again is refused', async () => {
    const { piId } = await paidSession('manual');
    const canceled = await h.stripe.paymentIntents.cancel(piId, { cancellation_reason: 'requested_by_customer' });
    expect(canceled.status).toBe('canceled');
    expect(canceled.cancellation_reason).toBe('requested_by_customer');
    expect(canceled.canceled_at).toBeGreaterThan(0);
    const hook = await waitFor(() => received(h.hook, 'payment_intent.canceled', piId), 'canceled webhook');
    expect((h.stripe.webhooks.constructEvent(hook.raw, hook.signature, SECRET).data.object as Stripe.PaymentIntent).status).toBe('canceled');
    await expect(h.stripe.paymentIntents.capture(piId)).rejects.toMatchObject(stateError);
    await expect(h.stripe.paymentIntents.cancel(piId)).rejects.toMatchObject(stateError);
  });

  it('refuses to cancel a captured payment, or an intent still owned by an open session', async () => {
    const { piId } = await paidSession('automatic');
    await expect(h.stripe.paymentIntents.cancel(piId)).rejects.toMatchObject(stateError);

    const s = await h.stripe.checkout.sessions.create(sessionParams());
    await submitHostedForm(s.url!, { card: '4000000000000002' });
    const pending = (await h.stripe.checkout.sessions.retrieve(s.id)).payment_intent as string;
    await expect(h.stripe.paymentIntents.cancel(pending)).rejects.toMatchObject({ statusCode: 400, message: expect.stringMatching(/Expire the Checkout Session/) });
    // Expiring the session cancels the abandoned intent.
    await h.stripe.checkout.sessions.expire(s.id);
    expect((await h.stripe.paymentIntents.retrieve(pending)).status).toBe('canceled');
  });

  it('lets an authorization expire through the test helper', async () => {
    const { piId } = await paidSession('manual');
    const res = await testHelper(h.local, `/_test/payment_intents/${piId}/expire_authorization`);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { status: string }).status).toBe('canceled');
    const pi = await h.stripe.paymentIntents.retrieve(piId);
    expect(pi.status).toBe('canceled');
    expect(pi.cancellation_reason).toBe('automatic');
    await waitFor(() => received(h.hook, 'payment_intent.canceled', piId), 'canceled webhook');
    expect((await testHelper(h.local, `/_test/payment_intents/${piId}/expire_authorization`)).status).toBe(400);
  });
});

describe('refunds', () => {
  it('refunds part, then the rest; charge.refunded and refund.created are sent; over-refunds are refused', async () => {
    const { piId } = await paidSession('automatic');
    const part = await h.stripe.refunds.create({ payment_intent: piId, amount: 1000, reason: 'requested_by_customer' });
    expect(part.id).toMatch(/^re_[A-Za-z0-9]{24}$/);
    expect(part.object).toBe('refund');
    expect(part.status).toBe('succeeded');
    expect(part.amount).toBe(1000);
    expect(part.payment_intent).toBe(piId);
    let charge = await h.stripe.charges.retrieve(part.charge as string);
    expect(charge.amount_refunded).toBe(1000);
    expect(charge.refunded).toBe(false);

    const hook = await waitFor(() => received(h.hook, 'charge.refunded', charge.id), 'charge.refunded webhook');
    const event = h.stripe.webhooks.constructEvent(hook.raw, hook.signature, SECRET);
    expect((event.data.object as Stripe.Charge).amount_refunded).toBe(1000);
    await waitFor(() => received(h.hook, 'refund.created', part.id), 'refund.created webhook');

    await expect(h.stripe.refunds.create({ payment_intent: piId, amount: TOTAL })).rejects.toMatchObject({ statusCode: 400, code: 'amount_too_large' });
    const rest = await h.stripe.refunds.create({ charge: charge.id });
    expect(rest.amount).toBe(TOTAL - 1000);
    charge = await h.stripe.charges.retrieve(charge.id);
    expect(charge.amount_refunded).toBe(TOTAL);
    expect(charge.refunded).toBe(true);
    await expect(h.stripe.refunds.create({ payment_intent: piId })).rejects.toMatchObject({ statusCode: 400, code: 'charge_already_refunded' });
    expect((await h.stripe.refunds.retrieve(rest.id)).amount).toBe(TOTAL - 1000);
  });

  it('refuses to refund an uncaptured authorization or an unknown intent', async () => {
    const { piId } = await paidSession('manual');
    await expect(h.stripe.refunds.create({ payment_intent: piId })).rejects.toMatchObject({ statusCode: 400, code: 'charge_not_captured' });
    await expect(h.stripe.refunds.create({ payment_intent: 'pi_doesnotexist' })).rejects.toMatchObject({ statusCode: 404, code: 'resource_missing' });
    await expect(h.stripe.refunds.create({})).rejects.toMatchObject({ statusCode: 400, code: 'parameter_missing' });
  });
});
