// Issue 23 item 6: the studio's rate limit counts per real client (signed-in user or existing cart,
// AND the socket address), cannot be dodged with made-up cookies or X-Forwarded-For, and lives in
// PostgreSQL, so two app instances (here: two processes) share it.
process.env.GENERATION_MODEL_DIR = 'tests/generation/fixtures/standin';
process.env.GENERATION_RATE_BURST = '3';
process.env.GENERATION_RATE_PER_MINUTE = '0.01'; // no refill while a test runs, however slow the machine
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { POST as generate } from '../../app/api/generate/route';
import { db } from '../../lib/db/client';
import { renderQueue } from '../../lib/generation/queue';
import { ADDRESS_SHARE, takeOrThrow } from '../../lib/generation/rate-limit';
import { takeTokens } from '../../lib/generation/rate-limit-repository';
import { resetDatabase } from '../setup/db';
import { fromAddress } from './support/peer';

const root = path.resolve(import.meta.dirname, '../..');
let n = 0;

let lastRetryAfter: string | null = null;

async function post(headers: Record<string, string>): Promise<number> {
  const res = await generate(
    new Request('http://test/api/generate', { method: 'POST', body: JSON.stringify({ prompt: 'dots', seed: n++, steps: 1 }), headers: { 'content-type': 'application/json', ...headers } }),
    undefined as never,
  );
  await res.text();
  lastRetryAfter = res.headers.get('retry-after');
  return res.status;
}

beforeEach(async () => {
  await resetDatabase();
});

describe('generation rate limit keys', () => {
  it('rotating made-up sp_cart cookies and X-Forwarded-For from one address still gets 429', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      statuses.push(await post({ ...fromAddress('203.0.113.50'), cookie: `sp_cart=cfake${i}${'x'.repeat(20)}; seedprint_cart=fake${i}`, 'x-forwarded-for': `198.51.100.${i + 1}` }));
    }
    expect(statuses).toEqual([200, 200, 200, 429, 429, 429]);
    expect(Number(lastRetryAfter)).toBeGreaterThanOrEqual(1); // the wait, as a header a client can act on
  });

  it('anonymous visitors on different addresses do not share one bucket', async () => {
    for (let i = 0; i < 3; i++) expect(await post(fromAddress('203.0.113.60'))).toBe(200);
    expect(await post(fromAddress('203.0.113.60'))).toBe(429);
    expect(await post(fromAddress('203.0.113.61'))).toBe(200);
    expect(await post(fromAddress('2001:db8:5:6::1'))).toBe(200);
  });

  it('a request refused because the studio is busy (503) spends none of the shopper’s generations', async () => {
    const q = renderQueue();
    const gates: (() => void)[] = [];
    let settled = 0;
    const holds = Array.from({ length: q.concurrency + q.maxWaiting }, () => q.run(() => new Promise<void>((r) => gates.push(r))).finally(() => settled++));
    for (let i = 0; i < 5; i++) expect(await post(fromAddress('203.0.113.90'))).toBe(503);
    while (settled < holds.length) {
      gates.shift()?.();
      await new Promise((r) => setTimeout(r, 1));
    }
    for (let i = 0; i < 3; i++) expect(await post(fromAddress('203.0.113.90'))).toBe(200); // the whole burst is still there
    expect(await post(fromAddress('203.0.113.90'))).toBe(429);
  });

  it('a real cart is its own bucket, but one address gets at most ADDRESS_SHARE carts’ worth', async () => {
    const carts = await Promise.all(Array.from({ length: ADDRESS_SHARE + 1 }, () => db.cart.create({ data: {} })));
    const statuses: number[][] = [];
    for (const c of carts) {
      const row: number[] = [];
      for (let i = 0; i < 4; i++) row.push(await post({ ...fromAddress('203.0.113.70'), cookie: `sp_cart=${c.id}` }));
      statuses.push(row);
    }
    for (const row of statuses.slice(0, ADDRESS_SHARE)) expect(row).toEqual([200, 200, 200, 429]);
    expect(statuses[ADDRESS_SHARE]).toEqual([429, 429, 429, 429]); // the address is spent
    // the same cart from another address is still the same (spent) shopper
    expect(await post({ ...fromAddress('203.0.113.71'), cookie: `sp_cart=${carts[0].id}` })).toBe(429);
  }, 180_000);
});

describe('token buckets in PostgreSQL', () => {
  it('burst, refill over time, separate keys, all-or-nothing over a client’s buckets', async () => {
    const t0 = new Date('2030-01-01T00:00:00Z');
    const at = (s: number) => new Date(t0.getTime() + s * 1000);
    const b = { key: 't:a', capacity: 3, perMinute: 6 }; // one token per 10 s
    expect(await takeTokens(b, 1, at(0))).toBe(2);
    expect(await takeTokens(b, 2, at(0))).toBe(0);
    expect(await takeTokens(b, 1, at(0))).toBeNull();
    expect(await takeTokens({ ...b, key: 't:b' }, 1, at(0))).toBe(2);
    expect(await takeTokens(b, 1, at(5))).toBeNull();
    expect(await takeTokens(b, 1, at(10))).toBeCloseTo(0, 5);
    expect(await takeTokens(b, 1, at(1000))).toBe(2); // never above capacity
    // a client refused by its address bucket keeps its identity tokens
    const limit = { capacity: 2, perMinute: 1 };
    const client = (identity: string) => ({ identity, address: '192.0.2.1' });
    for (let i = 0; i < 2 * ADDRESS_SHARE; i++) await takeOrThrow('t2', client(`u:${i}`), limit, { at: at(0) });
    await expect(takeOrThrow('t2', client('u:fresh'), limit, { at: at(0) })).rejects.toMatchObject({ status: 429, message: expect.stringMatching(/wait about 15 s/) });
    const fresh = await db.rateLimitBucket.findUnique({ where: { key: 't2:id:u:fresh' } });
    expect(fresh?.tokens ?? 2).toBe(2);
  });

  it('concurrent takes never spend more than the bucket holds', async () => {
    const b = { key: 't:race', capacity: 10, perMinute: 0.001 };
    const results = await Promise.all(Array.from({ length: 40 }, () => takeTokens(b, 1)));
    expect(results.filter((r) => r !== null)).toHaveLength(10);
  });

  it('two app instances (two processes) share the limit', async () => {
    const headers = { ...fromAddress('203.0.113.80'), 'x-forwarded-for': '203.0.113.80' };
    for (let i = 0; i < 3; i++) expect(await post(headers)).toBe(200);
    // another process, its own modules and memory, same database
    const script = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'seedprint-rl-')), 'instance.mts');
    fs.writeFileSync(
      script,
      `import { POST } from ${JSON.stringify(path.join(root, 'app/api/generate/route.ts'))};
import { fromAddress } from ${JSON.stringify(path.join(root, 'tests/generation/support/peer.ts'))};
const out = [];
for (let i = 0; i < 2; i++) {
  const res = await POST(new Request('http://test/api/generate', { method: 'POST', body: JSON.stringify({ prompt: 'dots', seed: 900 + i, steps: 1 }), headers: { 'content-type': 'application/json', ...fromAddress('203.0.113.80'), 'x-forwarded-for': '203.0.113.80' } }), undefined);
  await res.text();
  out.push(res.status);
}
console.log('STATUSES ' + JSON.stringify(out));
process.exit(0);
`,
    );
    const out = await new Promise<string>((resolve, reject) => {
      const child = spawn(process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), '--tsconfig', path.join(root, 'tsconfig.json'), script], { cwd: root, env: { ...process.env }, stdio: ['ignore', 'pipe', 'pipe'] });
      let log = '';
      child.stdout.on('data', (d) => (log += d));
      child.stderr.on('data', (d) => (log += d));
      child.on('error', reject);
      child.on('exit', () => resolve(log));
    });
    const m = /STATUSES (\[.*\])/.exec(out);
    expect(m, out).not.toBeNull();
    expect(JSON.parse(m![1])).toEqual([429, 429]);
  });
});
