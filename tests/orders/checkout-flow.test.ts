// Cart → Checkout Session → payment on the local Stripe-compatible server → signed webhook →
// order paid. Real PostgreSQL, real Stripe SDK, real HTTP webhooks; nothing of ours is mocked.
import { describe, expect, it } from 'vitest';
import { storeLib as lib, storeWithLocalStripe } from './helpers';

const store = storeWithLocalStripe('whsec_test_checkout_flow');

async function designId(): Promise<string> {
  const { db } = await lib();
  const { recipeHash } = await import('../../lib/generation/recipe');
  const recipe = { prompt: 'red hearts on navy', seed: 7, modelId: 'seedprint-tiny-v1', modelSha256: 'b'.repeat(64), scheduler: 'ddim', steps: 8, guidance: 3, width: 64, height: 64, tileable: true };
  const id = recipeHash(recipe);
  await db.design.create({ data: { id, recipe, prompt: recipe.prompt, seed: BigInt(recipe.seed), modelId: recipe.modelId, modelSha256: recipe.modelSha256, scheduler: 'ddim', steps: 8, guidance: 3, width: 64, height: 64, tileable: true } });
  return id;
}

async function cartWithTee(quantity = 2) {
  const { cart, catalog, db } = await lib();
  const tee = await catalog.findProductBySlug('tee');
  const variant = tee!.variants.find((v) => v.size === 'M' && v.color === 'Black')!;
  const c = await db.cart.create({ data: {} });
  // A tampered price and currency in the input must have no effect.
  await cart.addToCart(c.id, { variantId: variant.id, designId: await designId(), quantity, repeatIn: 3, priceMinor: 1, currency: 'jpy' });
  return { cartId: c.id, variant };
}

async function pay(sessionId: string, card: string, country = 'US') {
  const res = await fetch(`${store.local.url}/_test/checkout/sessions/${sessionId}/pay`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: 'Bearer sk_test_local' },
    body: new URLSearchParams({ card, name: 'Ada Shopper', line1: '1 Main St', city: 'Springfield', postal_code: '12345', country }),
  });
  return res.status;
}

async function waitFor<T>(fn: () => Promise<T | null | undefined | false>, what: string, ms = 10_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('checkout flow', () => {
  it('rejects bad cart input with clear 4xx errors', async () => {
    const { cart, db } = await lib();
    const c = await db.cart.create({ data: {} });
    const tee = (await (await lib()).catalog.findProductBySlug('tee'))!;
    await expect(cart.addToCart(c.id, { variantId: tee.variants[0].id, quantity: 100 })).rejects.toMatchObject({ status: 400, message: expect.stringMatching(/at most 99/) });
    await expect(cart.addToCart(c.id, { variantId: tee.variants[0].id, quantity: 0 })).rejects.toMatchObject({ status: 400 });
    await expect(cart.addToCart(c.id, { variantId: 'nope', quantity: 1 })).rejects.toMatchObject({ status: 404 });
    await expect(cart.addToCart(c.id, { variantId: tee.variants[0].id, designId: 'f'.repeat(64) })).rejects.toMatchObject({ status: 404 });
    expect(await db.cartItem.count()).toBe(0);
  });

  it('pays with the test card and the webhook marks the order paid, once', async () => {
    const { cartId, variant } = await cartWithTee(2);
    const { orders, db } = await lib();
    const { orderId, checkoutUrl } = await orders.startCheckout(cartId, { email: 'Ada@Example.com', country: 'us' }, null);
    expect(checkoutUrl.startsWith(store.local.url)).toBe(true);
    const order = (await orders.findOrder(orderId))!;
    expect(order.status).toBe('PENDING_PAYMENT');
    expect(order.email).toBe('ada@example.com');
    // Prices from the database, never from the client.
    expect(order.subtotalMinor).toBe(variant.priceMinor * 2);
    expect(order.currency).toBe('usd');
    expect(order.shippingMinor).toBe(499);
    expect(order.totalMinor).toBe(variant.priceMinor * 2 + 499);
    expect((order.items[0].recipe as { prompt: string }).prompt).toBe('red hearts on navy');

    const session = await (await lib()).stripe().checkout.sessions.retrieve(order.stripeCheckoutSessionId!);
    expect(session.amount_total).toBe(order.totalMinor);

    expect(await pay(order.stripeCheckoutSessionId!, '4242424242424242')).toBeLessThan(400);
    const paid = await waitFor(async () => {
      const o = await orders.findOrder(orderId);
      return o?.status === 'PAID' ? o : null;
    }, 'order to be paid');
    expect(paid.payments[0].status).toBe('SUCCEEDED');
    expect(paid.payments[0].stripePaymentIntentId).toMatch(/^pi_/);
    expect(paid.history.map((h) => h.to)).toEqual(['PENDING_PAYMENT', 'PAID']);
    expect(paid.shippingName).toBe('Ada Shopper');
    expect(await db.cartItem.count({ where: { cartId } })).toBe(0);
    const mails = await waitFor(async () => {
      const m = await db.outboxEmail.findMany({ where: { to: 'ada@example.com' } });
      return m.length ? m : null;
    }, 'the confirmation e-mail');
    expect(mails).toHaveLength(1);
    expect(mails[0].subject).toContain(paid.number);

    // Let every event of this payment arrive, then replay them all: nothing changes twice.
    await new Promise((r) => setTimeout(r, 500));
    const eventsBefore = await db.webhookEvent.count();
    for (const e of store.local.events()) expect(await store.local.resend(e.id)).toBe(200);
    await new Promise((r) => setTimeout(r, 300));
    const after = (await orders.findOrder(orderId))!;
    expect(after.history).toHaveLength(2);
    expect(await db.webhookEvent.count()).toBe(eventsBefore);
    expect(await db.outboxEmail.count({ where: { to: 'ada@example.com' } })).toBe(1);
    expect(await db.order.count()).toBe(1);
  });

  it('a declined card leaves no paid order', async () => {
    const { cartId } = await cartWithTee(1);
    const { orders, db } = await lib();
    const { orderId } = await orders.startCheckout(cartId, { email: 'bo@example.com', country: 'DE' }, null);
    const order = (await orders.findOrder(orderId))!;
    expect(order.shippingMinor).toBe(1299);
    expect(await pay(order.stripeCheckoutSessionId!, '4000000000000002', 'DE')).toBe(402);
    const failed = await waitFor(async () => {
      const o = await orders.findOrder(orderId);
      return o?.payments[0].status === 'FAILED' ? o : null;
    }, 'payment failure to be recorded');
    expect(failed.status).toBe('PENDING_PAYMENT');
    expect(failed.payments[0].failureMessage).toBeTruthy();
    expect(await db.order.count({ where: { status: 'PAID' } })).toBe(0);
    expect(await db.cartItem.count({ where: { cartId } })).toBe(1); // the cart is kept for another try
  });

  it('a forged webhook is refused with 400 and changes nothing', async () => {
    const { orders, db } = await lib();
    const body = JSON.stringify({ id: 'evt_forged', object: 'event', type: 'checkout.session.completed', data: { object: { id: 'cs_x' } } });
    await expect(orders.handleStripeWebhook(body, 't=1,v1=deadbeef')).rejects.toMatchObject({ status: 400 });
    await expect(orders.handleStripeWebhook(body, null)).rejects.toMatchObject({ status: 400 });
    const signed = (await lib()).stripe().webhooks.generateTestHeaderString({ payload: body, secret: 'whsec_wrong' });
    await expect(orders.handleStripeWebhook(body, signed)).rejects.toMatchObject({ status: 400 });
    expect(await db.webhookEvent.count()).toBe(0);
  });

  it('tolerates out-of-order delivery: a refund event before the completion event', async () => {
    const { cartId } = await cartWithTee(1);
    const { orders, stripe } = await lib();
    store.local.setWebhookUrl('http://127.0.0.1:9/'); // hold deliveries back
    const { orderId } = await orders.startCheckout(cartId, { email: 'cy@example.com', country: 'US' }, null);
    const order = (await orders.findOrder(orderId))!;
    await pay(order.stripeCheckoutSessionId!, '4242424242424242');
    const session = await stripe().checkout.sessions.retrieve(order.stripeCheckoutSessionId!);
    await stripe().refunds.create({ payment_intent: session.payment_intent as string });
    store.local.setWebhookUrl(store.hookUrl);
    const refundEvent = store.local.events().find((e) => e.type === 'charge.refunded')!;
    expect(await store.local.resend(refundEvent.id)).toBe(200);
    const done = (await orders.findOrder(orderId))!;
    expect(done.status).toBe('REFUNDED');
    expect(done.history.map((h) => h.to)).toEqual(['PENDING_PAYMENT', 'PAID', 'REFUNDED']);
    // The late completion event changes nothing.
    const completed = store.local.events().find((e) => e.type === 'checkout.session.completed')!;
    expect(await store.local.resend(completed.id)).toBe(200);
    expect((await orders.findOrder(orderId))!.history).toHaveLength(3);
  });

  it('an expired checkout cancels the pending order; a second, different checkout expires the first', async () => {
    const { cartId } = await cartWithTee(1);
    const { orders } = await lib();
    const first = await orders.startCheckout(cartId, { email: 'di@example.com', country: 'US' }, null);
    // The same cart, e-mail and country would reuse the open session; another country needs a new one.
    const second = await orders.startCheckout(cartId, { email: 'di@example.com', country: 'CA' }, null);
    expect(second.orderId).not.toBe(first.orderId);
    const cancelled = await waitFor(async () => {
      const o = await orders.findOrder(first.orderId);
      return o?.status === 'CANCELLED' ? o : null;
    }, 'first checkout to be cancelled');
    expect(cancelled.history.at(-1)?.note).toMatch(/expired/i);
    expect((await orders.findOrder(second.orderId))!.status).toBe('PENDING_PAYMENT');
    await expect(orders.startCheckout(cartId, { email: 'not-an-email', country: 'US' }, null)).rejects.toMatchObject({ status: 400 });
    await expect(orders.startCheckout(cartId, { email: 'di@example.com', country: 'KP' }, null)).rejects.toMatchObject({ status: 400, message: expect.stringMatching(/do not ship/) });
  });

  it('refuses illegal status changes with 409', async () => {
    const { cartId } = await cartWithTee(1);
    const { orders } = await lib();
    const { orderId } = await orders.startCheckout(cartId, { email: 'ed@example.com', country: 'US' }, null);
    await expect(orders.transitionOrder(orderId, 'SHIPPED', 'admin:test')).rejects.toMatchObject({ status: 409 });
    expect((await orders.findOrder(orderId))!.history).toHaveLength(1);
  });
});
