// Try-on sets through the real route handlers and queue job against the test PostgreSQL and
// local blob storage: per-file upload results, owner-only access, signed URLs, "Delete my
// photos" (rows and blobs gone, shared blobs kept), and the 7-day expiry sweep.
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POST as createSetRoute, GET as listSetsRoute } from '../../app/api/tryon/sets/route';
import { GET as getSetRoute } from '../../app/api/tryon/sets/[id]/route';
import { POST as uploadRoute } from '../../app/api/tryon/sets/[id]/photos/route';
import { DELETE as deleteRoute } from '../../app/api/tryon/photos/route';
import { GET as fileRoute } from '../../app/api/tryon/files/[kind]/[id]/route';
import { db } from '../../lib/db/client';
import { stopBoss } from '../../lib/queue';
import { hasBlob, putBlob } from '../../lib/storage';
import { saveDemoDesign } from '../../tools/tryon-demo-design';
import { deleteUnreferenced, processPhoto, sweepExpired, RETENTION_DAYS } from '../../lib/tryon/service';
import { startTryonWorkers } from '../../lib/tryon/worker';
import { signedFileUrl, verifySignature } from '../../lib/tryon/signing';
import { resetDatabase } from '../setup/db';
import { astronautJpeg, landscapeJpeg, SVG, pngBomb } from './fixtures';

let designId = '';
const base = 'http://test';

function cookieOf(res: Response): string {
  const c = res.headers.get('set-cookie') ?? '';
  return c.split(';')[0];
}

async function newSet(cookie?: string) {
  const res = await createSetRoute(
    new Request(`${base}/api/tryon/sets`, { method: 'POST', headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) }, body: JSON.stringify({ designId, product: 'hoodie', consent: true }) }),
    undefined as never,
  );
  expect(res.status).toBe(201);
  const body = await res.json();
  return { id: body.set.id as string, cookie: cookie ?? cookieOf(res), res };
}

async function upload(setId: string, cookie: string, files: { name: string; data: Buffer; type?: string }[]) {
  const fd = new FormData();
  for (const f of files) fd.append('photo', new Blob([new Uint8Array(f.data)], { type: f.type ?? 'application/octet-stream' }), f.name);
  const res = await uploadRoute(new Request(`${base}/api/tryon/sets/${setId}/photos`, { method: 'POST', headers: { cookie }, body: fd }), { params: Promise.resolve({ id: setId }) });
  return { status: res.status, body: await res.json() };
}

const getSet = (id: string, cookie: string) => getSetRoute(new Request(`${base}/api/tryon/sets/${id}`, { headers: { cookie } }), { params: Promise.resolve({ id }) });

beforeAll(async () => {
  await resetDatabase();
  designId = await saveDemoDesign();
});

afterAll(async () => {
  await stopBoss();
});

describe('try-on sets', () => {
  it('needs consent, a real design and a known product', async () => {
    const post = (b: object) => createSetRoute(new Request(`${base}/api/tryon/sets`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(b) }), undefined as never);
    expect((await post({ designId, product: 'hoodie', consent: false })).status).toBe(400);
    expect((await (await post({ designId, product: 'hoodie', consent: false })).json()).error.code).toBe('consent_required');
    expect((await post({ designId: 'f'.repeat(64), product: 'hoodie', consent: true })).status).toBe(404);
    expect((await post({ designId, product: 'socks', consent: true })).status).toBe(400);
  });

  it('records consent time, sets an httpOnly owner cookie and a 7-day expiry', async () => {
    const t0 = Date.now();
    const { id, res } = await newSet();
    const setCookie = res.headers.get('set-cookie')!;
    expect(setCookie).toMatch(/^seedprint_tryon=[A-Za-z0-9_-]{40,}/);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    const row = await db.tryonSet.findUniqueOrThrow({ where: { id } });
    expect(row.consentAt.getTime()).toBeGreaterThanOrEqual(t0 - 1000);
    expect(row.expiresAt.getTime() - row.consentAt.getTime()).toBe(RETENTION_DAYS * 24 * 3600 * 1000);
    expect(row.ownerKey).toMatch(/^a:[0-9a-f]{64}$/); // only a hash of the cookie is stored
  });

  it('answers per file: good photos go through next to bad ones (207); a wrong extension does not matter', async () => {
    const { id, cookie } = await newSet();
    const jpg = await astronautJpeg();
    const r = await upload(id, cookie, [
      { name: 'me.png', data: jpg, type: 'image/png' }, // a JPEG named .png: accepted by content
      { name: 'bomb.png', data: pngBomb() },
      { name: 'drawing.svg', data: SVG, type: 'image/svg+xml' },
      { name: 'half.jpg', data: jpg.subarray(0, jpg.length >> 1) },
      { name: 'field.jpg', data: await landscapeJpeg() },
    ]);
    expect(r.status).toBe(207);
    expect(r.body.results.map((x: { name: string; status: number }) => [x.name, x.status])).toEqual([
      ['me.png', 201],
      ['bomb.png', 413],
      ['drawing.svg', 415],
      ['half.jpg', 422],
      ['field.jpg', 201],
    ]);
    expect(r.body.results[1].error.message).toMatch(/megapixels/);
    // one bad file alone: its own 4xx and message
    const one = await upload(id, cookie, [{ name: 'x.svg', data: SVG }]);
    expect(one.status).toBe(415);
    expect(one.body.error.code).toBe('svg_refused');
  });

  it('refuses the 13th photo of a set', async () => {
    const { id, cookie } = await newSet();
    const jpg = await astronautJpeg();
    const r = await upload(id, cookie, Array.from({ length: 13 }, (_, i) => ({ name: `p${i}.jpg`, data: jpg })));
    expect(r.status).toBe(207);
    expect(r.body.results.filter((x: { ok: boolean }) => x.ok)).toHaveLength(12);
    expect(r.body.results[12]).toMatchObject({ ok: false, status: 409, error: { code: 'too_many_photos' } });
    expect(await db.tryonPhoto.count({ where: { setId: id } })).toBe(12);
  });

  it('renders a photo in the job (progress, variants, failure reason) and shows it only to its owner, by signed URL', async () => {
    const { id, cookie } = await newSet();
    const r = await upload(id, cookie, [
      { name: 'me.jpg', data: await astronautJpeg() },
      { name: 'field.jpg', data: await landscapeJpeg() },
    ]);
    expect(r.status).toBe(201);
    const [good, bad] = r.body.results.map((x: { photoId: string }) => x.photoId);
    await processPhoto(good);
    await processPhoto(bad);

    const view = (await (await getSet(id, cookie)).json()).set;
    const [p1, p2] = view.photos;
    expect(p1).toMatchObject({ status: 'DONE', progress: 100, error: null });
    expect(p1.renders.map((x: { variant: string }) => x.variant)).toEqual(['photo', 'warm', 'cool', 'studio', 'scene-studio', 'scene-park', 'scene-brick']);
    expect(p2).toMatchObject({ status: 'FAILED', error: { code: 'no_person' } });
    expect(p2.error.message).toMatch(/could not find a person/);

    // signed URL works; tampered or expired does not; another visitor cannot see the set
    const url = new URL(p1.renders[0].url, base);
    const [, , , , kind, rid] = url.pathname.split('/');
    const fetchFile = (u: URL) => fileRoute(new Request(u), { params: Promise.resolve({ kind, id: rid }) });
    const ok = await fetchFile(url);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toBe('image/jpeg');
    expect(ok.headers.get('cache-control')).toMatch(/private/);
    const bytes = Buffer.from(await ok.arrayBuffer());
    expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
    const bad1 = new URL(url);
    bad1.searchParams.set('sig', 'A' + url.searchParams.get('sig')!.slice(1));
    expect((await fetchFile(bad1)).status).toBe(403);
    const old = new URL(signedFileUrl('render', rid, Date.now() - 3600_000), base);
    expect(verifySignature('render', rid, old.searchParams.get('exp'), old.searchParams.get('sig'))).toBe('expired');
    expect((await fetchFile(old)).status).toBe(403);

    const stranger = await newSet();
    expect((await getSet(id, stranger.cookie)).status).toBe(404);
    expect((await getSet(id, '')).status).toBe(404);
    const list = await (await listSetsRoute(new Request(`${base}/api/tryon/sets`, { headers: { cookie: stranger.cookie } }), undefined as never)).json();
    expect(list.sets.map((s: { id: string }) => s.id)).not.toContain(id);
  });

  it('"Delete my photos" removes the rows and the files, but keeps a blob another row still uses', async () => {
    const a = await newSet();
    const b = await newSet(); // another visitor uploading the very same picture (same blob key)
    // a picture no other test uses, so its renders are this test's alone (blobs are content-addressed)
    const jpg = await sharp(await astronautJpeg()).modulate({ brightness: 1.04 }).jpeg().toBuffer();
    const ra = await upload(a.id, a.cookie, [{ name: 'me.jpg', data: jpg }]);
    await upload(b.id, b.cookie, [{ name: 'me.jpg', data: jpg }]);
    await processPhoto(ra.body.results[0].photoId);
    const photo = await db.tryonPhoto.findUniqueOrThrow({ where: { id: ra.body.results[0].photoId }, include: { renders: true } });
    const renderKeys = photo.renders.map((r) => r.blobKey);
    expect(renderKeys.length).toBe(7);
    for (const k of [photo.blobKey, ...renderKeys]) expect(await hasBlob(k)).toBe(true);

    const res = await deleteRoute(new Request(`${base}/api/tryon/photos`, { method: 'DELETE', headers: { cookie: a.cookie } }), undefined as never);
    expect(res.status).toBe(200);
    expect(await db.tryonSet.count({ where: { id: a.id } })).toBe(0);
    expect(await db.tryonPhoto.count({ where: { setId: a.id } })).toBe(0);
    expect(await db.tryonRender.count({ where: { photoId: photo.id } })).toBe(0);
    for (const k of renderKeys) expect(await hasBlob(k)).toBe(false);
    // the upload itself is shared with visitor b's photo: still there for b
    expect(await hasBlob(photo.blobKey)).toBe(true);
    expect((await getSet(b.id, b.cookie)).status).toBe(200);
    expect((await getSet(a.id, a.cookie)).status).toBe(404);
  });

  it('keeps a blob that a design preview or a listing photo shows, deletes one nothing uses', async () => {
    const tag = `${process.pid}-${Date.now()}`;
    const [preview, shown, alone] = await Promise.all(['preview', 'listing photo', 'alone'].map((what) => putBlob(Buffer.from(`tryon-shared-${what}-${tag}`))));
    const { saveDesign } = await import('../../lib/generation');
    const recipe = { prompt: `shared blobs ${tag}`, seed: 5, modelId: 'seedprint-tiny-v1', modelSha256: 'd'.repeat(64), scheduler: 'ddim', steps: 8, guidance: 3, width: 64, height: 64, tileable: true };
    const design = await saveDesign(recipe, { previewSha256: preview.key });
    const user = await db.user.create({ data: { email: `shop-${tag}@example.com` } });
    const shop = await db.sellerProfile.create({ data: { userId: user.id, shopName: 'Shared', slug: `shared-${tag}` } });
    const listing = await db.listing.create({ data: { sellerId: shop.id, designId: design.id, slug: `shared-${tag}`, title: 'Shared', description: '', tags: [] } });
    await db.listingPhoto.create({ data: { listingId: listing.id, kind: 'mockup', productSlug: 'mug', view: 'front', blobKey: shown.key } });

    expect(await deleteUnreferenced([preview.key, shown.key, alone.key])).toEqual([alone.key]);
    expect([await hasBlob(preview.key), await hasBlob(shown.key), await hasBlob(alone.key)]).toEqual([true, true, false]);
  });

  it('sweeps sets older than 7 days: rows and files gone, fresh sets kept', async () => {
    const old = await newSet();
    const fresh = await newSet();
    const { key } = await putBlob(Buffer.from(`tryon-sweep-${Date.now()}`));
    await db.tryonPhoto.create({ data: { setId: old.id, position: 0, name: 'old.jpg', blobKey: key, width: 1, height: 1, bytes: 1 } });
    await db.tryonSet.update({ where: { id: old.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await hasBlob(key)).toBe(true);
    const r = await sweepExpired();
    expect(r.sets).toBeGreaterThanOrEqual(1);
    expect(await db.tryonSet.count({ where: { id: old.id } })).toBe(0);
    expect(await hasBlob(key)).toBe(false);
    expect(await db.tryonSet.count({ where: { id: fresh.id } })).toBe(1);
    // an expired set is invisible even before the sweep runs
    await db.tryonSet.update({ where: { id: fresh.id }, data: { expiresAt: new Date(Date.now() - 1) } });
    expect((await getSet(fresh.id, fresh.cookie)).status).toBe(404);
  });

  it('the queue worker picks up uploads and reports progress until done', async () => {
    // earlier tests left a dozen queued jobs: drop their photos so the worker skips them quickly
    await db.tryonPhoto.deleteMany({});
    await startTryonWorkers();
    const { id, cookie } = await newSet();
    const r = await upload(id, cookie, [{ name: 'me.jpg', data: await sharp(await astronautJpeg()).flop().jpeg().toBuffer() }]);
    expect(r.status).toBe(201);
    const seen = new Set<string>();
    const deadline = Date.now() + 90_000;
    let status = '';
    while (Date.now() < deadline) {
      const p = (await (await getSet(id, cookie)).json()).set.photos[0];
      seen.add(p.status);
      status = p.status;
      if (status === 'DONE' || status === 'FAILED') break;
      await new Promise((res) => setTimeout(res, 200));
    }
    expect(status).toBe('DONE');
    expect([...seen].some((s) => s === 'QUEUED' || s === 'PROCESSING')).toBe(true);
  }, 120_000);
});
