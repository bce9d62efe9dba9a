// The local server refuses what Stripe refuses, in Stripe's error shape, and sends the current
// API shape (issue 23): currencies, minimum amounts, expires_at bounds, created filters on
// events, expand depth, and the fields of the pinned SDK's types.
import fs from 'node:fs';
import path from 'node:path';
import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionParams, startHarness, testHelper, type Harness } from './helpers';
import { FIXTURES_FILE, shapeChecker } from './stripe-shapes';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close(); // also checks every body sent here against Stripe's shapes
});

const now = () => Math.floor(Date.now() / 1000);
const oneItem = (currency: string, unit_amount: number): Partial<Stripe.Checkout.SessionCreateParams> => ({
  line_items: [{ quantity: 1, price_data: { currency, unit_amount, product_data: { name: 'Tee' } } }],
  shipping_options: undefined,
});

/** The raw error body of a request the SDK sends, to check the wire shape itself. */
async function rawError(p: Promise<unknown>) {
  const err = (await p.then(
    () => {
      throw new Error('expected the request to fail');
    },
    (e: unknown) => e,
  )) as Stripe.errors.StripeError;
  expect(err).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
  return { status: err.statusCode, ...(err.raw as Record<string, unknown>) } as { status?: number; message: string; request_log_url: unknown; [k: string]: unknown };
}

describe('refuses what Stripe refuses', () => {
  it('a currency outside Stripe’s list', async () => {
    const e = await rawError(h.stripe.checkout.sessions.create(sessionParams(oneItem('zzz', 2500))));
    expect(e).toMatchObject({ status: 400, type: 'invalid_request_error', code: 'parameter_invalid', param: 'line_items[0][price_data][currency]' });
    expect(e.message).toMatch(/^Invalid currency: zzz\. Stripe currently supports these currencies: usd, /);
    expect(e.request_log_url).toMatch(/^https:\/\/dashboard\.stripe\.com\/test\/logs\/req_/);
    const ship = await rawError(
      h.stripe.checkout.sessions.create(
        sessionParams({ shipping_options: [{ shipping_rate_data: { display_name: 'x', type: 'fixed_amount', fixed_amount: { amount: 100, currency: 'zzz' } } }] }),
      ),
    );
    expect(ship).toMatchObject({ code: 'parameter_invalid', param: 'shipping_options[0][shipping_rate_data][fixed_amount][currency]' });
  });

  it('totals under the currency’s minimum charge (0¢, 1¢ and 49¢ usd, ¥10 jpy); the minimum itself is fine', async () => {
    for (const [currency, amount, shown] of [
      ['usd', 0, '0.50 usd'],
      ['usd', 1, '0.50 usd'],
      ['usd', 49, '0.50 usd'],
      ['jpy', 10, '50 jpy'],
      ['gbp', 29, '0.30 gbp'],
    ] as const) {
      const e = await rawError(h.stripe.checkout.sessions.create(sessionParams(oneItem(currency, amount))));
      expect(e, `${amount} ${currency}`).toMatchObject({ status: 400, type: 'invalid_request_error', code: 'amount_too_small', param: 'line_items' });
      expect(e.message).toBe(`The Checkout Session's total amount due must add up to at least ${shown}`);
      expect(typeof e.request_log_url).toBe('string');
    }
    expect((await h.stripe.checkout.sessions.create(sessionParams(oneItem('usd', 50)))).amount_total).toBe(50);
    expect((await h.stripe.checkout.sessions.create(sessionParams(oneItem('jpy', 50)))).amount_total).toBe(50);
    // A free line item is fine when the total (here with shipping) reaches the minimum.
    const withShipping = await h.stripe.checkout.sessions.create(
      sessionParams({
        line_items: [{ quantity: 1, price_data: { currency: 'usd', unit_amount: 0, product_data: { name: 'Sticker' } } }],
        shipping_options: [{ shipping_rate_data: { display_name: 'Post', type: 'fixed_amount', fixed_amount: { amount: 499, currency: 'usd' } } }],
      }),
    );
    expect(withShipping.amount_total).toBe(499);
  });

  it('expires_at outside 30 minutes to 24 hours from now', async () => {
    for (const at of [now() - 10, now() + 60, now() + 29 * 60, now() + 24 * 3600 + 60, now() + 7 * 86_400]) {
      const e = await rawError(h.stripe.checkout.sessions.create(sessionParams({ expires_at: at })));
      expect(e, `expires_at = now + ${at - now()} s`).toMatchObject({ status: 400, type: 'invalid_request_error', code: 'parameter_invalid', param: 'expires_at' });
      expect(typeof e.request_log_url).toBe('string');
    }
    for (const at of [now() + 31 * 60, now() + 23 * 3600]) expect((await h.stripe.checkout.sessions.create(sessionParams({ expires_at: at }))).expires_at).toBe(at);
  });

  it('expand deeper than 4 levels', async () => {
    const s = await h.stripe.checkout.sessions.create(sessionParams());
    await testHelper(h.local, `/_test/checkout/sessions/${s.id}/pay`, { card: '4242424242424242' });
    const four = await h.stripe.checkout.sessions.retrieve(s.id, { expand: ['line_items.data.price.product'] });
    expect(((four.line_items!.data[0].price!.product as Stripe.Product).object)).toBe('product');
    const e = await rawError(h.stripe.checkout.sessions.retrieve(s.id, { expand: ['payment_intent.latest_charge.payment_intent.latest_charge.balance_transaction'] }));
    expect(e).toMatchObject({ status: 400, type: 'invalid_request_error', code: 'parameter_invalid', param: 'expand[0]' });
    expect(e.message).toMatch(/cannot expand more than 4 levels/);
  });
});

describe('GET /v1/events applies created filters', () => {
  it('created[gte|gt|lt|lte] and created=', async () => {
    const before = now() - 5;
    const s = await h.stripe.checkout.sessions.create(sessionParams());
    await h.stripe.checkout.sessions.expire(s.id);
    const all = (await h.stripe.events.list({ limit: 100 })).data;
    expect(all.length).toBeGreaterThan(0);
    const newest = all[0].created;
    // Events from a minute in the future: none (ignored before: every event came back).
    expect((await h.stripe.events.list({ created: { gte: newest + 60 } })).data).toEqual([]);
    expect((await h.stripe.events.list({ created: { gt: newest } })).data).toEqual([]);
    expect((await h.stripe.events.list({ created: { lt: before - 3600 } })).data).toEqual([]);
    expect((await h.stripe.events.list({ created: { lte: newest, gte: before }, limit: 100 })).data.map((e) => e.id)).toEqual(all.filter((e) => e.created >= before).map((e) => e.id));
    expect((await h.stripe.events.list({ created: newest, limit: 100 })).data.every((e) => e.created === newest)).toBe(true);
    expect((await h.stripe.checkout.sessions.list({ created: { gte: newest + 60 } })).data).toEqual([]);
    const e = await rawError(h.stripe.events.list({ created: { gte: 'soon' as unknown as number } }));
    expect(e).toMatchObject({ status: 400, type: 'invalid_request_error', param: 'created[gte]' });
  });
});

describe('the current API shape (pinned SDK types)', () => {
  it('sessions, payment intents and charges carry the newer fields and not the removed ones', async () => {
    const s = await h.stripe.checkout.sessions.create(sessionParams({ payment_intent_data: { capture_method: 'manual' } }));
    await testHelper(h.local, `/_test/checkout/sessions/${s.id}/pay`, { card: '4242424242424242' });
    const done = (await h.stripe.checkout.sessions.retrieve(s.id)) as unknown as Record<string, unknown>;
    expect(done).not.toHaveProperty('shipping_details');
    expect(done.allowed_payment_method_types).toBeNull();
    expect((done.collected_information as Stripe.Checkout.Session.CollectedInformation).shipping_details?.address.line1).toBe('1 Test Street');
    const pi = (await h.stripe.paymentIntents.retrieve(done.payment_intent as string)) as unknown as Record<string, unknown>;
    expect(pi).toHaveProperty('allowed_payment_method_types', null);
    expect(pi).toHaveProperty('payment_record', null);
    const authorized = await h.stripe.charges.retrieve(pi.latest_charge as string);
    expect(authorized.payment_method_details!.card!.capture_before).toBeGreaterThan(now());
    expect(authorized.payment_method_details!.card).toHaveProperty('electronic_commerce_indicator', null);

    const paid = await h.stripe.checkout.sessions.create(sessionParams());
    await testHelper(h.local, `/_test/checkout/sessions/${paid.id}/pay`, { card: '4242424242424242' });
    const pi2 = await h.stripe.paymentIntents.retrieve((await h.stripe.checkout.sessions.retrieve(paid.id)).payment_intent as string);
    const captured = await h.stripe.charges.retrieve(pi2.latest_charge as string);
    expect(captured.payment_method_details!.card).not.toHaveProperty('capture_before'); // no `capture_before: null`
  });

  it('every body sent so far matches Stripe’s fixtures and the SDK types', () => {
    expect(h.bodies.length).toBeGreaterThan(20);
    expect(h.bodies.filter((b) => b.status >= 400).length).toBeGreaterThan(5);
    expect(shapeChecker().check(h.bodies.map((b) => b.body))).toEqual([]);
  });

  it('the check itself fails on what Stripe does not send', async () => {
    const s = await h.stripe.checkout.sessions.create(sessionParams());
    await testHelper(h.local, `/_test/checkout/sessions/${s.id}/pay`, { card: '4242424242424242' });
    const session = structuredClone(await h.stripe.checkout.sessions.retrieve(s.id)) as unknown as Record<string, unknown>;
    const charge = structuredClone(await h.stripe.charges.retrieve((await h.stripe.paymentIntents.retrieve(session.payment_intent as string)).latest_charge as string)) as unknown as {
      payment_method_details: { card: Record<string, unknown> };
    };
    const check = shapeChecker().check;
    expect(check(session)).toEqual([]);
    expect(check(charge)).toEqual([]);
    expect(check({ ...session, shipping_details: null })).toEqual(['$.shipping_details: not a field of the SDK type (Stripe does not send it)']);
    const { allowed_payment_method_types: _, ...older } = session;
    expect(check(older)).toEqual(['$.allowed_payment_method_types: missing (the SDK type requires it, null if unknown)']);
    expect(check({ ...session, amount_subtotal: '12' })).toEqual([expect.stringMatching(/^\$\.amount_subtotal: a string, but the SDK type is number/)]);
    expect(check({ ...session, customer_details: { ...(session.customer_details as object), email: 7 } })).toEqual([
      "$.customer_details.email: number, Stripe's fixture has string",
      '$.customer_details.email: a number, but the SDK type is string | null',
    ]);
    expect(check({ ...session, livemode: null })).toEqual([expect.stringMatching(/^\$\.livemode: null, but the SDK type .* is not nullable$/)]);
    charge.payment_method_details.card.capture_before = null;
    expect(check(charge)).toEqual([expect.stringMatching(/payment_method_details\.card\.capture_before: null, but the SDK type/)]);
    expect(check({ error: { type: 'invalid_request_error', message: 'x', request_log_url: null } })).toEqual(['$.error.request_log_url: must be a string', expect.stringMatching(/request_log_url: null/)]);
  });

  it('uses Stripe’s published fixtures (a copy of shared/stripe/fixtures3.json)', () => {
    const shared = path.resolve(import.meta.dirname, '../../../shared/stripe/fixtures3.json');
    if (fs.existsSync(shared)) expect(fs.readFileSync(FIXTURES_FILE, 'utf8')).toBe(fs.readFileSync(shared, 'utf8'));
  });
});
