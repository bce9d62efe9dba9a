// Signed webhooks the store cannot map to one of its orders, and signatures outside the time
// window: real route handler, real SDK signatures, the local Stripe-compatible server behind it.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { startStripeHarness, type StripeHarness } from '../setup/stripe-harness';
import { resetDatabase } from '../setup/db';

const SECRET = 'whsec_test_webhook_edges';
process.env.STRIPE_SECRET_KEY = 'sk_test_local';
process.env.STRIPE_WEBHOOK_SECRET = SECRET;
process.env.PUBLIC_URL = 'http://localhost:3999';

let harness: StripeHarness;
beforeAll(async () => {
  harness = await startStripeHarness(SECRET);
});
afterAll(async () => {
  await harness?.close();
});
beforeEach(async () => {
  await resetDatabase();
});

const lib = async () => ({
  route: await import('../../app/api/webhooks/stripe/route'),
  stripe: (await import('../../lib/payments')).stripe,
  db: (await import('../../lib/db/client')).db,
});

let n = 0;
function event(type: string, object: Record<string, unknown>) {
  return JSON.stringify({ id: `evt_edge_${Date.now()}_${++n}`, object: 'event', api_version: '2025-01-01', created: Math.floor(Date.now() / 1000), livemode: false, pending_webhooks: 1, request: { id: null, idempotency_key: null }, type, data: { object } });
}

async function deliver(body: string, timestamp = Math.floor(Date.now() / 1000), secret = SECRET) {
  const { route, stripe } = await lib();
  const signature = stripe().webhooks.generateTestHeaderString({ payload: body, secret, timestamp });
  const res = await route.POST(new Request('http://test/api/webhooks/stripe', { method: 'POST', body, headers: { 'stripe-signature': signature, 'content-type': 'application/json' } }), undefined as never);
  return { status: res.status, body: await res.json() };
}

describe('webhooks about objects this store does not know', () => {
  it('acknowledges (200) and logs a signed event for an unknown checkout session or payment intent', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const cases = [
        event('checkout.session.completed', { id: 'cs_test_not_ours', object: 'checkout.session', payment_intent: 'pi_not_ours', metadata: {} }),
        event('checkout.session.expired', { id: 'cs_test_not_ours_2', object: 'checkout.session', payment_intent: null, metadata: {} }),
        event('payment_intent.succeeded', { id: 'pi_not_ours', object: 'payment_intent', metadata: {} }),
        event('payment_intent.payment_failed', { id: 'pi_not_ours_2', object: 'payment_intent', metadata: { order_id: 'ord_gone' } }),
        event('charge.refunded', { id: 'ch_not_ours', object: 'charge', payment_intent: 'pi_not_ours_3', metadata: {} }),
      ];
      for (const body of cases) {
        const first = await deliver(body);
        expect(first, body).toEqual({ status: 200, body: { received: true, status: 'ignored' } });
        // Stripe's retry of the same event is a duplicate, still 200.
        expect((await deliver(body)).status).toBe(200);
      }
      expect(warn.mock.calls.flat().join('\n')).toMatch(/cs_test_not_ours/);
      expect(error).not.toHaveBeenCalled();
      const { db } = await lib();
      expect(await db.webhookEvent.count({ where: { processedAt: null } })).toBe(0);
      expect(await db.order.count()).toBe(0);
    } finally {
      warn.mockRestore();
      error.mockRestore();
    }
  });
});

describe('webhook signature time window', () => {
  const body = () => event('checkout.session.completed', { id: 'cs_test_window', object: 'checkout.session', metadata: {} });
  const now = () => Math.floor(Date.now() / 1000);

  it('refuses timestamps more than 300 s in the future or in the past with 400', async () => {
    for (const offset of [600, 301 + 5, -600, -306]) {
      const res = await deliver(body(), now() + offset);
      expect(res.status, `offset ${offset}`).toBe(400);
      expect(res.body.error.code).toBe('invalid_signature');
    }
    const { db } = await lib();
    expect(await db.webhookEvent.count()).toBe(0);
  });

  it('accepts timestamps within 300 s either way', async () => {
    for (const offset of [0, 120, -120]) expect((await deliver(body(), now() + offset)).status, `offset ${offset}`).toBe(200);
  });
});
