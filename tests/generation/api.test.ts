// Route handlers against the real PostgreSQL of the test setup, stand-in model, local blobs.
process.env.GENERATION_MODEL_DIR = 'tests/generation/fixtures/standin';
process.env.GENERATION_RATE_BURST = '4';
process.env.GENERATION_RATE_PER_MINUTE = '0.01'; // no refill while a test runs, however slow the machine
import { beforeAll, describe, expect, it } from 'vitest';
import { POST as generate } from '../../app/api/generate/route';
import { POST as more } from '../../app/api/designs/[id]/more/route';
import { GET as designGet } from '../../app/api/designs/[id]/route';
import { GET as suggestRoute } from '../../app/api/generate/suggest/route';
import { GET as recipeGet } from '../../app/r/[file]/route';
import { db } from '../../lib/db/client';
import { saveDesign } from '../../lib/generation/design-repository';
import { generateCandidates } from '../../lib/generation';
import { recipeImageStats } from '../../lib/generation/recipe-images';
import { readRecipeFromPng } from '../../lib/generation/generate';
import { getBlob } from '../../lib/storage';
import { resetDatabase } from '../setup/db';
import { fromAddress } from './support/peer';

let ip = 0;
const post = (body: unknown, headers: Record<string, string> = {}) =>
  generate(new Request('http://test/api/generate', { method: 'POST', body: typeof body === 'string' ? body : JSON.stringify(body), headers: { 'content-type': 'application/json', ...fromAddress(`198.51.100.${++ip}`), ...headers } }), undefined as never);
const get = (file: string, headers: Record<string, string> = {}) => recipeGet(new Request(`http://test/r/${file}`, { headers }), { params: Promise.resolve({ file }) });

async function events(res: Response) {
  const text = await res.text();
  return text.trim().split('\n').map((l) => JSON.parse(l));
}

beforeAll(async () => {
  await resetDatabase();
});

describe('POST /api/generate', () => {
  it('streams one event per step and per candidate, saves 4 Design rows and their PNGs', async () => {
    const res = await post({ prompt: 'small red hearts on navy, sparkly', seed: 100, engine: 'diffusion' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/ndjson/);
    const ev = await events(res);
    expect(ev[0]).toMatchObject({ type: 'start', count: 4, seed: 100, ignoredWords: ['sparkly'], parsed: { motif: { word: 'hearts' }, background: { word: 'navy' } } });
    const steps = ev.filter((e) => e.type === 'step');
    expect(steps.length).toBe(ev[0].steps);
    expect(steps[0].previews).toHaveLength(4);
    expect(steps[0].previews[0]).toMatch(/^data:image\/png;base64,/);
    const cands = ev.filter((e) => e.type === 'candidate');
    expect(cands.map((c) => c.seed)).toEqual([100, 101, 102, 103]);
    expect(ev.at(-1)).toMatchObject({ type: 'done', designIds: cands.map((c) => c.designId) });
    const rows = await db.design.findMany({ where: { id: { in: cands.map((c) => c.designId) } } });
    expect(rows).toHaveLength(4);
    for (const c of cands) {
      const row = rows.find((r) => r.id === c.designId)!;
      expect(row.previewSha256).toBe(c.sha256);
      expect(readRecipeFromPng(await getBlob(c.sha256))).toEqual(c.recipe);
      expect(c.url).toBe(`/r/${c.designId}.png`);
    }
  });

  it('answers 400 / 422 as JSON before streaming', async () => {
    const cases: [unknown, number, RegExp][] = [
      ['not json', 400, /valid JSON/],
      [{ prompt: '' }, 400, /type a prompt/],
      [{ prompt: 'a'.repeat(301) }, 400, /too long/],
      [{ prompt: 'hearts\u0007' }, 400, /control characters/],
      [{ prompt: 'hearts', seed: -1 }, 400, /seed/],
      [{ prompt: 'hearts', guidanceMinT: 2 }, 400, /guidanceMinT/],
      [{ prompt: 'swastika hearts' }, 422, /Hate symbols/],
      [{ prompt: 'qwxzv plorfk', engine: 'diffusion' }, 422, /does not know "qwxzv", "plorfk"/],
      [{ prompt: 'qwxzv plorfk' }, 422, /does not know/],
      [{ prompt: 'pikachu pattern' }, 422, /copyrighted and trademarked character/],
    ];
    for (const [body, status, msg] of cases) {
      const res = await post(body);
      expect(res.status, JSON.stringify(body)).toBe(status);
      expect((await res.json()).error.message).toMatch(msg);
    }
  });

  it('GET /api/designs/:id gives a design\'s prompt; an unknown or malformed id is a 404 with a message', async () => {
    const { candidates } = await generateCandidates({ prompt: 'tiny green frogs on cream', seed: 5 });
    const saved = await saveDesign(candidates[0].recipe);
    const get = (id: string) => designGet(new Request(`http://test/api/designs/${id}`), { params: Promise.resolve({ id }) });
    const ok = await get(saved.id);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ id: saved.id, prompt: 'tiny green frogs on cream' });
    for (const id of ['0'.repeat(64), 'not-a-design', '%00']) {
      const res = await get(id);
      expect(res.status, id).toBe(404);
      expect((await res.json()).error.message).toMatch(/no such design/);
    }
  });

  it('rate-limits one client with 429 (token bucket per address)', async () => {
    const h = fromAddress('192.0.2.77');
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await post({ prompt: 'dots', seed: i, steps: 1 }, h);
      statuses.push(res.status);
      await res.text();
    }
    expect(statuses).toEqual([200, 200, 200, 200, 429]);
  });
});

describe('identical concurrent generations', () => {
  it('both streams finish with the same designs (no unique-constraint error on the shared Design row)', async () => {
    for (let round = 0; round < 3; round++) {
      const body = { prompt: 'red hearts on navy', seed: 4000 + round * 4, steps: 2 };
      const [a, b] = await Promise.all([post(body), post(body)]);
      const [ea, eb] = await Promise.all([events(a), events(b)]);
      expect(ea.filter((e) => e.type === 'error')).toEqual([]);
      expect(eb.filter((e) => e.type === 'error')).toEqual([]);
      expect(ea.at(-1)).toMatchObject({ type: 'done' });
      expect(eb.at(-1)).toEqual(ea.at(-1));
      const rows = await db.design.findMany({ where: { id: { in: ea.at(-1).designIds } } });
      expect(rows).toHaveLength(4);
      for (const row of rows) expect(row.previewSha256).toBeTruthy();
    }
  });

  it('saveDesign is idempotent when many identical saves race', async () => {
    const [c] = (await generateCandidates({ prompt: 'green dots on cream', seed: 77, count: 1, steps: 1 })).candidates;
    const saved = await Promise.all(Array.from({ length: 8 }, (_, i) => saveDesign(c.recipe, i % 2 ? { previewSha256: 'a'.repeat(64) } : {})));
    expect(new Set(saved.map((d) => d.id))).toEqual(new Set([c.designId]));
    expect((await db.design.findUniqueOrThrow({ where: { id: c.designId } })).previewSha256).toBe('a'.repeat(64));
  });
});

describe('recipe URLs /r/<hash>.png', () => {
  it('renders once under concurrent requests, caches immutably, ETag/304, sizes, 404', async () => {
    const [c] = (await generateCandidates({ prompt: 'teal waves on white', seed: 5, count: 1 })).candidates;
    await saveDesign(c.recipe); // no preview stored: the URL must render it
    const before = recipeImageStats.renders;
    const res = await Promise.all(Array.from({ length: 6 }, () => get(`${c.designId}.png`)));
    expect(recipeImageStats.renders - before).toBe(1);
    const bodies = await Promise.all(res.map(async (r) => Buffer.from(await r.arrayBuffer())));
    for (const r of res) {
      expect(r.status).toBe(200);
      expect(r.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect(r.headers.get('etag')).toBe(`"${c.sha256}"`);
    }
    for (const b of bodies) expect(b.equals(c.png)).toBe(true);
    // conditional request
    const r304 = await get(`${c.designId}.png`, { 'if-none-match': `"${c.sha256}"` });
    expect(r304.status).toBe(304);
    // sizes: @size and ?size=, rendered once each
    const r128 = await get(`${c.designId}@128.png`);
    expect(r128.status).toBe(200);
    const again = await recipeGet(new Request(`http://test/r/${c.designId}.png?size=128`), { params: Promise.resolve({ file: `${c.designId}.png` }) });
    expect(Buffer.from(await again.arrayBuffer()).equals(Buffer.from(await r128.arrayBuffer()))).toBe(true);
    expect(recipeImageStats.renders - before).toBe(2);
    expect((await get(`${c.designId}@100.png`)).status).toBe(400);
    expect((await get(`${'0'.repeat(64)}.png`)).status).toBe(404);
    expect((await get('nope.png')).status).toBe(404);
  });
});

describe('more like this and suggestions', () => {
  it('streams 4 variations that keep the chosen seed and prompt', async () => {
    const [c] = (await generateCandidates({ prompt: 'yellow stars on navy', seed: 9, count: 1 })).candidates;
    await saveDesign(c.recipe);
    const res = await more(new Request(`http://test/api/designs/${c.designId}/more`, { method: 'POST', headers: fromAddress('192.0.2.200') }), { params: Promise.resolve({ id: c.designId }) });
    expect(res.status).toBe(200);
    const cands = (await events(res)).filter((e) => e.type === 'candidate');
    expect(cands).toHaveLength(4);
    for (const x of cands) expect(x.recipe).toMatchObject({ prompt: 'yellow stars on navy', seed: 9, guidanceMinT: 0.6, variation: { strength: 0.3 } });
    expect(new Set(cands.map((x) => x.designId)).size).toBe(4);
    // a design guided at every step (made before guidance intervals) gets variations made the same way
    const [old] = (await generateCandidates({ prompt: 'yellow stars on navy', seed: 9, count: 1, guidanceMinT: 0 })).candidates;
    await saveDesign(old.recipe);
    const oldRes = await more(new Request(`http://test/api/designs/${old.designId}/more`, { method: 'POST', headers: fromAddress('192.0.2.201') }), { params: Promise.resolve({ id: old.designId }) });
    const oldCands = (await events(oldRes)).filter((e) => e.type === 'candidate');
    expect(oldCands).toHaveLength(4);
    for (const x of oldCands) expect(x.recipe.guidanceMinT).toBeUndefined();
    const missing = await more(new Request('http://test/x', { method: 'POST' }), { params: Promise.resolve({ id: 'f'.repeat(64) }) });
    expect(missing.status).toBe(404);
  });

  it('suggest completes from vocabulary and prompts people used', async () => {
    const res = await suggestRoute(new Request('http://test/api/generate/suggest?q=small%20red%20he'), undefined as never);
    const { suggestions } = await res.json();
    expect(suggestions[0]).toBe('small red hearts on navy, sparkly');
  });
});
