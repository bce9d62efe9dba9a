// One cart, many checkouts: parallel checkouts of the same cart, every returned session paid on
// the local Stripe-compatible server (real SDK, real signed webhooks into the store). Exactly one
// order may be paid and one card charged; lines added after checkout starts stay in the cart.
import { describe, expect, it } from 'vitest';
import { storeLib as lib, storeWithLocalStripe } from './helpers';

const store = storeWithLocalStripe('whsec_test_checkout_concurrency');

async function designId(prompt = 'red hearts on navy'): Promise<string> {
  const { saveDesign } = await import('../../lib/generation/design-repository');
  return (await saveDesign({ prompt, seed: 7, modelId: 'seedprint-tiny-v1', modelSha256: 'b'.repeat(64), scheduler: 'ddim', steps: 8, guidance: 3, width: 64, height: 64, tileable: true } as never)).id;
}

async function variant(slug: string) {
  const p = (await (await lib()).catalog.findProductBySlug(slug))!;
  return p.variants[0];
}

async function cartWith(lines: { slug: string; quantity: number; prompt?: string }[]) {
  const { cart, db } = await lib();
  const c = await db.cart.create({ data: {} });
  for (const l of lines) await cart.addToCart(c.id, { variantId: (await variant(l.slug)).id, designId: await designId(l.prompt), quantity: l.quantity });
  return c.id;
}

async function pay(sessionId: string) {
  const res = await fetch(`${store.local.url}/_test/checkout/sessions/${sessionId}/pay`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: 'Bearer sk_test_local' },
    body: new URLSearchParams({ card: '4242424242424242', name: 'Ada Shopper', line1: '1 Main St', city: 'Springfield', postal_code: '12345', country: 'US' }),
  });
  await res.text();
  return res.status;
}

async function settle(until: () => Promise<boolean>, ms = 10_000) {
  const end = Date.now() + ms;
  while (!(await until())) {
    if (Date.now() > end) throw new Error('timed out waiting for the webhooks');
    await new Promise((r) => setTimeout(r, 100));
  }
  await new Promise((r) => setTimeout(r, 400)); // late deliveries too
}

/** Card charges that went through, over every session the store handed out. */
async function succeededCharges(sessionIds: Iterable<string>): Promise<number> {
  const { stripe } = await lib();
  let n = 0;
  for (const id of sessionIds) {
    const s = await stripe().checkout.sessions.retrieve(id, { expand: ['payment_intent'] });
    if (s.payment_intent && typeof s.payment_intent === 'object' && s.payment_intent.status === 'succeeded') n++;
  }
  return n;
}

describe('one cart, many checkouts', () => {
  it('10 parallel checkouts of one cart, every session paid: one paid order, one charge', async () => {
    const cartId = await cartWith([{ slug: 'tee', quantity: 2 }]);
    const { orders, db } = await lib();
    const started = await Promise.allSettled(Array.from({ length: 10 }, () => orders.startCheckout(cartId, { email: 'ada@example.com', country: 'US' }, null)));
    const ok = started.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
    for (const r of started) if (r.status === 'rejected') expect((r.reason as { status?: number }).status, String(r.reason)).toBeLessThan(500);
    expect(ok.length).toBeGreaterThan(0);

    const sessions = new Set<string>();
    for (const r of ok) sessions.add((await orders.findOrder(r.orderId))!.stripeCheckoutSessionId!);
    // Shoppers (or an attacker) pay every URL they were given.
    const paid = (await Promise.all([...sessions].map(pay))).filter((s) => s < 400).length;
    expect(paid).toBe(1);
    await settle(async () => (await db.order.count({ where: { status: 'PAID' } })) === 1 && (await db.order.count({ where: { status: 'PENDING_PAYMENT' } })) === 0);

    expect(await db.order.count({ where: { status: 'PAID' } })).toBe(1);
    expect(await succeededCharges(sessions)).toBe(1);
    expect(store.local.events().filter((e) => e.type === 'payment_intent.succeeded')).toHaveLength(1);
    expect(await db.cartItem.count({ where: { cartId } })).toBe(0);
  });

  it('checking out the same cart again reuses its open session; a changed cart replaces it', async () => {
    const cartId = await cartWith([{ slug: 'tee', quantity: 1 }]);
    const { orders, cart, db } = await lib();
    const a = await orders.startCheckout(cartId, { email: 'bo@example.com', country: 'US' }, null);
    const b = await orders.startCheckout(cartId, { email: 'bo@example.com', country: 'US' }, null);
    expect(b).toEqual(a);
    await cart.addToCart(cartId, { variantId: (await variant('mug')).id, designId: await designId(), quantity: 1 });
    const c = await orders.startCheckout(cartId, { email: 'bo@example.com', country: 'US' }, null);
    expect(c.orderId).not.toBe(a.orderId);
    const { stripe } = await lib();
    expect((await stripe().checkout.sessions.retrieve((await orders.findOrder(a.orderId))!.stripeCheckoutSessionId!)).status).toBe('expired');
    expect(await pay((await orders.findOrder(a.orderId))!.stripeCheckoutSessionId!)).toBeGreaterThanOrEqual(400);
    expect(await db.order.count()).toBe(2);
  });

  it('lines added (or quantities raised) after checkout started stay in the cart when that order is paid', async () => {
    const cartId = await cartWith([{ slug: 'tee', quantity: 2 }]);
    const { orders, cart, db } = await lib();
    const { orderId } = await orders.startCheckout(cartId, { email: 'cy@example.com', country: 'US' }, null);
    const session = (await orders.findOrder(orderId))!.stripeCheckoutSessionId!;
    // In another tab: one more tee and a mug, after the checkout page opened.
    const tee = (await db.cartItem.findFirstOrThrow({ where: { cartId } }));
    await cart.addToCart(cartId, { variantId: tee.variantId, designId: tee.designId!, quantity: 1, repeatIn: tee.repeatIn });
    await cart.addToCart(cartId, { variantId: (await variant('mug')).id, designId: await designId('yellow stars on navy'), quantity: 1 });
    expect(await pay(session)).toBeLessThan(400);
    await settle(async () => (await orders.findOrder(orderId))?.status === 'PAID');
    const order = (await orders.findOrder(orderId))!;
    expect(order.items.map((i) => [i.productSlug, i.quantity])).toEqual([['tee', 2]]);
    const left = await db.cartItem.findMany({ where: { cartId }, include: { variant: { include: { product: true } } }, orderBy: { createdAt: 'asc' } });
    expect(left.map((i) => [i.variant.product.slug, i.quantity])).toEqual([
      ['tee', 1],
      ['mug', 1],
    ]);
  });

  it('a session paid before its webhook arrived is recorded by the next checkout, which answers 409 instead of charging again', async () => {
    const cartId = await cartWith([{ slug: 'tee', quantity: 1 }]);
    const { orders, cart, db } = await lib();
    store.local.setWebhookUrl('http://127.0.0.1:9/'); // the payment's webhooks are late
    try {
      const first = await orders.startCheckout(cartId, { email: 'di@example.com', country: 'US' }, null);
      expect(await pay((await orders.findOrder(first.orderId))!.stripeCheckoutSessionId!)).toBeLessThan(400);
      await cart.addToCart(cartId, { variantId: (await variant('mug')).id, designId: await designId('blue waves on white'), quantity: 1 });
      await expect(orders.startCheckout(cartId, { email: 'di@example.com', country: 'US' }, null)).rejects.toMatchObject({ status: 409, code: 'cart_already_paid' });
      expect((await orders.findOrder(first.orderId))!.status).toBe('PAID');
      expect(await db.order.count()).toBe(1);
      const left = await db.cartItem.findMany({ where: { cartId }, include: { variant: { include: { product: true } } } });
      expect(left.map((i) => i.variant.product.slug)).toEqual(['mug']);
      // The mug alone checks out normally.
      const next = await orders.startCheckout(cartId, { email: 'di@example.com', country: 'US' }, null);
      expect((await orders.findOrder(next.orderId))!.items.map((i) => i.productSlug)).toEqual(['mug']);
    } finally {
      store.local.setWebhookUrl(store.harness.hookUrl);
    }
  });
});
