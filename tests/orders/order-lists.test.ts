// The shopper's and the admin's order lists (lib/orders listOrdersForUser / searchOrders) against
// a real database: whose orders each shows, what each row carries, text search taken literally,
// the status filter and paging by the last row.
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../lib/db/client';
import { resetDatabase } from '../setup/db';

const lib = () => import('../../lib/orders');

beforeEach(async () => {
  await resetDatabase();
});

let n = 0;
async function order(o: { email: string; userId?: string | null; status?: 'PAID' | 'SHIPPED' | 'CANCELLED'; items?: { productName: string; quantity: number }[]; minutesAgo?: number; number?: string }) {
  n += 1;
  const items = o.items ?? [{ productName: 'Tee', quantity: 1 }];
  return db.order.create({
    data: {
      number: o.number ?? `SP-T${String(n).padStart(4, '0')}`,
      email: o.email,
      userId: o.userId ?? null,
      status: o.status ?? 'PAID',
      shippingZone: 'US',
      shippingCountry: 'US',
      currency: 'usd',
      subtotalMinor: 1000 * n,
      shippingMinor: 0,
      totalMinor: 1000 * n,
      createdAt: new Date(Date.now() - (o.minutesAgo ?? n) * 60_000),
      items: {
        create: items.map((i) => ({ designId: null, productSlug: i.productName.toLowerCase(), productName: i.productName, variantLabel: 'M', sku: 'X-M', unitPriceMinor: 1000, quantity: i.quantity, repeatIn: 4, recipe: { prompt: 'red hearts' } })),
      },
    },
    include: { items: true },
  });
}

describe('listOrdersForUser', () => {
  it("shows the shopper's own orders and their guest orders (e-mail in any case), newest first, with their items", async () => {
    const { ensureUserWithRole } = await import('../../lib/auth');
    const me = await ensureUserWithRole('me@example.com', 'SHOPPER');
    const other = await ensureUserWithRole('other@example.com', 'SHOPPER');
    const mine = await order({ email: 'me@example.com', userId: me.id, minutesAgo: 30, items: [{ productName: 'Mug', quantity: 2 }, { productName: 'Tee', quantity: 1 }] });
    const guest = await order({ email: 'ME@Example.com', minutesAgo: 10, status: 'SHIPPED' });
    await order({ email: 'other@example.com', userId: other.id, minutesAgo: 5 });
    await order({ email: 'me@example.com.evil', minutesAgo: 1 });
    const { listOrdersForUser } = await lib();
    const list = await listOrdersForUser(me.id, me.email);
    expect(list.map((o) => o.id)).toEqual([guest.id, mine.id]);
    expect(list[0]).toMatchObject({ number: guest.number, status: 'SHIPPED', totalMinor: guest.totalMinor, currency: 'usd' });
    expect(list[0].createdAt).toBeInstanceOf(Date);
    expect(list[0].createdAt.getTime()).toBe(guest.createdAt.getTime());
    expect(list[1].items).toEqual(mine.items.map((i) => ({ id: i.id, designId: null, quantity: i.quantity, productName: i.productName })).sort((a, b) => a.id.localeCompare(b.id)));
    expect(await listOrdersForUser(other.id, other.email)).toHaveLength(1);
  });
});

describe('searchOrders', () => {
  it('finds text in the number or e-mail in any case, or the exact id, and counts the items', async () => {
    const a = await order({ email: 'Alice@Example.com', number: 'SP-ALPHA1', items: [{ productName: 'Mug', quantity: 3 }, { productName: 'Tee', quantity: 2 }] });
    const b = await order({ email: 'bob@example.com', number: 'SP-BRAVO2' });
    const { searchOrders } = await lib();
    expect((await searchOrders({ text: 'alice@' })).map((o) => o.id)).toEqual([a.id]);
    expect((await searchOrders({ text: 'bravo' })).map((o) => o.id)).toEqual([b.id]);
    expect((await searchOrders({ text: b.id })).map((o) => o.id)).toEqual([b.id]);
    const [row] = await searchOrders({ text: 'SP-ALPHA1' });
    expect(row).toMatchObject({ id: a.id, number: 'SP-ALPHA1', email: 'Alice@Example.com', status: 'PAID', totalMinor: a.totalMinor, currency: 'usd', itemCount: 5 });
    expect(row.createdAt.getTime()).toBe(a.createdAt.getTime());
    // LIKE wildcards in the text are matched literally.
    expect(await searchOrders({ text: '%' })).toEqual([]);
    expect(await searchOrders({ text: 'SP_ALPHA1' })).toEqual([]);
    expect((await searchOrders({})).length).toBe(2);
  });

  it('filters by status and pages newest first by the last row, without skipping or repeating', async () => {
    const made = [];
    for (let i = 0; i < 7; i++) made.push(await order({ email: `s${i}@example.com`, status: i % 2 ? 'SHIPPED' : 'PAID', minutesAgo: 100 - i }));
    // Two orders placed at the same instant are still told apart (by id).
    const same = new Date(Date.now() - 50 * 60_000);
    await db.order.updateMany({ where: { id: { in: [made[5].id, made[6].id] } }, data: { createdAt: same } });
    const { searchOrders } = await lib();
    const seen: string[] = [];
    let before: string | undefined;
    for (;;) {
      const page = await searchOrders({ take: 3, before });
      seen.push(...page.map((o) => o.id));
      if (page.length < 3) break;
      before = page[page.length - 1].id;
    }
    expect(seen).toHaveLength(7);
    expect(seen.slice(0, 2)).toEqual([made[5].id, made[6].id].sort().reverse());
    expect(seen.slice(2)).toEqual([made[4].id, made[3].id, made[2].id, made[1].id, made[0].id]);
    expect((await searchOrders({ status: 'SHIPPED' })).map((o) => o.id)).toEqual([made[5].id, made[3].id, made[1].id]);
    expect(await searchOrders({ before: 'no-such-order' })).toEqual([]);
  });
});
