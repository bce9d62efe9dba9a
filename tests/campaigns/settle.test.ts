// Sell first, build later: campaign orders are authorised only; reaching the minimum captures
// every payment exactly once (also across a crash mid-way) and sends the orders to production;
// missing the deadline cancels every authorisation and tells each buyer once.
import { beforeAll, describe, expect, it } from 'vitest';
import { buy, configureEnv, inDays, lib, publishedListing, seller, withStripeStore, teeVariant, user, waitForStatus, type StripeHarness } from '../sellers/helpers';

configureEnv();
const harness = withStripeStore();
let h: StripeHarness;
beforeAll(() => {
  h = harness();
});

const captureEvents = (pi: string) => h.local.events().filter((e) => e.type === 'charge.captured' && (e.data.object as { payment_intent?: string }).payment_intent === pi);
const cancelEvents = (pi: string) => h.local.events().filter((e) => e.type === 'payment_intent.canceled' && (e.data.object as { id: string }).id === pi);
const failedStripeCalls = (action: 'capture' | 'cancel') => h.logs.filter((l) => l.includes(`/${action} → `) && / → [45]\d\d/.test(l));

/** Queue jobs of `name` for these orders (pg-boss keeps its own schema, not reset between tests). */
async function jobs(name: string, orderIds: string[]): Promise<number> {
  const { db } = await lib();
  const rows = await db.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM pgboss.job WHERE name = $1 AND data->>'orderId' = ANY($2::text[])`, name, orderIds);
  return Number(rows[0].n);
}

describe('campaign checkout', () => {
  it('authorises only: order AUTHORIZED with the listing price, manual capture, campaign and listing recorded', async () => {
    const owner = await seller();
    const listing = await publishedListing(owner, { priceMinor: 3400, campaign: { minOrders: 2, deadline: inDays(3) } });
    const { orderId, sessionId } = await buy(h, listing.id, 'ann@example.com', { quantity: 2 });
    const order = await waitForStatus(orderId, 'AUTHORIZED');
    const { stripe, db } = await lib();
    expect(order.campaignId).toBe(listing.campaign!.id);
    expect(order.items[0].listingId).toBe(listing.id);
    expect(order.items[0].unitPriceMinor).toBe(3400); // the listing price, not the catalog's 2900
    expect(order.subtotalMinor).toBe(6800);
    expect(order.payments[0]).toMatchObject({ status: 'AUTHORIZED', captureMethod: 'manual' });
    const session = await stripe().checkout.sessions.retrieve(sessionId, { expand: ['payment_intent'] });
    const pi = session.payment_intent as { status: string; capture_method: string };
    expect(pi.capture_method).toBe('manual');
    expect(pi.status).toBe('requires_capture');
    // One order so far: the campaign is not settled by a sweep.
    const { campaigns } = await lib();
    expect(await campaigns.sweepCampaigns()).toEqual([]);
    expect((await db.campaign.findUniqueOrThrow({ where: { id: listing.campaign!.id } })).status).toBe('ACTIVE');
    const progress = await campaigns.progressForCampaign(listing.campaign);
    expect(progress!.label).toMatch(/^1 of 2 sold, \d+ (days|hours) left$/);
  });

  it('keeps campaign items apart from other items and refuses ended campaigns', async () => {
    const owner = await seller();
    const listing = await publishedListing(owner, { campaign: { minOrders: 5, deadline: inDays(2) } });
    const { cart, orders, db } = await lib();
    const { variant } = await teeVariant();
    const c = await db.cart.create({ data: {} });
    await cart.addToCart(c.id, { listingId: listing.id, variantId: variant.id, quantity: 1 });
    const { makeDesign } = await import('../sellers/helpers');
    await cart.addToCart(c.id, { variantId: variant.id, designId: await makeDesign('blue waves'), quantity: 1 });
    await expect(orders.startCheckout(c.id, { email: 'mix@example.com', country: 'US' }, null)).rejects.toMatchObject({ status: 400, code: 'campaign_mixed_cart' });
    expect(await db.order.count()).toBe(0);

    await db.campaign.update({ where: { id: listing.campaign!.id }, data: { deadline: new Date(Date.now() - 1000) } });
    const c2 = await db.cart.create({ data: {} });
    await expect(cart.addToCart(c2.id, { listingId: listing.id, variantId: variant.id })).rejects.toMatchObject({ status: 409 });
    // A line added before the deadline cannot be checked out after it.
    await db.cartItem.deleteMany({ where: { cartId: c.id, listingId: null } });
    await expect(orders.startCheckout(c.id, { email: 'late@example.com', country: 'US' }, null)).rejects.toMatchObject({ status: 409 });
  });
});

describe('settling a campaign', () => {
  it('reaching the minimum captures every authorisation and sends the orders to production', async () => {
    const owner = await seller();
    const listing = await publishedListing(owner, { campaign: { minOrders: 2, deadline: inDays(3) } });
    const a = await buy(h, listing.id, 'ann@example.com');
    const b = await buy(h, listing.id, 'bob@example.com');
    await waitForStatus(a.orderId, 'AUTHORIZED');
    await waitForStatus(b.orderId, 'AUTHORIZED');
    const { campaigns, db } = await lib();
    expect(await campaigns.sweepCampaigns()).toEqual([listing.campaign!.id]); // the sweep sees it is due
    const r = await campaigns.settleCampaign(listing.campaign!.id);
    expect(r).toMatchObject({ status: 'SUCCEEDED', captured: 2, cancelled: 0 });
    for (const id of [a.orderId, b.orderId]) {
      const o = await waitForStatus(id, 'PAID');
      expect(o.payments[0].status).toBe('SUCCEEDED');
      expect(o.history.map((x) => x.to)).toEqual(['PENDING_PAYMENT', 'AUTHORIZED', 'PAID']);
      expect(captureEvents(o.payments[0].stripePaymentIntentId!)).toHaveLength(1);
    }
    // Production: the order-paid job was committed with each PAID status.
    expect(await jobs('order-paid', [a.orderId, b.orderId])).toBe(2);
    expect(await db.outboxEmail.count({ where: { kind: 'order-confirmation' } })).toBe(2);
    const c = await db.campaign.findUniqueOrThrow({ where: { id: listing.campaign!.id } });
    expect(c.status).toBe('SUCCEEDED');
    expect(c.settledAt).toBeInstanceOf(Date);
    // Settling again changes nothing.
    expect(await campaigns.settleCampaign(listing.campaign!.id)).toMatchObject({ status: 'SUCCEEDED', captured: 0 });
    expect(failedStripeCalls('capture')).toEqual([]);
  });

  it('a crash after capturing some payments resumes without capturing any twice', async () => {
    const owner = await seller();
    const listing = await publishedListing(owner, { campaign: { minOrders: 3, deadline: inDays(3) } });
    const bought = [];
    for (const email of ['a@example.com', 'b@example.com', 'c@example.com']) bought.push(await buy(h, listing.id, email));
    for (const b of bought) await waitForStatus(b.orderId, 'AUTHORIZED');
    // From here on no webhook reaches the store: only the settle job can update our database,
    // so the crash leaves a payment captured at Stripe but AUTHORIZED in our records.
    h.local.setWebhookUrl('http://127.0.0.1:9/');
    const { campaigns, orders, db } = await lib();
    let calls = 0;
    await expect(
      campaigns.settleCampaign(listing.campaign!.id, {
        afterStripeCall: () => {
          calls++;
          if (calls === 2) throw new Error('worker killed');
        },
      }),
    ).rejects.toThrow('worker killed');
    const mid = await Promise.all(bought.map(async (b) => (await orders.findOrder(b.orderId))!));
    expect(mid.map((o) => o.status)).toEqual(['PAID', 'AUTHORIZED', 'AUTHORIZED']); // 2nd captured at Stripe, not yet here
    expect((await db.campaign.findUniqueOrThrow({ where: { id: listing.campaign!.id } })).status).toBe('SUCCEEDED'); // decision already stored

    const again = await campaigns.settleCampaign(listing.campaign!.id);
    expect(again).toMatchObject({ status: 'SUCCEEDED', captured: 1 }); // only the 3rd needed a capture
    for (const b of bought) {
      const o = await waitForStatus(b.orderId, 'PAID');
      expect(captureEvents(o.payments[0].stripePaymentIntentId!)).toHaveLength(1);
      expect(o.history.filter((x) => x.to === 'PAID')).toHaveLength(1);
    }
    expect(failedStripeCalls('capture')).toEqual([]); // Stripe never answered a second capture with an error
    expect(h.logs.filter((l) => /\/capture → 200/.test(l))).toHaveLength(3);
    expect(await jobs('order-paid', bought.map((b) => b.orderId))).toBe(3);
  });

  it('a missed deadline cancels every authorisation, closes open checkouts, and tells each buyer once', async () => {
    const owner = await seller();
    const listing = await publishedListing(owner, { campaign: { minOrders: 3, deadline: inDays(2) } });
    const a = await buy(h, listing.id, 'ann@example.com');
    const b = await buy(h, listing.id, 'bob@example.com');
    await waitForStatus(a.orderId, 'AUTHORIZED');
    await waitForStatus(b.orderId, 'AUTHORIZED');
    // A third buyer opened a checkout but has not paid.
    const { cart, orders, db, campaigns } = await lib();
    const { variant } = await teeVariant();
    const c = await db.cart.create({ data: {} });
    await cart.addToCart(c.id, { listingId: listing.id, variantId: variant.id });
    const open = await orders.startCheckout(c.id, { email: 'cy@example.com', country: 'US' }, null);

    // Only an admin may move the deadline.
    await expect(campaigns.adminSetDeadline(owner, listing.id, { deadline: new Date(Date.now() - 60_000) })).rejects.toMatchObject({ status: 403 });
    const admin = await user('admin@example.com', 'ADMIN');
    const out = await campaigns.adminSetDeadline(admin, listing.id, { deadline: new Date(Date.now() - 60_000) });
    expect(out.settled).toMatchObject({ status: 'FAILED', cancelled: 2, captured: 0, expiredCheckouts: 1 });

    for (const x of [a, b]) {
      const o = await waitForStatus(x.orderId, 'CANCELLED');
      expect(o.payments[0].status).toBe('CANCELLED');
      expect(cancelEvents(o.payments[0].stripePaymentIntentId!)).toHaveLength(1);
      expect(captureEvents(o.payments[0].stripePaymentIntentId!)).toHaveLength(0);
    }
    expect((await orders.findOrder(open.orderId))!.status).toBe('CANCELLED');
    const mails = await db.outboxEmail.findMany({ where: { kind: 'campaign.failed' }, orderBy: { to: 'asc' } });
    expect(mails.map((m) => m.to)).toEqual(['ann@example.com', 'bob@example.com']);
    expect(mails[0].text).toMatch(/not been charged/);
    expect(await jobs('order-paid', [a.orderId, b.orderId, open.orderId])).toBe(0);

    // Re-running (a retried job, a second sweep) cancels nothing twice and mails nobody twice.
    expect(await campaigns.settleCampaign(listing.campaign!.id)).toMatchObject({ status: 'FAILED', cancelled: 0 });
    expect(await db.outboxEmail.count({ where: { kind: 'campaign.failed' } })).toBe(2);
    expect(failedStripeCalls('cancel')).toEqual([]);
    // The listing takes no more orders.
    const c2 = await db.cart.create({ data: {} });
    await expect(cart.addToCart(c2.id, { listingId: listing.id, variantId: variant.id })).rejects.toMatchObject({ status: 409 });
  });

  it('an authorisation that lapsed before capture is not charged and the buyer is told', async () => {
    const owner = await seller();
    const listing = await publishedListing(owner, { campaign: { minOrders: 2, deadline: inDays(3) } });
    const a = await buy(h, listing.id, 'ann@example.com');
    const b = await buy(h, listing.id, 'bob@example.com');
    const oa = await waitForStatus(a.orderId, 'AUTHORIZED');
    await waitForStatus(b.orderId, 'AUTHORIZED');
    h.local.setWebhookUrl('http://127.0.0.1:9/');
    const res = await fetch(`${h.local.url}/_test/payment_intents/${oa.payments[0].stripePaymentIntentId}/expire_authorization`, { method: 'POST', headers: { authorization: 'Bearer sk_test_local' } });
    expect(res.status).toBe(200);
    const { campaigns, db } = await lib();
    const r = await campaigns.settleCampaign(listing.campaign!.id);
    expect(r).toMatchObject({ status: 'SUCCEEDED', captured: 1, lapsed: 1 });
    await waitForStatus(a.orderId, 'CANCELLED');
    await waitForStatus(b.orderId, 'PAID');
    expect(await db.outboxEmail.count({ where: { kind: 'campaign.authorization-lapsed', to: 'ann@example.com' } })).toBe(1);
  });
});
