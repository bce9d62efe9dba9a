// Seller prices per size: each size has its own floor (its cost + the store's margin), the cart
// and the Stripe Checkout line items charge the size's price (through the local Stripe server),
// listings from before per-size prices keep their single price for every size (the migration's
// backfill), and campaign pre-orders are labelled with the campaign's end and a delivery estimate.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { configureEnv, inDays, lib, makeDesign, seller, withStripeStore, waitForStatus, type StripeHarness } from './helpers';

configureEnv();
const harness = withStripeStore();
let h: StripeHarness;
beforeAll(() => {
  h = harness();
});

const posterVariant = async (size: string) => {
  const { catalog } = await lib();
  const poster = (await catalog.findProductBySlug('poster'))!;
  return poster.variants.find((v) => v.size === size)!;
};

async function publishedPoster(sizePrices: Record<string, number | string>, campaign: { minOrders: number; deadline: Date } | null = null) {
  const { sellers } = await lib();
  const owner = await seller();
  const listing = await sellers.createListing(owner, {
    design: await makeDesign('red hearts on navy', owner.id),
    title: 'Hearts poster',
    products: [{ product: 'poster', sizePrices }, { product: 'mug', priceMinor: 1500 }],
    campaign,
  });
  await sellers.handleListingPhotos({ listingId: listing.id });
  return sellers.publishListing(owner, listing.id);
}

/** The Checkout Session's line items as the local Stripe server holds them, with their product. */
async function stripeLines(sessionId: string) {
  const { stripe } = await lib();
  const items = await stripe().checkout.sessions.listLineItems(sessionId, { expand: ['data.price.product'] });
  return items.data.map((li) => {
    const product = li.price!.product as { name: string; description: string | null };
    return { name: product.name, description: product.description, unit: li.price!.unit_amount, quantity: li.quantity, total: li.amount_total };
  });
}

describe('seller prices per size', () => {
  it('each size has its own floor: its cost + 30 %, shown per size', async () => {
    const { sellers, catalog } = await lib();
    const poster = (await catalog.findProductBySlug('poster'))!;
    const f = sellers.floorFor(poster as Parameters<typeof sellers.floorFor>[0]);
    expect(f.sizes.map((s) => [s.size, s.floorMinor, s.maxCostMinor, s.retailMinor])).toEqual([
      ['12x18', 910, 700, 1900],
      ['18x24', 1430, 1100, 2900],
      ['24x36', 2210, 1700, 4500],
    ]);
    // The mug has no sizes: one floor for the product.
    const mug = (await catalog.findProductBySlug('mug'))!;
    expect(sellers.floorFor(mug as Parameters<typeof sellers.floorFor>[0]).sizes).toEqual([{ size: null, floorMinor: 845, maxCostMinor: 650, retailMinor: 1800 }]);
  });

  it('refuses a size below its own floor with 400 naming the size and its floor; stores every size', async () => {
    const { sellers, db } = await lib();
    const owner = await seller();
    const design = await makeDesign('red hearts on navy', owner.id);
    const create = (sizePrices: Record<string, number | string>, priceMinor?: number) =>
      sellers.createListing(owner, { design, title: 'Poster', products: [{ product: 'poster', sizePrices, ...(priceMinor ? { priceMinor } : {}) }] });
    await expect(create({ '12x18': 1900, '18x24': 2900, '24x36': 2209 })).rejects.toMatchObject({
      status: 400,
      code: 'price_below_floor',
      message: 'Matte Poster (24x36): the price must be at least $22.10 (production cost $17.00 + 30 % store margin); you asked $22.09.',
    });
    await expect(create({ '12x18': 1900, '36x48': 9000 }, 4500)).rejects.toMatchObject({ status: 400, code: 'unknown_size', message: expect.stringContaining('"36x48" is not one of its sizes (12x18, 18x24, 24x36)') });
    await expect(create({ '12x18': 1900 })).rejects.toMatchObject({ status: 400, code: 'price_missing', message: 'Matte Poster (18x24): enter a price (at least $14.30).' });
    expect(await db.listing.count()).toBe(0);
    // The floor of the small size is far below the big size's: $19 for 12×18 is fine now.
    const ok = await create({ '12x18': '19.00', '24x36': 4500 }, 2900); // 18x24 takes the price for every size
    expect(ok.products[0]).toMatchObject({ priceMinor: 1900, sizePrices: { '12x18': 1900, '18x24': 2900, '24x36': 4500 } });
  });

  it('cart lines and the Stripe Checkout line items charge each size its own price', async () => {
    const listing = await publishedPoster({ '12x18': 1900, '18x24': 2900, '24x36': 4500 });
    const { cart, db, orders } = await lib();
    const c = await db.cart.create({ data: {} });
    await cart.addToCart(c.id, { listingId: listing.id, variantId: (await posterVariant('12x18')).id, quantity: 2 });
    await cart.addToCart(c.id, { listingId: listing.id, variantId: (await posterVariant('24x36')).id, quantity: 1 });
    const view = (await cart.getCart(c.id))!;
    expect(view.items.map((i) => [i.variant.size, i.variant.priceMinor, i.preorder])).toEqual(
      expect.arrayContaining([
        ['12x18', 1900, null],
        ['24x36', 4500, null],
      ]),
    );
    expect(cart.cartTotals(view).subtotalMinor).toBe(2 * 1900 + 4500);

    const { orderId } = await orders.startCheckout(c.id, { email: 'ann@example.com', country: 'US' }, null);
    const order = (await orders.findOrder(orderId))!;
    expect(order.items.map((i) => [i.variantLabel, i.unitPriceMinor, i.quantity]).sort()).toEqual([
      ['Matte / 12x18', 1900, 2],
      ['Matte / 24x36', 4500, 1],
    ]);
    expect(order.subtotalMinor).toBe(8300);
    const lines = await stripeLines(order.stripeCheckoutSessionId!);
    expect(lines.map((l) => [l.description?.split(' — ')[0], l.unit, l.quantity, l.total]).sort()).toEqual([
      ['Matte / 12x18', 1900, 2, 3800],
      ['Matte / 24x36', 4500, 1, 4500],
    ]);
    expect(lines.every((l) => l.name === 'Matte Poster' && !/pre-order/i.test(`${l.name} ${l.description}`))).toBe(true);
  });

  it('a listing from before per-size prices keeps its single price for every size (migration backfill)', async () => {
    const { db, cart } = await lib();
    const listing = await publishedPoster({ '12x18': 2500, '18x24': 2500, '24x36': 2500 });
    // As the table was before the migration: one price, no sizes.
    await db.listingProduct.updateMany({ where: { listingId: listing.id }, data: { sizePrices: {} } });
    const dir = path.resolve(import.meta.dirname, '../../prisma/migrations');
    const migration = fs.readdirSync(dir).find((d) => d.endsWith('_listing_size_prices'))!;
    const sql = fs.readFileSync(path.join(dir, migration, 'migration.sql'), 'utf8');
    await db.$executeRawUnsafe(sql.slice(sql.indexOf('UPDATE "ListingProduct"')));
    const rows = await db.listingProduct.findMany({ where: { listingId: listing.id }, orderBy: { priceMinor: 'asc' } });
    expect(rows.map((r) => [r.priceMinor, r.sizePrices])).toEqual([
      [1500, {}], // the mug has no sizes
      [2500, { '12x18': 2500, '18x24': 2500, '24x36': 2500 }],
    ]);
    const c = await db.cart.create({ data: {} });
    await cart.addToCart(c.id, { listingId: listing.id, variantId: (await posterVariant('18x24')).id });
    expect((await cart.getCart(c.id))!.items[0].variant.priceMinor).toBe(2500);
  });
});

describe('campaign pre-orders', () => {
  it('are labelled in the cart, on the Stripe line items and in the confirmation e-mail, with the end date and a delivery estimate after it', async () => {
    const deadline = inDays(3);
    const listing = await publishedPoster({ '12x18': 1900, '18x24': 2900, '24x36': 4500 }, { minOrders: 1, deadline });
    const { cart, db, orders, campaigns } = await lib();
    const { preorderEstimate } = await import('../../lib/listings');
    const c = await db.cart.create({ data: {} });
    await cart.addToCart(c.id, { listingId: listing.id, variantId: (await posterVariant('24x36')).id });
    const view = (await cart.getCart(c.id))!;
    expect(view.items[0].preorder).toEqual({ campaignId: listing.campaign!.id, deadline });
    expect(view.items[0].variant.priceMinor).toBe(4500);

    const estimate = preorderEstimate(deadline, [3, 6]); // United States
    expect(estimate.earliest.getTime()).toBeGreaterThan(deadline.getTime() + 4 * 86_400_000 - 1); // 4 business days at least
    const { orderId } = await orders.startCheckout(c.id, { email: 'pre@example.com', country: 'US' }, null);
    const order = (await orders.findOrder(orderId))!;
    const [line] = await stripeLines(order.stripeCheckoutSessionId!);
    expect(line.name).toBe('Pre-order: Matte Poster');
    expect(line.description).toContain(`campaign ends on ${estimate.endsOn}`);
    expect(line.description).toContain(`estimated delivery ${estimate.arrives}`);
    expect(line.unit).toBe(4500);

    // Paid (authorised), then captured when the campaign reaches its minimum: the confirmation.
    const res = await fetch(`${h.local.url}/_test/checkout/sessions/${order.stripeCheckoutSessionId}/pay`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: 'Bearer sk_test_local' },
      body: new URLSearchParams({ card: '4242424242424242', name: 'Ada Shopper', line1: '1 Main St', city: 'Springfield', postal_code: '12345', country: 'US' }),
    });
    expect(res.status).toBeLessThan(400);
    await waitForStatus(orderId, 'AUTHORIZED');
    await campaigns.settleCampaign(listing.campaign!.id);
    await waitForStatus(orderId, 'PAID');
    const mail = await db.outboxEmail.findFirstOrThrow({ where: { to: 'pre@example.com', kind: 'order-confirmation' } });
    expect(mail.text).toContain(`This is a pre-order: it is printed after the campaign ends on ${estimate.endsOn}, estimated delivery ${estimate.arrives}.`);
    expect(mail.text).toContain('1 × Pre-order: Matte Poster (Matte / 24x36) — $45.00');
    expect(mail.text).not.toMatch(/business days/);
  });
});
