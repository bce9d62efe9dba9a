// Every query of the pages that must stay fast at a real shop's size (product, listing, shop,
// search, my orders, admin orders, the factory job list) is read from an index. The store's own
// repository functions run against scaled-down data (scripts/seed-scale.ts, then ANALYZE) with
// Prisma's query log on; each captured statement is EXPLAINed with its parameters, and a plan
// that reads a large table by Seq Scan fails.
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PrismaClient } from '../../lib/db/generated/client';

// Large enough that PostgreSQL's planner prefers indexes the way it does at full size (orders,
// listings and shops are a bigger share of the full volume than the rest).
const SCALE = 0.05;
/** A table with at least this many rows in the test data counts as large. */
const LARGE_ROWS = 2_000;
/** The store's fixed catalog: a few dozen rows at any shop size. */
const CATALOG_TABLES = new Set(['Product', 'ProductVariant', 'PrintArea']);

interface Captured {
  query: string;
  params: unknown[];
}
let captured: Captured[] = [];
let client: PrismaClient;
let raw: pg.Client;
let large: Set<string>;
let seeded: Record<string, number>;

beforeAll(async () => {
  // The store's lazily created client (lib/db/client.ts) is this one, with the query log on.
  const logged = new PrismaClient({ adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL!, max: 4 }), log: [{ emit: 'event', level: 'query' }] });
  logged.$on('query', (e) => captured.push({ query: e.query, params: JSON.parse(e.params) as unknown[] }));
  client = logged;
  (globalThis as unknown as { seedprintDb?: PrismaClient }).seedprintDb = client;
  const { seedScale } = await import('../../scripts/seed-scale');
  seeded = await seedScale(SCALE, { listings: 5_000, shops: 250, orders: 20_000 }, (m) => console.log(`[seed:scale] ${m}`));
  raw = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await raw.connect();
  const rows = (await raw.query<{ relname: string; n: number }>(`SELECT relname, reltuples::float8 AS n FROM pg_class WHERE relkind = 'r' AND relnamespace = 'public'::regnamespace`)).rows;
  large = new Set(rows.filter((r) => r.n >= LARGE_ROWS && !CATALOG_TABLES.has(r.relname)).map((r) => r.relname));
}, 300_000);

afterAll(async () => {
  await raw?.end();
  await client?.$disconnect();
});

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  Plans?: PlanNode[];
}
const walk = (n: PlanNode, out: PlanNode[] = []): PlanNode[] => (out.push(n), (n.Plans ?? []).forEach((c) => walk(c, out)), out);

/** Runs `fn` (the page's own data loading) and returns the large tables each of its statements seq-scans. */
async function seqScansOf(fn: () => Promise<unknown>): Promise<{ statements: number; seqScans: string[] }> {
  captured = [];
  await fn();
  const statements = captured.filter((c) => /^\s*(SELECT|WITH|UPDATE|INSERT|DELETE)\b/i.test(c.query));
  const seqScans: string[] = [];
  for (const s of statements) {
    const res = await raw.query<{ 'QUERY PLAN': { Plan: PlanNode }[] }>(`EXPLAIN (FORMAT JSON) ${s.query}`, s.params);
    for (const node of walk(res.rows[0]['QUERY PLAN'][0].Plan)) {
      if (node['Node Type'] === 'Seq Scan' && node['Relation Name'] && large.has(node['Relation Name'])) {
        const text = (await raw.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${s.query}`, s.params)).rows.map((r) => r['QUERY PLAN']).join('\n');
        seqScans.push(`Seq Scan on ${node['Relation Name']}\n${s.query}\n${JSON.stringify(s.params)}\n${text}`);
      }
    }
  }
  return { statements: statements.length, seqScans };
}

describe('the pages read large tables through indexes only', () => {
  it('has seeded a volume where a sequential scan loses', () => {
    expect(seeded.Design).toBeGreaterThanOrEqual(50_000);
    expect(seeded.Order).toBeGreaterThanOrEqual(20_000);
    expect(seeded.OrderStatusEvent).toBeGreaterThan(seeded.Order);
    expect(seeded.PrintFile).toBeGreaterThan(0);
    expect(seeded.TryonPhoto).toBeGreaterThanOrEqual(2_500);
    for (const t of ['Design', 'Order', 'OrderItem', 'OrderStatusEvent', 'FulfillmentJob', 'Listing', 'User']) expect(large.has(t), t).toBe(true);
  });

  const pages: [string, () => Promise<unknown>][] = [
    ['product', async () => (await import('../../lib/catalog')).findProductBySlug('tee')],
    [
      'listing',
      async () => {
        const sellers = await import('../../lib/sellers');
        const page = await sellers.getPublicListing('scale-listing-55'); // a campaign listing: its sold orders are counted
        expect(page?.progress).toBeTruthy();
        sellers.recordListingView(page!.listing.id);
        await sellers.flushListingViews();
      },
    ],
    ['shop', async () => expect((await (await import('../../lib/sellers')).getShop('scale-shop-5'))?.cards.some((c) => c.progress)).toBe(true)],
    ['search', async () => expect((await (await import('../../lib/catalog')).searchCatalog('hearts')).listings.length).toBeGreaterThan(0)],
    [
      'my orders',
      async () => {
        const { listOrdersForUser } = await import('../../lib/orders');
        const { findUserById } = await import('../../lib/auth/users');
        const user = (await findUserById('scu7'))!;
        // The page's session lookup (a session of that shopper, as sign-in stores it).
        await raw.query(`INSERT INTO "Session" (id, "sessionToken", "userId", expires) VALUES ('scale-explain', 'scale-explain-token', 'scu7', now() + interval '1 day') ON CONFLICT DO NOTHING`);
        expect((await (await import('../../lib/auth')).getUserFromSessionToken('scale-explain-token'))?.id).toBe('scu7');
        expect((await listOrdersForUser(user.id, user.email)).length).toBeGreaterThan(0);
      },
    ],
    [
      'admin orders',
      async () => {
        const { searchOrders } = await import('../../lib/orders');
        const first = await searchOrders({ take: 100 });
        expect(first).toHaveLength(100);
        expect(await searchOrders({ take: 51, before: first[99].id })).toHaveLength(51); // the next page
        expect(await searchOrders({ status: 'SHIPPED', take: 51, before: first[99].id })).toHaveLength(51);
        expect((await searchOrders({ status: 'SHIPPED', take: 100 })).length).toBeGreaterThan(0);
        expect((await searchOrders({ text: 'SP-0000123', take: 100 })).length).toBe(1);
        expect((await searchOrders({ text: 'shopper42@scale', take: 100 })).length).toBeGreaterThan(0);
      },
    ],
    [
      'factory job list',
      async () => {
        const { authenticateFactory, createApiKey, listJobPage } = await import('../../lib/fulfillment');
        const [{ id: factoryId }] = (await raw.query<{ id: string }>(`SELECT "factoryId" AS id FROM "FulfillmentJob" WHERE "factoryId" IS NOT NULL LIMIT 1`)).rows;
        const { key } = await createApiKey(factoryId, 'scale-explain');
        captured = []; // the key lookup and its rate-limit count, as each API call makes them
        expect((await authenticateFactory(`Bearer ${key}`)).id).toBe(factoryId);
        const first = await listJobPage(factoryId, { status: 'ready', limit: 20 });
        expect(first.next_cursor).toBeTruthy();
        await listJobPage(factoryId, { status: 'ready', limit: 20, starting_after: first.next_cursor! });
        const own = await listJobPage(factoryId, { status: 'printed', limit: 100 });
        await listJobPage(factoryId, { status: 'printed', limit: 100, starting_after: own.next_cursor! });
      },
    ],
  ];

  for (const [page, load] of pages) {
    it(`${page}: no Seq Scan on a large table`, async () => {
      const { statements, seqScans } = await seqScansOf(load);
      expect(statements).toBeGreaterThan(0);
      expect(seqScans).toEqual([]);
    });
  }
});
