// Issue 23 item 7: /r/<hash>.png renders on demand, so an anonymous client must not make the
// store render huge images (sizes above 1024 px come from the cache only) or render without limit
// (uncached renders are rate-limited per client, in PostgreSQL, cookies and X-Forwarded-For
// notwithstanding); cached images stay free.
process.env.GENERATION_MODEL_DIR = 'tests/generation/fixtures/standin';
import { beforeAll, describe, expect, it } from 'vitest';
import { GET as recipeGet } from '../../app/r/[file]/route';
import { generateCandidates } from '../../lib/generation';
import { saveDesign } from '../../lib/generation/design-repository';
import { takeOrThrow } from '../../lib/generation/rate-limit';
import { recipeImageStats, RENDER_LIMIT } from '../../lib/generation/recipe-images';
import { putBlob, putRef } from '../../lib/storage';
import { resetDatabase } from '../setup/db';
import { fromAddress } from './support/peer';

const get = (file: string, headers: Record<string, string> = {}) => recipeGet(new Request(`http://test/r/${file}`, { headers }), { params: Promise.resolve({ file }) });

let ids: string[] = [];
beforeAll(async () => {
  await resetDatabase();
  const { candidates } = await generateCandidates({ prompt: 'teal waves on white', seed: 300, count: 8, steps: 1 });
  for (const c of candidates) await saveDesign(c.recipe); // no preview: every size must be rendered
  ids = candidates.map((c) => c.designId);
});

describe('/r/<hash>.png limits', () => {
  it('sizes above 1024 px are served from the cache only (403 uncached, nothing rendered)', async () => {
    const before = recipeImageStats.renders;
    const res = await get(`${ids[0]}@2048.png`, fromAddress('203.0.113.20'));
    expect(res.status).toBe(403);
    expect((await res.json()).error.message).toMatch(/1024/);
    const query = await recipeGet(new Request(`http://test/r/${ids[0]}.png?size=2048`, { headers: fromAddress('203.0.113.21') }), { params: Promise.resolve({ file: `${ids[0]}.png` }) });
    expect(query.status).toBe(403);
    expect(recipeImageStats.renders).toBe(before);
    // once the big image exists (e.g. rendered for print), anyone may download it
    const { key } = await putBlob(Buffer.from('not really a png'), { contentType: 'image/png' });
    await putRef(`r/${ids[0]}@2048.png`, key);
    const cached = await get(`${ids[0]}@2048.png`, fromAddress('203.0.113.20'));
    expect(cached.status).toBe(200);
    expect(recipeImageStats.renders).toBe(before);
  }, 120_000);

  it('uncached renders are rate-limited per client; cached images and other clients are not', async () => {
    const files = ids.flatMap((id) => [32, 128, 256].map((s) => `${id}@${s}.png`)); // cost 1 each
    const statuses: number[] = [];
    const t0 = Date.now();
    for (const [i, f] of files.entries()) {
      // one address, a new made-up cart cookie and X-Forwarded-For every time
      const res = await get(f, { ...fromAddress('203.0.113.30'), cookie: `sp_cart=cfake${i}${'y'.repeat(20)}`, 'x-forwarded-for': `198.51.100.${i + 1}` });
      statuses.push(res.status);
      await res.arrayBuffer();
    }
    // a burst of `capacity`, then only what refilled while rendering
    const refilled = Math.floor(((Date.now() - t0) / 60_000) * RENDER_LIMIT.perMinute);
    expect(statuses.slice(0, RENDER_LIMIT.capacity)).toEqual(Array(RENDER_LIMIT.capacity).fill(200));
    expect(statuses.filter((s) => s === 200).length).toBeLessThanOrEqual(RENDER_LIMIT.capacity + refilled);
    expect(statuses.slice(-3)).toEqual([429, 429, 429]);
    expect((await get(files[0], fromAddress('203.0.113.30'))).status).toBe(200); // cached: free
    expect((await get(files.at(-1)!, fromAddress('203.0.113.31'))).status).toBe(200); // someone else
    // @1024 costs 4 tokens: with 3 left it is refused while @512 (1 token) still renders
    await takeOrThrow('render', { identity: 'anon', address: '203.0.113.32' }, RENDER_LIMIT, { cost: RENDER_LIMIT.capacity - 3 });
    expect((await get(`${ids[0]}@1024.png`, fromAddress('203.0.113.32'))).status).toBe(429);
    expect((await get(`${ids[0]}@512.png`, fromAddress('203.0.113.32'))).status).toBe(200);
  }, 300_000);
});
