// The API surface: auth, Stripe-shaped errors, idempotency keys, events, expansion,
// the form-body parser, and state that survives a restart.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalStripe } from '../../tools/local-stripe';
import { parseForm } from '../../tools/local-stripe/form-body';
import { sdk, SECRET, sessionParams, startHarness, submitHostedForm, testHelper, type Harness } from './helpers';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('auth and errors', () => {
  it('requires a Bearer test key, answering 401 in Stripe’s error shape', async () => {
    const none = await fetch(`${h.local.url}/v1/events`);
    expect(none.status).toBe(401);
    const body = (await none.json()) as { error: { type: string; message: string } };
    expect(body.error.type).toBe('invalid_request_error');
    expect(body.error.message).toMatch(/did not provide an API key/);

    await expect(sdk(h.local, 'sk_live_abcdefghijklmnop').events.list()).rejects.toBeInstanceOf(Stripe.errors.StripeAuthenticationError);
    const helper = await fetch(`${h.local.url}/_test/checkout/sessions/cs_test_x/pay`, { method: 'POST' });
    expect(helper.status).toBe(401);
  });

  it('answers unknown ids with 404 resource_missing and unknown routes with 404', async () => {
    await expect(h.stripe.checkout.sessions.retrieve('cs_test_nope')).rejects.toMatchObject({
      type: 'StripeInvalidRequestError',
      statusCode: 404,
      code: 'resource_missing',
      param: 'id',
      message: "No such checkout.session: 'cs_test_nope'",
    });
    await expect(h.stripe.paymentIntents.retrieve('pi_nope')).rejects.toMatchObject({ statusCode: 404, code: 'resource_missing' });
    await expect(h.stripe.events.retrieve('evt_nope')).rejects.toMatchObject({ statusCode: 404, code: 'resource_missing' });
    const res = await fetch(`${h.local.url}/v1/customers`, { headers: { authorization: 'Bearer sk_test_local' } });
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/Unrecognized request URL/);
  });

  it('validates parameters and names the bad one', async () => {
    const bad = (p: Record<string, unknown>) => h.stripe.checkout.sessions.create({ ...sessionParams(), ...p } as Stripe.Checkout.SessionCreateParams);
    await expect(bad({ colour: 'red' })).rejects.toMatchObject({ statusCode: 400, code: 'parameter_unknown', param: 'colour' });
    await expect(bad({ line_items: [{ quantity: 1, price_data: { unit_amount: 5, product_data: { name: 'x' } } }] })).rejects.toMatchObject({
      statusCode: 400,
      code: 'parameter_missing',
      param: 'line_items[0][price_data][currency]',
    });
    await expect(bad({ line_items: [{ quantity: 1, price_data: { currency: 'usd', unit_amount: 'lots', product_data: { name: 'x' } } }] })).rejects.toMatchObject({
      code: 'parameter_invalid_integer',
      param: 'line_items[0][price_data][unit_amount]',
    });
    await expect(bad({ mode: 'subscription' })).rejects.toMatchObject({ statusCode: 400, param: 'mode' });
    await expect(bad({ line_items: [] })).rejects.toMatchObject({ statusCode: 400, param: 'line_items' });
    await expect(
      bad({ shipping_options: [{ shipping_rate_data: { display_name: 'x', type: 'fixed_amount', fixed_amount: { amount: 1, currency: 'eur' } } }] }),
    ).rejects.toMatchObject({ statusCode: 400, param: 'shipping_options[0][shipping_rate_data][fixed_amount][currency]' });
    await expect(bad({ expires_at: Math.floor(Date.now() / 1000) - 10 })).rejects.toMatchObject({ statusCode: 400, param: 'expires_at' });
  });
});

describe('idempotency keys', () => {
  it('replays the same response for the same key and body', async () => {
    const a = await h.stripe.checkout.sessions.create(sessionParams(), { idempotencyKey: 'order-42' });
    const b = await h.stripe.checkout.sessions.create(sessionParams(), { idempotencyKey: 'order-42' });
    expect(b.id).toBe(a.id);
    expect(b.lastResponse.headers['idempotent-replayed']).toBe('true');
    expect(a.lastResponse.headers['idempotent-replayed']).toBeUndefined();
    const c = await h.stripe.checkout.sessions.create(sessionParams(), { idempotencyKey: 'order-43' });
    expect(c.id).not.toBe(a.id);
  });

  it('refuses the same key with a different body (400 idempotency_error)', async () => {
    await h.stripe.checkout.sessions.create(sessionParams(), { idempotencyKey: 'order-44' });
    const err = await h.stripe.checkout.sessions.create(sessionParams({ client_reference_id: 'other' }), { idempotencyKey: 'order-44' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Stripe.errors.StripeIdempotencyError);
    expect(err).toMatchObject({ statusCode: 400, type: 'StripeIdempotencyError' });
  });

  it('a replayed refund request does not refund twice', async () => {
    const s = await h.stripe.checkout.sessions.create(sessionParams());
    await submitHostedForm(s.url!, { card: '4242424242424242' });
    const piId = (await h.stripe.checkout.sessions.retrieve(s.id)).payment_intent as string;
    const r1 = await h.stripe.refunds.create({ payment_intent: piId, amount: 100 }, { idempotencyKey: 'refund-1' });
    const r2 = await h.stripe.refunds.create({ payment_intent: piId, amount: 100 }, { idempotencyKey: 'refund-1' });
    expect(r2.id).toBe(r1.id);
    const charge = await h.stripe.charges.retrieve(r1.charge as string);
    expect(charge.amount_refunded).toBe(100);
    expect(h.local.events().filter((e) => e.type === 'refund.created' && (e.data.object as Stripe.Refund).payment_intent === piId)).toHaveLength(1);
  });
});

describe('events', () => {
  it('lists newest first, filters by type, pages with limit, and retrieves one', async () => {
    const s = await h.stripe.checkout.sessions.create(sessionParams());
    await h.stripe.checkout.sessions.expire(s.id);
    const all = await h.stripe.events.list({ limit: 100 });
    const created = all.data.map((e) => e.created);
    expect(created).toEqual([...created].sort((a, b) => b - a));
    expect(all.data[0].type).toBe('checkout.session.expired');
    expect((all.data[0].data.object as Stripe.Checkout.Session).id).toBe(s.id);

    const two = await h.stripe.events.list({ limit: 2 });
    expect(two.data).toHaveLength(2);
    expect(two.has_more).toBe(true);
    const next = await h.stripe.events.list({ limit: 2, starting_after: two.data[1].id });
    expect(next.data[0].id).toBe(all.data[2].id);

    const expired = await h.stripe.events.list({ type: 'checkout.session.expired' });
    expect(expired.data.length).toBeGreaterThan(0);
    expect(expired.data.every((e) => e.type === 'checkout.session.expired')).toBe(true);
    const wildcard = await h.stripe.events.list({ type: 'checkout.session.*', limit: 100 });
    expect(wildcard.data.every((e) => e.type.startsWith('checkout.session.'))).toBe(true);

    const one = await h.stripe.events.retrieve(all.data[0].id);
    expect(one).toMatchObject({ id: all.data[0].id, object: 'event', livemode: false, type: 'checkout.session.expired', api_version: Stripe.API_VERSION });
    expect(one.request?.id).toMatch(/^req_/);
  });

  it('keeps each event a snapshot of its object at that moment', async () => {
    const s = await h.stripe.checkout.sessions.create(sessionParams());
    await submitHostedForm(s.url!, { card: '4000000000000002' });
    await submitHostedForm(s.url!, { card: '4242424242424242' });
    const piId = (await h.stripe.checkout.sessions.retrieve(s.id)).payment_intent as string;
    const failed = h.local.events().find((e) => e.type === 'payment_intent.payment_failed' && (e.data.object as Stripe.PaymentIntent).id === piId);
    expect((failed?.data.object as Stripe.PaymentIntent).status).toBe('requires_payment_method');
    expect((failed?.data.object as Stripe.PaymentIntent).last_payment_error?.code).toBe('card_declined');
    expect((await h.stripe.paymentIntents.retrieve(piId)).status).toBe('succeeded');
  });
});

describe('expansion and line items', () => {
  it('expands payment_intent, its latest_charge and line_items on a session', async () => {
    const s = await h.stripe.checkout.sessions.create(sessionParams());
    await testHelper(h.local, `/_test/checkout/sessions/${s.id}/pay`, { card: '4242424242424242' });
    const full = await h.stripe.checkout.sessions.retrieve(s.id, { expand: ['payment_intent.latest_charge', 'line_items', 'line_items.data.price.product'] });
    const pi = full.payment_intent as Stripe.PaymentIntent;
    expect(pi.object).toBe('payment_intent');
    expect((pi.latest_charge as Stripe.Charge).object).toBe('charge');
    expect(full.line_items?.object).toBe('list');
    expect(full.line_items?.data).toHaveLength(2);
    expect((full.line_items?.data[0].price?.product as Stripe.Product).name).toBe('Tee <Black, M>');
    // Without expand, ids stay ids.
    expect(typeof (await h.stripe.checkout.sessions.retrieve(s.id)).payment_intent).toBe('string');
    await expect(h.stripe.checkout.sessions.retrieve(s.id, { expand: ['nonsense'] })).rejects.toMatchObject({ statusCode: 400 });
  });
});

describe('test helper: pay without a browser', () => {
  it('pays with defaults, answers 402 with a card_error on decline', async () => {
    const s = await h.stripe.checkout.sessions.create(sessionParams());
    const declined = await testHelper(h.local, `/_test/checkout/sessions/${s.id}/pay`, { card: '4000000000000002' });
    expect(declined.status).toBe(402);
    expect(((await declined.json()) as { error: { type: string; code: string } }).error).toMatchObject({ type: 'card_error', code: 'card_declined' });
    const paid = await testHelper(h.local, `/_test/checkout/sessions/${s.id}/pay`, { card: '4242424242424242', name: 'Bo', country: 'DE' });
    expect(paid.status).toBe(200);
    const body = (await paid.json()) as { checkout_session: Stripe.Checkout.Session; payment_intent: Stripe.PaymentIntent };
    expect(body.checkout_session.status).toBe('complete');
    expect(body.checkout_session.collected_information?.shipping_details?.address?.country).toBe('DE');
    expect(body.payment_intent.status).toBe('succeeded');
    const again = await testHelper(h.local, `/_test/checkout/sessions/${s.id}/pay`, { card: '4242424242424242' });
    expect(again.status).toBe(400);
  });
});

describe('form bodies', () => {
  it('decodes nested keys, indexed and empty-bracket arrays, and ignores prototype keys', () => {
    const parsed = parseForm(
      'a=1&line_items[0][price_data][product_data][images][0]=x&line_items[0][quantity]=2&line_items[1][quantity]=3&expand[]=p&expand[]=q&metadata[k]=v%20w&__proto__[x]=1&b[c][constructor]=2',
    );
    expect(parsed).toEqual({
      a: '1',
      line_items: [{ price_data: { product_data: { images: ['x'] } }, quantity: '2' }, { quantity: '3' }],
      expand: ['p', 'q'],
      metadata: { k: 'v w' },
    }); // keys that name a prototype are dropped, with the branch they sit in
    expect(({} as Record<string, unknown>).x).toBeUndefined();
    expect(parseForm('x[2]=c&x[10]=d&x[1]=b')).toEqual({ x: ['b', 'c', 'd'] });
  });
});

describe('state file', () => {
  it('keeps sessions, intents and events across a restart', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'local-stripe-state-'));
    const stateFile = path.join(dir, 'state.json');
    try {
      const first = await startLocalStripe({ port: 0, webhookSecret: SECRET, stateFile, log: () => {} });
      const s = await sdk(first).checkout.sessions.create(sessionParams(), { idempotencyKey: 'persisted' });
      await first.close();
      expect(JSON.parse(fs.readFileSync(stateFile, 'utf8')).sessions[s.id]).toBeTruthy();

      const second = await startLocalStripe({ port: 0, webhookSecret: SECRET, stateFile, log: () => {} });
      try {
        const again = await sdk(second).checkout.sessions.retrieve(s.id);
        expect(again.status).toBe('open');
        expect(again.amount_total).toBe(s.amount_total);
        expect(again.url).toBe(`${second.url}/c/pay/${s.id}`); // hosted URLs follow the new port
        // The hosted page works on the new port; the idempotency key still replays.
        const page = await fetch(`${second.url}/c/pay/${s.id}`);
        expect(page.status).toBe(200);
        expect((await sdk(second).checkout.sessions.create(sessionParams(), { idempotencyKey: 'persisted' })).id).toBe(s.id);
        expect((await testHelper(second, `/_test/checkout/sessions/${s.id}/pay`, { card: '4242424242424242' })).status).toBe(200);
      } finally {
        await second.close();
      }
      const third = await startLocalStripe({ port: 0, webhookSecret: SECRET, stateFile, log: () => {} });
      expect((await sdk(third).checkout.sessions.retrieve(s.id)).status).toBe('complete');
      expect(third.events().map((e) => e.type)).toContain('checkout.session.completed');
      await third.close();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('moves a corrupt state file aside and starts empty', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'local-stripe-state-'));
    const stateFile = path.join(dir, 'state.json');
    fs.writeFileSync(stateFile, '{not json');
    const warn = console.warn;
    console.warn = () => {};
    try {
      const local = await startLocalStripe({ port: 0, webhookSecret: SECRET, stateFile, log: () => {} });
      expect(local.events()).toEqual([]);
      await local.close();
      expect(fs.readdirSync(dir).some((f) => f.startsWith('state.json.corrupt-'))).toBe(true);
    } finally {
      console.warn = warn;
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
