// GET /jobs pages through every job, oldest first by (createdAt, id), Stripe-style:
// ?limit=1..100 (default 20) &starting_after=<next_cursor>, answering { jobs, has_more, next_cursor }.
import { beforeAll, describe, expect, it } from 'vitest';
import { db, Prisma } from '../../lib/db/client';
import { createApiKey, createFactory } from '../../lib/fulfillment';
import { resetDatabase } from '../setup/db';
import { makeReadyJobs } from './factory-fixtures';
import * as listRoute from '../../app/api/factory/v1/jobs/route';
import * as claimRoute from '../../app/api/factory/v1/jobs/[id]/claim/route';

const base = 'http://localhost/api/factory/v1';
let keyA: string;
let keyB: string;
let expected: string[]; // every READY job id in (createdAt, id) order

const ctx = <P>(params: P) => ({ params: Promise.resolve(params) });
async function list(key: string, query: string) {
  const res = await listRoute.GET(new Request(`${base}/jobs?${query}`, { headers: { authorization: `Bearer ${key}` } }), ctx({}));
  return { status: res.status, body: await res.json() };
}
async function allPages(key: string, query: string, between?: (cursor: string, page: number) => Promise<void>) {
  const ids: string[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < 50; page++) {
    const { status, body } = await list(key, `${query}${cursor ? `&starting_after=${cursor}` : ''}`);
    expect(status).toBe(200);
    ids.push(...body.jobs.map((j: { id: string }) => j.id));
    if (!body.has_more) {
      expect(body.next_cursor).toBeNull();
      return ids;
    }
    expect(body.next_cursor).toBe(body.jobs.at(-1).id);
    cursor = body.next_cursor as string;
    await between?.(cursor, page);
  }
  throw new Error('more than 50 pages');
}

beforeAll(async () => {
  await resetDatabase();
  process.env.FACTORY_API_RATE_LIMIT ??= '100000';
  keyA = (await createApiKey((await createFactory('Factory A')).id, 'test')).key;
  keyB = (await createApiKey((await createFactory('Factory B')).id, 'test')).key;
  // 130 jobs (more than the old fixed 100), in groups of five sharing one createdAt to the
  // millisecond, so only the id tells them apart: the order must still be total and stable.
  const t0 = Date.UTC(2026, 0, 1);
  await makeReadyJobs(130, { createdAt: (i) => new Date(t0 + Math.floor(i / 5) * 1000) });
  const rows = await db.fulfillmentJob.findMany({ where: { status: 'READY' }, select: { id: true, createdAt: true } });
  expected = rows.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).map((r) => r.id);
});

describe('GET /jobs pagination', () => {
  it('pages through all 130 ready jobs in (createdAt, id) order, 20 by default', async () => {
    const first = await list(keyA, 'status=ready');
    expect(first.body.jobs).toHaveLength(20);
    expect(first.body.has_more).toBe(true);
    expect(await allPages(keyA, 'status=ready')).toEqual(expected);
    expect(await allPages(keyA, 'status=ready&limit=7')).toEqual(expected);
    const big = await list(keyA, 'limit=100');
    expect(big.body.jobs.map((j: { id: string }) => j.id)).toEqual(expected.slice(0, 100));
    expect(big.body.has_more).toBe(true);
    const rest = await list(keyA, `limit=100&starting_after=${big.body.next_cursor}`);
    expect(rest.body.jobs.map((j: { id: string }) => j.id)).toEqual(expected.slice(100));
    expect(rest.body).toMatchObject({ has_more: false, next_cursor: null });
  });

  it('neither skips nor repeats a job when jobs are claimed between pages', async () => {
    // While A pages through the ready list, factory B claims the job A's cursor names (so the
    // cursor no longer is in the list) or the first job of A's next page.
    const claimedByB: string[] = [];
    const ahead: string[] = []; // claimed before A's page reached them
    const seen = await allPages(keyA, 'status=ready&limit=10', async (cursor, page) => {
      const target = page % 2 ? expected[expected.indexOf(cursor) + 1] : cursor;
      if (page % 2) ahead.push(target);
      const res = await claimRoute.POST(new Request(`${base}/jobs/${target}/claim`, { method: 'POST', headers: { authorization: `Bearer ${keyB}` } }), ctx({ id: target }));
      expect(res.status).toBe(200);
      claimedByB.push(target);
    });
    expect(claimedByB.length).toBeGreaterThan(8);
    expect(new Set(seen).size).toBe(seen.length);
    // Every job that was still ready when its page was read appears once, in order.
    expect(seen).toEqual(expected.filter((id) => seen.includes(id)));
    expect(seen.filter((id) => ahead.includes(id))).toEqual([]);
    expect([...new Set([...seen, ...claimedByB])].sort()).toEqual([...expected].sort());
    // B's own list pages too.
    expect(await allPages(keyB, 'status=claimed&limit=2')).toEqual(expected.filter((id) => claimedByB.includes(id)));
    expect((await list(keyA, 'status=claimed')).body).toEqual({ jobs: [], has_more: false, next_cursor: null });
  });

  it('reads pages from an index, in (createdAt, id) order, without sorting', async () => {
    const cursor = await db.fulfillmentJob.findFirstOrThrow({ where: { id: expected[50] } });
    const factoryId = (await db.factory.findFirstOrThrow({ where: { name: 'Factory B' } })).id;
    const explain = (owner: string | null) =>
      db.$transaction(async (tx) => {
        // 130 rows: the planner would rather scan and sort. Sorting disabled, a plan without a Sort
        // node exists only if an index delivers the rows in (createdAt, id) order.
        for (const off of ['enable_seqscan', 'enable_bitmapscan', 'enable_sort']) await tx.$executeRawUnsafe(`SET LOCAL ${off} = off`);
        const rows = await tx.$queryRaw<{ 'QUERY PLAN': string }[]>`
          EXPLAIN SELECT id FROM "FulfillmentJob"
          WHERE status = ${owner ? 'CLAIMED' : 'READY'}::"FulfillmentStatus" AND ${owner ? Prisma.sql`"factoryId" = ${owner}` : Prisma.sql`"factoryId" IS NULL`}
            AND "createdAt" >= ${cursor.createdAt} AND ("createdAt" > ${cursor.createdAt} OR id > ${cursor.id})
          ORDER BY "createdAt" ASC, id ASC LIMIT 21`;
        return rows.map((r) => r['QUERY PLAN']).join('\n');
      });
    for (const plan of [await explain(null), await explain(factoryId)]) {
      expect(plan, plan).toMatch(/Index (Only )?Scan using "?FulfillmentJob_status_/);
      expect(plan, plan).not.toMatch(/Sort/);
    }
  });

  it('refuses limits outside 1–100 and cursors that name no job with 400', async () => {
    for (const q of ['limit=0', 'limit=101', 'limit=abc', 'limit=2.5', 'limit=', 'starting_after=nope%00', 'starting_after=doesnotexist', `starting_after=${'a'.repeat(65)}`]) {
      const { status, body } = await list(keyA, q);
      expect(status, q).toBe(400);
      expect(body.error.message, q).toMatch(/limit|starting_after/);
    }
  });
});
