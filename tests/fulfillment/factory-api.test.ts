// The factory API through its real route handlers: auth, claims, downloads, status reports.
import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '../../lib/db/client';
import { createApiKey, createFactory, handleOrderPaid, handleRenderJob, revokeApiKey } from '../../lib/fulfillment';
import { resetDatabase } from '../setup/db';
import { makePaidOrder } from './helpers';
import * as listRoute from '../../app/api/factory/v1/jobs/route';
import * as claimRoute from '../../app/api/factory/v1/jobs/[id]/claim/route';
import * as statusRoute from '../../app/api/factory/v1/jobs/[id]/status/route';
import * as fileRoute from '../../app/api/factory/v1/jobs/[id]/files/[placement]/route';
import * as thumbRoute from '../../app/api/factory/v1/jobs/[id]/files/[placement]/thumbnail/route';
import sharp from 'sharp';
import { renderRecipe } from '../../lib/generation';
import { matchPreview } from '../../lib/print';
import * as openapiRoute from '../../app/api/factory/v1/openapi.json/route';

const base = 'http://localhost/api/factory/v1';
let keyA: string;
let keyB: string;
let keyARevoked: { id: string; key: string };
let jobId: string;
let orderId: string;
let recipe: Parameters<typeof renderRecipe>[0];

const req = (path: string, key: string | null, init: RequestInit = {}) =>
  new Request(`${base}${path}`, { ...init, headers: { ...(key ? { authorization: `Bearer ${key}` } : {}), 'content-type': 'application/json', ...(init.headers ?? {}) } });
const ctx = <P>(params: P) => ({ params: Promise.resolve(params) });
const status = (key: string, body: object) => statusRoute.POST(req(`/jobs/${jobId}/status`, key, { method: 'POST', body: JSON.stringify(body) }), ctx({ id: jobId }));

beforeAll(async () => {
  await resetDatabase();
  const a = await createFactory('Factory A');
  const b = await createFactory('Factory B');
  keyA = (await createApiKey(a.id, 'test')).key;
  keyB = (await createApiKey(b.id, 'test')).key;
  keyARevoked = await createApiKey(a.id, 'old');
  await revokeApiKey(keyARevoked.id);
  const { order, design } = await makePaidOrder('mug', { repeatIn: 1.5 });
  orderId = order.id;
  recipe = design.recipe;
  await handleOrderPaid({ orderId });
  const job = await db.fulfillmentJob.findFirstOrThrow({ where: { orderId } });
  jobId = job.id;
  await handleRenderJob({ jobId });
});

describe('factory API', () => {
  it('refuses missing, wrong and revoked keys with 401', async () => {
    for (const key of [null, 'spf_wrong', keyARevoked.key]) {
      const res = await listRoute.GET(req('/jobs?status=ready', key), ctx({}));
      expect(res.status).toBe(401);
      expect((await res.json()).error.message).toMatch(/API key/);
    }
    const stored = await db.factoryApiKey.findMany();
    expect(stored.every((k) => /^[0-9a-f]{64}$/.test(k.keyHash) && !k.keyHash.includes(keyA))).toBe(true);
  });

  it('lists ready jobs with their files, and rejects a bad status filter with 400', async () => {
    const res = await listRoute.GET(req('/jobs?status=ready', keyA), ctx({}));
    expect(res.status).toBe(200);
    const { jobs, has_more, next_cursor } = await res.json();
    expect(jobs).toHaveLength(1);
    expect({ has_more, next_cursor }).toEqual({ has_more: false, next_cursor: null });
    expect(jobs[0]).toMatchObject({ id: jobId, orderId, product: 'mug' });
    expect(jobs[0].files[0]).toMatchObject({ placement: 'wrap', dpi: 300, widthPx: 2760, heightPx: 1110 });
    expect(jobs[0].files[0].sha256).toMatch(/^[0-9a-f]{64}$/);
    expect((await listRoute.GET(req('/jobs?status=lost', keyA), ctx({}))).status).toBe(400);
  });

  it('claims once: idempotent for the claimer, 409 for another factory, 404 for unknown jobs', async () => {
    expect((await claimRoute.POST(req(`/jobs/${jobId}/claim`, keyA, { method: 'POST' }), ctx({ id: jobId }))).status).toBe(200);
    expect((await claimRoute.POST(req(`/jobs/${jobId}/claim`, keyA, { method: 'POST' }), ctx({ id: jobId }))).status).toBe(200);
    const other = await claimRoute.POST(req(`/jobs/${jobId}/claim`, keyB, { method: 'POST' }), ctx({ id: jobId }));
    expect(other.status).toBe(409);
    expect((await claimRoute.POST(req('/jobs/nope/claim', keyA, { method: 'POST' }), ctx({ id: 'nope' }))).status).toBe(404);
    const ready = await (await listRoute.GET(req('/jobs?status=ready', keyB), ctx({}))).json();
    expect(ready.jobs).toHaveLength(0);
  });

  it('streams the file with its sha256 to the claimer only', async () => {
    const res = await fileRoute.GET(req(`/jobs/${jobId}/files/wrap`, keyA), ctx({ id: jobId, placement: 'wrap' }));
    expect(res.status).toBe(200);
    const body = Buffer.from(await res.arrayBuffer());
    expect(createHash('sha256').update(body).digest('hex')).toBe(res.headers.get('x-content-sha256'));
    expect((await fileRoute.GET(req(`/jobs/${jobId}/files/wrap`, keyB), ctx({ id: jobId, placement: 'wrap' }))).status).toBe(404);
    expect((await fileRoute.GET(req(`/jobs/${jobId}/files/back`, keyA), ctx({ id: jobId, placement: 'back' }))).status).toBe(404);
    // What the factory downloads is the design: its first 1.5 in repeat shrunk to 64 px is the preview.
    expect(await matchPreview(body, await renderRecipe(recipe), { left: 0, top: 0, sizePx: 450 })).toMatchObject({ ok: true });
  });

  it('serves the thumbnail and preflight report of each file to the claimer', async () => {
    const list = await (await listRoute.GET(req('/jobs?status=claimed', keyA), ctx({}))).json();
    const file = list.jobs[0].files[0];
    expect(file.preflight.ok).toBe(true);
    expect(file.preflight.checks.map((c: { name: string }) => c.name)).toEqual(['pixel-size', 'dpi', 'icc-srgb', 'no-transparency', 'design-matches-preview', 'safe-area']);
    expect(file.thumbnailUrl).toMatch(new RegExp(`/jobs/${jobId}/files/wrap/thumbnail$`));
    const res = await thumbRoute.GET(req(`/jobs/${jobId}/files/wrap/thumbnail`, keyA), ctx({ id: jobId, placement: 'wrap' }));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/jpeg');
    const thumb = await sharp(Buffer.from(await res.arrayBuffer())).metadata();
    expect([thumb.width, thumb.height]).toEqual([480, 193]);
    expect((await thumbRoute.GET(req(`/jobs/${jobId}/files/wrap/thumbnail`, keyB), ctx({ id: jobId, placement: 'wrap' }))).status).toBe(404);
  });

  it('answers 404, not 500, for job ids and placements no job can have', async () => {
    for (const [id, placement] of [['\u0000', 'wrap'], [jobId, '%'], [jobId, '%41'], ['../x', 'wrap'], ['a'.repeat(5000), 'wrap']]) {
      const res = await fileRoute.GET(req(`/jobs/x/files/x`, keyA), ctx({ id, placement }));
      expect(res.status, `${JSON.stringify(id).slice(0, 20)} ${placement}`).toBe(404);
      expect((await res.json()).error.message).toMatch(/No such job|no file/);
    }
    expect((await claimRoute.POST(req('/jobs/x/claim', keyA, { method: 'POST' }), ctx({ id: '\u0000' }))).status).toBe(404);
  });

  it('follows received → printed → shipped, refuses skips with 409, and moves the order', async () => {
    expect((await status(keyA, { status: 'printed' })).status).toBe(409);
    expect((await status(keyB, { status: 'received' })).status).toBe(404);
    expect((await status(keyA, { status: 'teleported' })).status).toBe(400);
    expect((await status(keyA, { status: 'received' })).status).toBe(200);
    expect((await status(keyA, { status: 'received' })).status).toBe(200); // a retried report is a no-op
    expect((await db.order.findUniqueOrThrow({ where: { id: orderId } })).status).toBe('IN_PRODUCTION');
    expect((await status(keyA, { status: 'printed' })).status).toBe(200);
    const noTracking = await status(keyA, { status: 'shipped' });
    expect(noTracking.status).toBe(400);
    expect((await noTracking.json()).error.message).toMatch(/trackingNumber/);
    // Tracking links end up in e-mails and pages: only http(s).
    for (const trackingUrl of ['javascript:alert(document.cookie)', 'data:text/html,<script>alert(1)</script>', 'ftp://ups.example/1Z', 'file:///etc/passwd', 'vbscript:msgbox(1)']) {
      const res = await status(keyA, { status: 'shipped', carrier: 'UPS', trackingNumber: '1Z999', trackingUrl });
      expect(res.status, trackingUrl).toBe(400);
      expect((await res.json()).error.message, trackingUrl).toMatch(/trackingUrl/);
    }
    const shipped = await status(keyA, { status: 'shipped', carrier: 'UPS', trackingNumber: '1Z999', trackingUrl: 'https://ups.example/1Z999' });
    expect(shipped.status).toBe(200);
    const order = await db.order.findUniqueOrThrow({ where: { id: orderId }, include: { shipments: true, history: { orderBy: { createdAt: 'asc' } } } });
    expect(order.status).toBe('SHIPPED');
    expect(order.shipments[0]).toMatchObject({ carrier: 'UPS', trackingNumber: '1Z999' });
    expect(order.history.map((h) => h.to)).toEqual(['PENDING_PAYMENT', 'PAID', 'IN_PRODUCTION', 'SHIPPED']);
    expect((await status(keyA, { status: 'received' })).status).toBe(409);
  });

  it('describes itself in OpenAPI', async () => {
    const spec = await openapiRoute.GET().json();
    expect(Object.keys(spec.paths).sort()).toEqual(['/jobs', '/jobs/{id}/claim', '/jobs/{id}/files/{placement}', '/jobs/{id}/files/{placement}/thumbnail', '/jobs/{id}/status', '/openapi.json']);
  });
});
