// Lines that cannot be printed: refused at the cart and at checkout, and an order whose print job
// fails for good is refunded through the Stripe API on the store's own initiative, exactly once.
// Real PostgreSQL, pg-boss, the local Stripe-compatible server and signed webhooks.
import { afterAll, describe, expect, it, vi } from 'vitest';
import { storeLib, storeWithLocalStripe } from './helpers';

const store = storeWithLocalStripe('whsec_test_unfulfillable');

const lib = async () => ({
  ...(await storeLib()),
  fulfillment: await import('../../lib/fulfillment/render-job'),
  queue: await import('../../lib/queue'),
});

afterAll(async () => {
  await (await import('../../lib/queue')).stopBoss();
});

async function designId(prompt = 'red hearts on navy'): Promise<string> {
  const { saveDesign } = await import('../../lib/generation/design-repository');
  return (await saveDesign({ prompt, seed: 7, modelId: 'seedprint-tiny-v1', modelSha256: 'b'.repeat(64), scheduler: 'ddim', steps: 8, guidance: 3, width: 64, height: 64, tileable: true } as never)).id;
}

async function variant(slug: string) {
  return (await (await lib()).catalog.findProductBySlug(slug))!.variants[0];
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

/** A cart checked out and paid with the test card: the order is PAID. */
async function paidOrder(slugs: string[]) {
  const { cart, orders, db } = await lib();
  const c = await db.cart.create({ data: {} });
  for (const slug of slugs) await cart.addToCart(c.id, { variantId: (await variant(slug)).id, designId: await designId(), quantity: 1 });
  const { orderId } = await orders.startCheckout(c.id, { email: 'ada@example.com', country: 'US' }, null);
  const sessionId = (await orders.findOrder(orderId))!.stripeCheckoutSessionId!;
  const res = await fetch(`${store.local.url}/_test/checkout/sessions/${sessionId}/pay`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: 'Bearer sk_test_local' },
    body: new URLSearchParams({ card: '4242424242424242', name: 'Ada Shopper', line1: '1 Main St', city: 'Springfield', postal_code: '12345', country: 'US' }),
  });
  expect(res.status).toBeLessThan(400);
  return waitFor(async () => {
    const o = await orders.findOrder(orderId);
    return o?.status === 'PAID' ? o : null;
  }, 'the order to be paid');
}

/** Runs the print job of one order item as the worker would (the item's recipe broken first). */
async function failPrintJob(orderId: string, orderItemId: string) {
  const { db, fulfillment } = await lib();
  await db.orderItem.update({ where: { id: orderItemId }, data: { recipe: { broken: true } } }); // no valid recipe: can never be printed
  await fulfillment.handleOrderPaid({ orderId });
  const job = await db.fulfillmentJob.findUniqueOrThrow({ where: { orderItemId } });
  const quiet = vi.spyOn(console, 'error').mockImplementation(() => {});
  try {
    await fulfillment.handleRenderJob({ jobId: job.id });
  } finally {
    quiet.mockRestore();
  }
  expect((await db.fulfillmentJob.findUniqueOrThrow({ where: { id: job.id } })).status).toBe('FAILED');
}

/** Works the refund jobs queued so far, as the orders worker does; returns how many ran. */
async function runRefundJobs(): Promise<number> {
  const { queue, orders } = await lib();
  const boss = await queue.getBoss();
  let n = 0;
  for (;;) {
    const jobs = await boss.fetch<{ orderId: string; reason?: string }>(queue.QUEUES.orderRefund);
    if (!jobs.length) return n;
    for (const j of jobs) {
      await orders.handleOrderRefund(j.data);
      await boss.complete(queue.QUEUES.orderRefund, j.id);
      n++;
    }
  }
}

async function refundedOnStripe(sessionId: string): Promise<number> {
  const { stripe } = await lib();
  const s = await stripe().checkout.sessions.retrieve(sessionId, { expand: ['payment_intent.latest_charge'] });
  const pi = s.payment_intent as { latest_charge: { amount_refunded: number } };
  return pi.latest_charge.amount_refunded;
}

describe('lines that cannot be printed', () => {
  it('the cart refuses a catalog product without a design (400), and checkout refuses an old such line', async () => {
    const { cart, orders, db } = await lib();
    const c = await db.cart.create({ data: {} });
    const tee = await variant('tee');
    await expect(cart.addToCart(c.id, { variantId: tee.id, quantity: 1 })).rejects.toMatchObject({ status: 400, code: 'design_required', message: expect.stringMatching(/design/) });
    expect(await db.cartItem.count()).toBe(0);
    // A line stored before this rule existed cannot be paid either.
    await db.cartItem.create({ data: { cartId: c.id, variantId: tee.id, quantity: 1 } });
    await expect(orders.startCheckout(c.id, { email: 'ada@example.com', country: 'US' }, null)).rejects.toMatchObject({ status: 400, code: 'design_required' });
    expect(await db.order.count()).toBe(0);
  });

  it('a paid order whose print job fails for good is refunded in full through Stripe, once', async () => {
    const { orders, db } = await lib();
    const order = await paidOrder(['tee']);
    await failPrintJob(order.id, order.items[0].id);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      expect(await runRefundJobs()).toBe(1);
      // Asked again (a retried job, a second failure report): nothing more is refunded.
      await orders.refundUnfulfillableOrder(order.id, 'again');
      await runRefundJobs();
      await orders.handleOrderRefund({ orderId: order.id });
    } finally {
      warn.mockRestore();
    }
    expect(await refundedOnStripe(order.stripeCheckoutSessionId!)).toBe(order.totalMinor);
    await new Promise((r) => setTimeout(r, 300)); // the refund's own webhooks
    const after = (await orders.findOrder(order.id))!;
    expect(after.status).toBe('REFUNDED');
    expect(after.history.map((h) => h.to)).toEqual(['PENDING_PAYMENT', 'PAID', 'REFUNDED']);
    expect(after.payments[0]).toMatchObject({ status: 'REFUNDED', amountRefundedMinor: order.totalMinor });
    expect(store.local.events().filter((e) => e.type === 'refund.created' && (e.data.object as { payment_intent?: string }).payment_intent === after.payments[0].stripePaymentIntentId)).toHaveLength(1);
    expect(await db.order.count()).toBe(1);
  });

  it('in a two-item order the unprintable item is refunded alone; when the other fails too, the rest and shipping are', async () => {
    const { orders } = await lib();
    const order = await paidOrder(['tee', 'mug']);
    const [a, b] = order.items;
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      await failPrintJob(order.id, a.id);
      await runRefundJobs();
      expect(await refundedOnStripe(order.stripeCheckoutSessionId!)).toBe(a.unitPriceMinor * a.quantity);
      const partly = (await orders.findOrder(order.id))!;
      expect(partly.status).toBe('PAID'); // the mug is still printed and shipped
      expect(partly.payments[0].status).toBe('PARTIALLY_REFUNDED');

      await failPrintJob(order.id, b.id);
      await runRefundJobs();
    } finally {
      warn.mockRestore();
    }
    expect(await refundedOnStripe(order.stripeCheckoutSessionId!)).toBe(order.totalMinor);
    expect((await orders.findOrder(order.id))!.status).toBe('REFUNDED');
  });
});
