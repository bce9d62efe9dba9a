// Our objects have Stripe's fields: every top-level key of Stripe's own example object
// (fixtures3.json from stripe/openapi) is present with the same JSON type, or null.
import fs from 'node:fs';
import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionParams, startHarness, testHelper, type Harness } from './helpers';

// Stripe's example objects from stripe/openapi (MIT, see fixtures/STRIPE-OPENAPI-LICENSE).
const FIXTURES = new URL('./fixtures/stripe-fixtures3.json', import.meta.url).pathname;
const fixtures = JSON.parse(fs.readFileSync(FIXTURES, 'utf8')).resources as Record<string, Record<string, unknown>>;

const jsonType = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);

/** Keys of the fixture that are missing from ours, or present with another JSON type. */
export function shapeMismatches(ours: Record<string, unknown>, fixture: Record<string, unknown>): string[] {
  const out: string[] = [];
  for (const [key, expected] of Object.entries(fixture)) {
    if (!(key in ours)) out.push(`${key}: missing`);
    else if (ours[key] !== null && expected !== null && jsonType(ours[key]) !== jsonType(expected)) out.push(`${key}: ${jsonType(ours[key])}, Stripe has ${jsonType(expected)}`);
  }
  return out;
}

let h: Harness;
const objects: Record<string, Record<string, unknown>> = {};

beforeAll(async () => {
  h = await startHarness();
  const s = await h.stripe.checkout.sessions.create(sessionParams());
  objects['checkout.session (open)'] = s as unknown as Record<string, unknown>;
  await testHelper(h.local, `/_test/checkout/sessions/${s.id}/pay`, { card: '4242424242424242' });
  const done = await h.stripe.checkout.sessions.retrieve(s.id);
  objects['checkout.session'] = done as unknown as Record<string, unknown>;
  const pi = await h.stripe.paymentIntents.retrieve(done.payment_intent as string);
  objects.payment_intent = pi as unknown as Record<string, unknown>;
  objects.charge = (await h.stripe.charges.retrieve(pi.latest_charge as string)) as unknown as Record<string, unknown>;
  objects.refund = (await h.stripe.refunds.create({ payment_intent: pi.id, amount: 100 })) as unknown as Record<string, unknown>;
  objects.event = (await h.stripe.events.list({ limit: 1 })).data[0] as unknown as Record<string, unknown>;
  objects.item = (await h.stripe.checkout.sessions.listLineItems(s.id)).data[0] as unknown as Record<string, unknown>;
});
afterAll(async () => {
  await h?.close();
});

describe('object shapes match Stripe’s fixtures', () => {
  it('has the fixtures file', () => {
    expect(Object.keys(fixtures)).toEqual(expect.arrayContaining(['checkout.session', 'payment_intent', 'charge', 'refund', 'event', 'item']));
  });

  it('detects a missing key and a wrong type (the check itself can fail)', () => {
    expect(shapeMismatches({ a: 1 }, { a: 'x', b: null })).toEqual(['a: number, Stripe has string', 'b: missing']);
    expect(shapeMismatches({ a: null, b: [] }, { a: 'x', b: [1] })).toEqual([]);
  });

  for (const [name, fixture] of [
    ['checkout.session (open)', 'checkout.session'],
    ['checkout.session', 'checkout.session'],
    ['payment_intent', 'payment_intent'],
    ['charge', 'charge'],
    ['refund', 'refund'],
    ['event', 'event'],
    ['item', 'item'],
  ] as const) {
    it(name, () => {
      const ours = objects[name];
      expect(ours.object).toBe(fixtures[fixture].object);
      expect(shapeMismatches(ours, fixtures[fixture])).toEqual([]);
    });
  }

  it('ids look like Stripe’s', () => {
    expect(objects['checkout.session'].id).toMatch(/^cs_test_[A-Za-z0-9]{24}$/);
    expect(objects.payment_intent.id).toMatch(/^pi_[A-Za-z0-9]{24}$/);
    expect(objects.charge.id).toMatch(/^ch_[A-Za-z0-9]{24}$/);
    expect(objects.refund.id).toMatch(/^re_[A-Za-z0-9]{24}$/);
    expect(objects.event.id).toMatch(/^evt_[A-Za-z0-9]{24}$/);
    expect(objects.payment_intent.client_secret).toMatch(new RegExp(`^${objects.payment_intent.id}_secret_`));
  });

  it('nested objects the store reads have Stripe’s shape too', () => {
    const session = objects['checkout.session'] as unknown as Stripe.Checkout.Session;
    const fx = fixtures['checkout.session'] as Record<string, Record<string, unknown>>;
    expect(shapeMismatches(session.customer_details as unknown as Record<string, unknown>, fx.customer_details)).toEqual([]);
    expect(shapeMismatches(session.collected_information as unknown as Record<string, unknown>, fx.collected_information)).toEqual([]);
    expect(shapeMismatches(session.total_details as unknown as Record<string, unknown>, fx.total_details)).toEqual([]);
    const charge = objects.charge as Record<string, Record<string, unknown>>;
    const cfx = fixtures.charge as Record<string, Record<string, Record<string, unknown>>>;
    expect(shapeMismatches(charge.payment_method_details.card as Record<string, unknown>, cfx.payment_method_details.card)).toEqual([]);
    expect(shapeMismatches(charge.refunds, cfx.refunds)).toEqual([]);
    expect(shapeMismatches(charge.billing_details, cfx.billing_details)).toEqual([]);
  });
});
