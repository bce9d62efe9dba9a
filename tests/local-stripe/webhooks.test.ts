// Webhook delivery: signatures, retries with backoff, resending, and the event envelope.
import { createHmac } from 'node:crypto';
import Stripe from 'stripe';
import { afterEach, describe, expect, it } from 'vitest';
import { signPayload } from '../../tools/local-stripe';
import { received, SECRET, sessionParams, startHarness, testHelper, waitFor, type Harness } from './helpers';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('webhook signatures', () => {
  it('signs exactly what stripe.webhooks.constructEvent verifies', () => {
    const payload = JSON.stringify({ id: 'evt_1', object: 'event' });
    const header = signPayload(payload, SECRET, 1_700_000_000);
    const expected = createHmac('sha256', SECRET).update(`1700000000.${payload}`).digest('hex');
    expect(header).toBe(`t=1700000000,v1=${expected}`);
    const stripe = new Stripe('sk_test_local');
    expect(stripe.webhooks.constructEvent(payload, signPayload(payload, SECRET), SECRET).id).toBe('evt_1');
    expect(() => stripe.webhooks.constructEvent(payload, signPayload(payload, 'whsec_other'), SECRET)).toThrow(Stripe.errors.StripeSignatureVerificationError);
    // Too old: outside the SDK's 5-minute tolerance.
    expect(() => stripe.webhooks.constructEvent(payload, header, SECRET)).toThrow(Stripe.errors.StripeSignatureVerificationError);
  });
});

describe('webhook delivery', () => {
  it('delivers every event with Stripe’s envelope and clears pending_webhooks', async () => {
    h = await startHarness();
    const s = await h.stripe.checkout.sessions.create(sessionParams(), { idempotencyKey: 'env-1' });
    await h.stripe.checkout.sessions.expire(s.id, {}, { idempotencyKey: 'expire-1' });
    const r = await waitFor(() => received(h!.hook, 'checkout.session.expired', s.id), 'expired webhook');
    expect(r.signature).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    const event = h.stripe.webhooks.constructEvent(r.raw, r.signature, SECRET);
    expect(Object.keys(event).sort()).toEqual(['api_version', 'created', 'data', 'id', 'livemode', 'object', 'pending_webhooks', 'request', 'type']);
    expect(event).toMatchObject({ object: 'event', livemode: false, pending_webhooks: 1, api_version: Stripe.API_VERSION, request: { idempotency_key: 'expire-1' } });
    expect(Math.abs(event.created - Date.now() / 1000)).toBeLessThan(5);
    const stored = await waitFor(() => h!.local.events().find((e) => e.id === event.id && e.pending_webhooks === 0), 'pending_webhooks to clear');
    expect(stored.type).toBe('checkout.session.expired');
    expect(h.local.deliveries().find((d) => d.eventId === event.id)).toMatchObject({ status: 200, attempt: 1, error: null });
  });

  it('retries a failing endpoint with backoff until it answers 2xx', async () => {
    h = await startHarness();
    let failures = 2;
    h.hook.respond = () => (failures-- > 0 ? 500 : 200);
    const s = await h.stripe.checkout.sessions.create(sessionParams());
    const started = Date.now();
    await h.stripe.checkout.sessions.expire(s.id);
    await waitFor(() => h!.hook.received.filter((r) => r.event.type === 'checkout.session.expired').length === 3, 'three attempts', 6_000);
    const elapsed = Date.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(2_400); // 0.5 s + 2 s of backoff
    // The third attempt is logged once its response has been read, just after the hook saw it.
    await waitFor(() => h!.local.deliveries().filter((d) => d.eventType === 'checkout.session.expired').length === 3, 'the third attempt to be logged', 2_000);
    const attempts = h.local.deliveries().filter((d) => d.eventType === 'checkout.session.expired');
    expect(attempts.map((a) => [a.attempt, a.status])).toEqual([
      [1, 500],
      [2, 500],
      [3, 200],
    ]);
    // Every attempt carries the same event id, so the receiver can de-duplicate.
    expect(new Set(h.hook.received.map((r) => r.event.id)).size).toBe(1);
  });

  it('retries when nothing is listening, and delivers to a new URL once it is set', async () => {
    h = await startHarness();
    const good = h.hook.url;
    h.local.setWebhookUrl('http://127.0.0.1:9/'); // discard port: connection refused
    const s = await h.stripe.checkout.sessions.create(sessionParams());
    await h.stripe.checkout.sessions.expire(s.id);
    await waitFor(() => h!.local.deliveries().find((d) => d.status === 0 && d.error), 'a failed attempt');
    h.local.setWebhookUrl(good);
    await waitFor(() => received(h!.hook, 'checkout.session.expired', s.id), 'delivery after the URL changed', 4_000);
  });

  it('resend() re-delivers the identical event (for duplicate-delivery tests)', async () => {
    h = await startHarness();
    const s = await h.stripe.checkout.sessions.create(sessionParams());
    await testHelper(h.local, `/_test/checkout/sessions/${s.id}/pay`, { card: '4242424242424242' });
    const first = await waitFor(() => received(h!.hook, 'checkout.session.completed', s.id), 'completed webhook');
    const event = h.local.events().find((e) => e.type === 'checkout.session.completed')!;
    expect(await h.local.resend(event.id)).toBe(200);
    const copies = h.hook.received.filter((r) => r.event.id === event.id);
    expect(copies).toHaveLength(2);
    expect(JSON.parse(copies[1].raw).data).toEqual(JSON.parse(first.raw).data);
    expect(h.stripe.webhooks.constructEvent(copies[1].raw, copies[1].signature, SECRET).id).toBe(event.id);

    const viaHttp = await testHelper(h.local, `/_test/events/${event.id}/resend`);
    expect(viaHttp.status).toBe(200);
    expect(await viaHttp.json()).toEqual({ event: event.id, status: 200 });
    expect(h.hook.received.filter((r) => r.event.id === event.id)).toHaveLength(3);

    h.hook.respond = () => 503;
    expect(await h.local.resend(event.id)).toBe(503);
    await expect(h.local.resend('evt_unknown')).rejects.toMatchObject({ status: 404 });
  });

  it('sends nothing, and blocks nothing, without a webhook URL', async () => {
    h = await startHarness({ webhookUrl: undefined });
    const s = await h.stripe.checkout.sessions.create(sessionParams());
    await h.stripe.checkout.sessions.expire(s.id);
    expect(h.local.events().at(-1)).toMatchObject({ type: 'checkout.session.expired', pending_webhooks: 0 });
    expect(h.local.deliveries()).toEqual([]);
  });
});
