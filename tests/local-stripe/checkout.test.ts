// The checkout happy path and declines, driven through the real SDK and the hosted form.
import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { address, received, SECRET, sessionParams, startHarness, submitHostedForm, SUBTOTAL, testHelper, TOTAL, waitFor, type Harness } from './helpers';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('checkout sessions', () => {
  it('creates an open, unpaid session with totals, shipping and a hosted URL', async () => {
    const s = await h.stripe.checkout.sessions.create(sessionParams());
    expect(s.id).toMatch(/^cs_test_[A-Za-z0-9]{24}$/);
    expect(s.object).toBe('checkout.session');
    expect(s.status).toBe('open');
    expect(s.payment_status).toBe('unpaid');
    expect(s.amount_subtotal).toBe(SUBTOTAL);
    expect(s.amount_total).toBe(TOTAL);
    expect(s.total_details?.amount_shipping).toBe(499);
    expect(s.shipping_cost?.amount_total).toBe(499);
    expect(s.shipping_options).toHaveLength(1);
    expect(s.currency).toBe('usd');
    expect(s.customer_email).toBe('ada@example.com');
    expect(s.client_reference_id).toBe('order_1');
    expect(s.metadata).toEqual({ order_id: 'order_1' });
    expect(s.payment_intent).toBeNull();
    expect(s.shipping_address_collection?.allowed_countries).toEqual(['US', 'DE']);
    expect(s.url).toBe(`${h.local.url}/c/pay/${s.id}`);
    expect(s.expires_at).toBeGreaterThan(Date.now() / 1000 + 23 * 3600);

    const items = await h.stripe.checkout.sessions.listLineItems(s.id);
    expect(items.data.map((i) => [i.description, i.quantity, i.amount_total])).toEqual([
      ['Tee <Black, M>', 2, 5000],
      ['Mug', 1, 1800],
    ]);
  });

  it('serves an accessible hosted page with the order summary and a TEST MODE banner', async () => {
    const s = await h.stripe.checkout.sessions.create(sessionParams());
    const res = await fetch(s.url!);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    const html = await res.text();
    expect(html).toContain('TEST MODE');
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('Tee &lt;Black, M&gt;'); // escaped, never raw markup
    expect(html).not.toContain('Tee <Black');
    expect(html).toContain('$68.00'); // subtotal
    expect(html).toContain('Standard');
    expect(html).toContain('$72.99'); // total with shipping
    for (const field of ['email', 'name', 'line1', 'city', 'postal_code', 'country', 'card', 'exp', 'cvc']) {
      expect(html, field).toMatch(new RegExp(`<label for="f-${field}">`));
      expect(html, field).toMatch(new RegExp(`id="f-${field}" name="${field}"`));
    }
    expect(html).toContain('value="ada@example.com"'); // prefilled
    expect(html).toContain('<option value="US" selected>United States</option>');
    expect(html).toContain('<option value="DE">Germany</option>');
    expect(html).not.toContain('value="FR"');
    expect(html).toContain('href="https://shop.example/cart"'); // cancel link
    expect(html).toContain(':focus-visible');
  });

  it('pays with 4242: PaymentIntent succeeded, session complete, signed webhooks arrive', async () => {
    const s = await h.stripe.checkout.sessions.create(sessionParams());
    const res = await submitHostedForm(s.url!, { card: '4242 4242 4242 4242' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`https://shop.example/checkout/success?session_id=${s.id}`);

    const done = await h.stripe.checkout.sessions.retrieve(s.id, { expand: ['payment_intent', 'payment_intent.latest_charge'] });
    expect(done.status).toBe('complete');
    expect(done.payment_status).toBe('paid');
    const pi = done.payment_intent as Stripe.PaymentIntent;
    expect(pi.id).toMatch(/^pi_[A-Za-z0-9]{24}$/);
    expect(pi.status).toBe('succeeded');
    expect(pi.amount).toBe(TOTAL);
    expect(pi.amount_received).toBe(TOTAL);
    expect(pi.metadata).toEqual({ order_id: 'order_1' });
    const charge = pi.latest_charge as Stripe.Charge;
    expect(charge.id).toMatch(/^ch_[A-Za-z0-9]{24}$/);
    expect(charge.status).toBe('succeeded');
    expect(charge.captured).toBe(true);
    expect(charge.amount_captured).toBe(TOTAL);
    expect(charge.payment_method_details?.card?.last4).toBe('4242');

    const ship = { name: 'Ada Lovelace', address: { line1: '1 Main St', line2: null, city: 'Springfield', postal_code: '12345', state: null, country: 'US' } };
    expect(done.collected_information?.shipping_details).toEqual(ship);
    expect(done).not.toHaveProperty('shipping_details'); // removed from the API: collected_information has it
    expect(done.customer_details).toMatchObject({ email: address.email, name: 'Ada Lovelace', address: ship.address });

    const completed = await waitFor(() => received(h.hook, 'checkout.session.completed', s.id), 'checkout.session.completed webhook');
    const event = h.stripe.webhooks.constructEvent(completed.raw, completed.signature, SECRET);
    expect(event.type).toBe('checkout.session.completed');
    expect(event.id).toMatch(/^evt_[A-Za-z0-9]{24}$/);
    const obj = event.data.object as Stripe.Checkout.Session;
    expect(obj.id).toBe(s.id);
    expect(obj.payment_status).toBe('paid');
    expect(obj.payment_intent).toBe(pi.id);
    await waitFor(() => received(h.hook, 'payment_intent.succeeded', pi.id), 'payment_intent.succeeded webhook');
    await waitFor(() => received(h.hook, 'charge.succeeded', charge.id), 'charge.succeeded webhook');

    // The same delivery must not verify under another secret.
    expect(() => h.stripe.webhooks.constructEvent(completed.raw, completed.signature, 'whsec_wrong')).toThrow(Stripe.errors.StripeSignatureVerificationError);
    // Nor with a tampered body.
    expect(() => h.stripe.webhooks.constructEvent(completed.raw.replace('"paid"', '"unpaid"'), completed.signature, SECRET)).toThrow(Stripe.errors.StripeSignatureVerificationError);

    // Paying again is refused; the page says the order is paid.
    const again = await submitHostedForm(s.url!, { card: '4242424242424242' });
    expect(await again.text()).toContain('already paid');
  });

  it('declines 4000 0000 0000 0002: payment_failed event with the order metadata, session stays open, retry works', async () => {
    const s = await h.stripe.checkout.sessions.create(sessionParams());
    const res = await submitHostedForm(s.url!, { card: '4000 0000 0000 0002' });
    expect(res.status).toBe(402);
    const html = await res.text();
    expect(html).toContain('role="alert"');
    expect(html).toContain('Your card was declined.');
    expect(html).toContain('value="Ada Lovelace"'); // what was typed is kept…
    expect(html).toContain('id="f-card" name="card" type="text" inputmode="numeric" autocomplete="cc-number" placeholder="4242 4242 4242 4242" required value=""'); // …but not the card

    const open = await h.stripe.checkout.sessions.retrieve(s.id, { expand: ['payment_intent'] });
    expect(open.status).toBe('open');
    expect(open.payment_status).toBe('unpaid');
    const pi = open.payment_intent as Stripe.PaymentIntent;
    expect(pi.status).toBe('requires_payment_method');
    expect(pi.last_payment_error?.code).toBe('card_declined');
    expect(pi.last_payment_error?.decline_code).toBe('generic_decline');
    expect(pi.last_payment_error?.message).toBe('Your card was declined.');

    const failed = await waitFor(() => received(h.hook, 'payment_intent.payment_failed', pi.id), 'payment_failed webhook');
    const event = h.stripe.webhooks.constructEvent(failed.raw, failed.signature, SECRET);
    expect((event.data.object as Stripe.PaymentIntent).metadata).toEqual({ order_id: 'order_1' });
    expect(received(h.hook, 'checkout.session.completed', s.id)).toBeUndefined();

    // The customer tries another card on the same session and the same PaymentIntent.
    expect((await submitHostedForm(s.url!, { card: '4242424242424242' })).status).toBe(303);
    const paid = await h.stripe.checkout.sessions.retrieve(s.id);
    expect(paid.status).toBe('complete');
    expect(paid.payment_intent).toBe(pi.id);
    expect((await h.stripe.paymentIntents.retrieve(pi.id)).last_payment_error).toBeNull();
  });

  it('declines 4000 0000 0000 9995 with insufficient_funds', async () => {
    const s = await h.stripe.checkout.sessions.create(sessionParams());
    const res = await submitHostedForm(s.url!, { card: '4000000000009995' });
    expect(res.status).toBe(402);
    expect(await res.text()).toContain('Your card has insufficient funds.');
    const pi = (await h.stripe.checkout.sessions.retrieve(s.id, { expand: ['payment_intent'] })).payment_intent as Stripe.PaymentIntent;
    expect(pi.last_payment_error).toMatchObject({ type: 'card_error', code: 'card_declined', decline_code: 'insufficient_funds' });
  });

  it('rejects an invalid form without charging anything', async () => {
    const s = await h.stripe.checkout.sessions.create(sessionParams());
    const res = await submitHostedForm(s.url!, { card: '4242 4242 4242 4241', country: 'FR', exp: '01 / 20', cvc: '1', name: '' });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('Your card number is invalid.');
    expect(html).toContain('We don’t ship to this country.');
    expect(html).toContain('expiration date is in the past');
    expect(html).toContain('id="f-name" name="name" type="text" autocomplete="name" required value="" aria-invalid="true" aria-describedby="f-name-error"');
    expect((await h.stripe.checkout.sessions.retrieve(s.id)).payment_intent).toBeNull();
  });

  it('lets the customer pick among several shipping options and charges that total', async () => {
    const s = await h.stripe.checkout.sessions.create(
      sessionParams({
        shipping_options: [
          { shipping_rate_data: { display_name: 'Standard', type: 'fixed_amount', fixed_amount: { amount: 499, currency: 'usd' } } },
          { shipping_rate_data: { display_name: 'Express', type: 'fixed_amount', fixed_amount: { amount: 1500, currency: 'usd' } } },
        ],
      }),
    );
    const html = await (await fetch(s.url!)).text();
    expect(html).toContain('Express');
    const express = s.shipping_options[1].shipping_rate as string;
    expect((await submitHostedForm(s.url!, { card: '4242424242424242', shipping_rate: express })).status).toBe(303);
    const done = await h.stripe.checkout.sessions.retrieve(s.id, { expand: ['payment_intent'] });
    expect(done.amount_total).toBe(SUBTOTAL + 1500);
    expect(done.shipping_cost?.shipping_rate).toBe(express);
    expect((done.payment_intent as Stripe.PaymentIntent).amount).toBe(SUBTOTAL + 1500);
  });

  it('expires a session: event, expired status, a clear page, and no more payments', async () => {
    const s = await h.stripe.checkout.sessions.create(sessionParams());
    const expired = await h.stripe.checkout.sessions.expire(s.id);
    expect(expired.status).toBe('expired');
    expect(expired.url).toBeNull();
    const hook = await waitFor(() => received(h.hook, 'checkout.session.expired', s.id), 'expired webhook');
    expect(h.stripe.webhooks.constructEvent(hook.raw, hook.signature, SECRET).type).toBe('checkout.session.expired');

    const page = await fetch(s.url!);
    expect(page.status).toBe(410);
    expect(await page.text()).toContain('This checkout has expired');
    expect((await submitHostedForm(s.url!, { card: '4242424242424242' })).status).toBe(410);

    await expect(h.stripe.checkout.sessions.expire(s.id)).rejects.toMatchObject({ type: 'StripeInvalidRequestError', statusCode: 400 });
  });

  it('expires a session by itself once expires_at has passed', async () => {
    // Stripe allows expires_at 30 min to 24 h ahead; the test helper moves it to the next second.
    const s = await h.stripe.checkout.sessions.create(sessionParams({ expires_at: Math.floor(Date.now() / 1000) + 31 * 60 }));
    expect((await testHelper(h.local, `/_test/checkout/sessions/${s.id}/expires_at`, { expires_at: String(Math.floor(Date.now() / 1000) + 1) })).status).toBe(200);
    await waitFor(() => received(h.hook, 'checkout.session.expired', s.id), 'automatic expiry', 4_000);
    expect((await h.stripe.checkout.sessions.retrieve(s.id)).status).toBe('expired');
  });
});
