// Page latency at a real shop's size (issue #26), on loopback against `next start`: the product,
// listing, shop, search, my-orders, admin-orders pages and the factory job list (first page and a
// page by cursor), each under 20 connections for 10 s. Measured twice in one database: nearly
// empty (the smallest volume of scripts/seed-scale.ts: 5 shops, 100 orders), then after those rows
// are cleared and the full volume is seeded (1 M designs, 100 k orders, 10 k listings in 500 shops,
// 50 k try-on photos). Goal: p95 ≤ 100 ms at full size.
import { randomBytes } from 'node:crypto';
import autocannon from 'autocannon';
import type { Metrics } from './types';
import { startStore } from './store-server';

const CONNECTIONS = 20;
const SECONDS = 10;

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

interface Page {
  name: string;
  path: string;
  headers?: Record<string, string>;
}

async function load(base: string, page: Page) {
  const url = `${base}${page.path}`;
  for (let i = 0; i < 10; i++) {
    const r = await fetch(url, { headers: page.headers, redirect: 'manual' });
    await r.arrayBuffer();
    if (r.status !== 200) throw new Error(`${page.name}: ${url} answered ${r.status}`);
  }
  const latencies: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({ url, headers: page.headers, connections: CONNECTIONS, duration: SECONDS }, (err, res) => (err ? reject(err) : resolve(res)));
    instance.on('response', (_client, _status, _bytes, ms) => latencies.push(ms));
  });
  latencies.sort((a, b) => a - b);
  return { p95: round(percentile(latencies, 95)), p50: round(percentile(latencies, 50)), requests: latencies.length, errors: result.errors + result.timeouts + (result.non2xx ?? 0) };
}

const round = (n: number) => Math.round(n * 10) / 10;

type Measured = Record<string, Awaited<ReturnType<typeof load>>>;

/** The pages at `storeUrl`, whose database is the one lib/db/client opens (DATABASE_URL). */
async function pageMeasurer(storeUrl: string): Promise<(label: string) => Promise<Measured>> {
  const { db } = await import('../lib/db/client');
  const { createApiKey, listFactories } = await import('../lib/fulfillment');
  const { ensureUserWithRole } = await import('../lib/auth/users');

  const session = async (userId: string) => {
    const sessionToken = randomBytes(32).toString('hex');
    await db.session.create({ data: { sessionToken, userId, expires: new Date(Date.now() + 24 * 3600_000) } });
    return { cookie: `authjs.session-token=${sessionToken}` };
  };
  const admin = await ensureUserWithRole('bench-admin@seedprint.local', 'ADMIN');
  const adminHeaders = await session(admin.id);
  const [factory] = await listFactories();
  const key = await createApiKey(factory.id, 'bench');
  const factoryHeaders = { authorization: `Bearer ${key.key}` };

  const pagesAt = async (): Promise<Page[]> => {
    // A job in the middle of the ready list: the page after it is what a factory paging through asks.
    const ready = await db.$queryRawUnsafe<{ id: string }[]>(`SELECT id FROM "FulfillmentJob" WHERE status = 'READY' AND "factoryId" IS NULL ORDER BY "createdAt", id OFFSET (SELECT count(*) / 2 FROM "FulfillmentJob" WHERE status = 'READY' AND "factoryId" IS NULL) LIMIT 1`);
    return [
      { name: 'product', path: '/products/tee' },
      { name: 'listing', path: '/listings/scale-listing-5' },
      { name: 'shop', path: '/shops/scale-shop-3' },
      { name: 'search', path: '/search?q=hearts' },
      { name: 'my_orders', path: '/account/orders', headers: await session('scu7') },
      { name: 'admin_orders', path: '/admin/orders', headers: adminHeaders },
      { name: 'factory_jobs', path: '/api/factory/v1/jobs?limit=20', headers: factoryHeaders },
      { name: 'factory_jobs_cursor', path: `/api/factory/v1/jobs?limit=20&starting_after=${ready[0].id}`, headers: factoryHeaders },
    ];
  };
  return async (label: string) => {
    const out: Measured = {};
    for (const page of await pagesAt()) {
      out[page.name] = await load(storeUrl, page);
      console.log(`[bench] scale ${label} ${page.name}: p95 ${out[page.name].p95} ms, p50 ${out[page.name].p50} ms, ${out[page.name].requests} requests, ${out[page.name].errors} errors`);
    }
    return out;
  };
}

export async function benchScale(): Promise<Metrics> {
  // Factory pages are not to be refused by the factory API's rate limit (all from one key).
  const store = await startStore({ FACTORY_API_RATE_LIMIT: '10000000' });
  try {
    process.env.DATABASE_URL = store.databaseUrl;
    const { seedScale, clearScaleData } = await import('../scripts/seed-scale');
    const measure = await pageMeasurer(store.url);

    await seedScale(0);
    const empty = await measure('empty');
    await clearScaleData(0);
    const t = Date.now();
    const counts = await seedScale(1, {}, (m) => console.log(`[bench] seed:scale ${m}`));
    const seedSeconds = Math.round((Date.now() - t) / 1000);
    const full = await measure('full');

    const metrics: Metrics = {
      'scale.seed_s': { value: seedSeconds, unit: 's', better: 'lower', note: `${counts.Design} designs, ${counts.Order} orders, ${counts.Listing} listings, ${counts.TryonPhoto} try-on photos` },
    };
    for (const name of Object.keys(full)) {
      const f = full[name];
      const e = empty[name];
      metrics[`scale.${name}_p95_ms`] = { value: f.p95, unit: 'ms', goal: 100, better: 'lower', note: `${f.requests} requests, ${CONNECTIONS} connections, ${SECONDS} s, ${f.errors} errors; p50 ${f.p50} ms` };
      metrics[`scale.${name}_p95_empty_ms`] = { value: e.p95, unit: 'ms', better: 'lower', note: `${e.requests} requests, ${e.errors} errors; p50 ${e.p50} ms` };
      metrics[`scale.${name}_errors`] = { value: f.errors + e.errors, unit: 'count', goal: 0, better: 'lower' };
    }
    return metrics;
  } finally {
    const { disconnectDb } = await import('../lib/db/client');
    await disconnectDb();
    await store.stop();
  }
}

// `npx tsx bench/scale.ts --store <url>` with DATABASE_URL set: the pages of a store already
// running on an already seeded database (npm run seed:scale), measured once.
if (import.meta.url === `file://${process.argv[1]}`) {
  const at = process.argv.indexOf('--store');
  if (at < 0 || !process.env.DATABASE_URL) {
    console.error('usage: DATABASE_URL=… npx tsx bench/scale.ts --store http://127.0.0.1:3000');
    process.exit(2);
  }
  const measure = await pageMeasurer(process.argv[at + 1]);
  await measure('store');
  const { disconnectDb } = await import('../lib/db/client');
  await disconnectDb();
}
