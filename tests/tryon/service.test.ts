// Try-on photos through the real route handlers and queue job against the test PostgreSQL and
// local blob storage: consent, per-file upload results, photos owned by the shopper and reused
// for every design and product (checked by the renders' pixels), owner-only access, signed URLs,
// deleting one photo or all (rows and blobs gone, shared blobs kept), and the 7-day sweep.
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DELETE as deleteRoute, GET as listRoute, POST as uploadRoute } from '../../app/api/tryon/photos/route';
import { DELETE as deleteOneRoute } from '../../app/api/tryon/photos/[id]/route';
import { GET as fileRoute } from '../../app/api/tryon/files/[kind]/[id]/route';
import { db } from '../../lib/db/client';
import { saveDesign } from '../../lib/generation';
import { stopBoss } from '../../lib/queue';
import { getBlob, hasBlob, putBlob } from '../../lib/storage';
import { saveDemoDesign } from '../../tools/tryon-demo-design';
import { deleteUnreferenced, processLook, sweepExpired, RETENTION_DAYS } from '../../lib/tryon/service';
import { startTryonWorkers } from '../../lib/tryon/worker';
import { signedFileUrl, verifySignature } from '../../lib/tryon/signing';
import { shareOfColour, type Rgb } from '../../e2e/pixels';
import { resetDatabase } from '../setup/db';
import { astronautJpeg, landscapeJpeg, SVG, pngBomb } from './fixtures';

let designId = '';
let stripedDesignId = '';
const base = 'http://test';
const TEAL: Rgb = [22, 128, 138]; // the demo design's ground
const PURPLE: Rgb = [120, 30, 170]; // the second design's stripes

function cookieOf(res: Response): string {
  const c = res.headers.get('set-cookie') ?? '';
  return c.split(';')[0];
}

async function upload(cookie: string, files: { name: string; data: Buffer; type?: string }[], consent = true) {
  const fd = new FormData();
  if (consent) fd.set('consent', 'true');
  for (const f of files) fd.append('photo', new Blob([new Uint8Array(f.data)], { type: f.type ?? 'application/octet-stream' }), f.name);
  const res = await uploadRoute(new Request(`${base}/api/tryon/photos`, { method: 'POST', headers: cookie ? { cookie } : {}, body: fd }), undefined as never);
  return { status: res.status, body: await res.json(), cookie: cookie || cookieOf(res), res };
}

async function list(cookie: string, look?: { design: string; product: string }) {
  const q = look ? `?design=${look.design}&product=${look.product}` : '';
  const res = await listRoute(new Request(`${base}/api/tryon/photos${q}`, { headers: cookie ? { cookie } : {} }), undefined as never);
  return { status: res.status, body: await res.json() };
}

/** Runs the queued render of every look the list shows, then lists again. */
async function renderAll(cookie: string, look: { design: string; product: string }) {
  const before = await list(cookie, look);
  for (const p of before.body.photos) if (p.look.status !== 'DONE') await processLook(p.look.id);
  return (await list(cookie, look)).body.photos;
}

async function fetchSigned(url: string) {
  const u = new URL(url, base);
  const [, , , , kind, id] = u.pathname.split('/');
  return fileRoute(new Request(u), { params: Promise.resolve({ kind, id }) });
}

/** A second design: purple and white stripes. */
async function saveStripedDesign(): Promise<string> {
  const w = 64;
  const d = Buffer.alloc(w * w * 3);
  for (let y = 0; y < w; y++) for (let x = 0; x < w; x++) d.set(x % 32 < 24 ? PURPLE : [245, 245, 245], 3 * (y * w + x));
  const png = await sharp(d, { raw: { width: w, height: w, channels: 3 } }).png().toBuffer();
  const { key } = await putBlob(png, { contentType: 'image/png' });
  const design = await saveDesign({ prompt: 'purple stripes', seed: 2, modelId: 'tryon-demo', modelSha256: '0'.repeat(64), scheduler: 'ddim', steps: 1, guidance: 0, width: 64, height: 64, tileable: true }, { previewSha256: key });
  return design.id;
}

beforeAll(async () => {
  await resetDatabase();
  designId = await saveDemoDesign();
  stripedDesignId = await saveStripedDesign();
});

afterAll(async () => {
  await stopBoss();
});

describe('try-on photos', () => {
  it('needs consent and a photo; a look needs a real design and a known product', async () => {
    const noConsent = await upload('', [{ name: 'me.jpg', data: await astronautJpeg() }], false);
    expect(noConsent.status).toBe(400);
    expect(noConsent.body.error.code).toBe('consent_required');
    expect(noConsent.res.headers.get('set-cookie')).toBeNull();
    const fd = new FormData();
    fd.set('consent', 'true');
    expect((await uploadRoute(new Request(`${base}/api/tryon/photos`, { method: 'POST', body: fd }), undefined as never)).status).toBe(400);
    const { cookie } = await upload('', [{ name: 'me.jpg', data: await astronautJpeg() }]);
    expect((await list(cookie, { design: 'f'.repeat(64), product: 'hoodie' })).status).toBe(404);
    expect((await list(cookie, { design: designId, product: 'socks' })).status).toBe(400);
    expect((await list(cookie, { design: 'nope', product: 'hoodie' })).status).toBe(400);
  });

  it('records consent time per photo, sets an httpOnly owner cookie and a 7-day expiry', async () => {
    const t0 = Date.now();
    const r = await upload('', [{ name: 'me.jpg', data: await astronautJpeg() }]);
    expect(r.status).toBe(201);
    const setCookie = r.res.headers.get('set-cookie')!;
    expect(setCookie).toMatch(/^seedprint_tryon=[A-Za-z0-9_-]{40,}/);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    const row = await db.tryonPhoto.findUniqueOrThrow({ where: { id: r.body.results[0].photoId } });
    expect(row.consentAt.getTime()).toBeGreaterThanOrEqual(t0 - 1000);
    expect(row.expiresAt.getTime() - row.consentAt.getTime()).toBe(RETENTION_DAYS * 24 * 3600 * 1000);
    expect(row.ownerKey).toMatch(/^a:[0-9a-f]{64}$/); // only a hash of the cookie is stored
  });

  it('answers per file: good photos go through next to bad ones (207); a wrong extension does not matter', async () => {
    const jpg = await astronautJpeg();
    const r = await upload('', [
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
    const one = await upload(r.cookie, [{ name: 'x.svg', data: SVG }]);
    expect(one.status).toBe(415);
    expect(one.body.error.code).toBe('svg_refused');
  });

  it('keeps at most 12 photos per shopper, across uploads', async () => {
    const jpg = await astronautJpeg();
    const first = await upload('', Array.from({ length: 4 }, (_, i) => ({ name: `p${i}.jpg`, data: jpg })));
    for (let k = 1; k < 3; k++) expect((await upload(first.cookie, Array.from({ length: 4 }, (_, i) => ({ name: `p${4 * k + i}.jpg`, data: jpg })))).status).toBe(201);
    const r = await upload(first.cookie, [{ name: 'p12.jpg', data: jpg }]);
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe('too_many_photos');
    expect((await list(first.cookie)).body.photos).toHaveLength(12);
  });

  it('reuses the same photos for every design and product: each look rendered with its own design, by pixels', async () => {
    const up = await upload('', [
      { name: 'me.jpg', data: await astronautJpeg() },
      { name: 'field.jpg', data: await landscapeJpeg() },
    ]);
    expect(up.status).toBe(201);
    const cookie = up.cookie;
    const ids = up.body.results.map((x: { photoId: string }) => x.photoId);

    // without a design: the photos, no look
    const plain = (await list(cookie)).body.photos;
    expect(plain.map((p: { id: string; look: unknown }) => [p.id, p.look])).toEqual(ids.map((id: string) => [id, null]));

    const hoodie = await renderAll(cookie, { design: designId, product: 'hoodie' });
    expect(hoodie.map((p: { id: string }) => p.id)).toEqual(ids);
    expect(hoodie[0].look).toMatchObject({ status: 'DONE', progress: 100, error: null });
    expect(hoodie[0].look.renders.map((x: { variant: string }) => x.variant)).toEqual(['photo', 'warm', 'cool', 'studio', 'scene-studio', 'scene-park', 'scene-brick']);
    expect(hoodie[1].look).toMatchObject({ status: 'FAILED', error: { code: 'no_person' } });

    // hoodie → tee, and design A → design B: the same photos, no new upload, a new look each
    const tee = await renderAll(cookie, { design: designId, product: 'tee' });
    const striped = await renderAll(cookie, { design: stripedDesignId, product: 'hoodie' });
    expect(tee.map((p: { id: string }) => p.id)).toEqual(ids);
    expect(striped.map((p: { id: string }) => p.id)).toEqual(ids);
    expect(await db.tryonPhoto.count({ where: { ownerKey: (await db.tryonPhoto.findUniqueOrThrow({ where: { id: ids[0] } })).ownerKey } })).toBe(2);
    expect(new Set([hoodie[0].look.id, tee[0].look.id, striped[0].look.id]).size).toBe(3);
    expect(tee[0].look.status).toBe('DONE');
    expect(striped[0].look.status).toBe('DONE');

    const photoOf = async (p: { look: { renders: { variant: string; url: string }[] } }) => Buffer.from(await (await fetchSigned(p.look.renders.find((r) => r.variant === 'photo')!.url)).arrayBuffer());
    const [hoodieJpg, teeJpg, stripedJpg] = await Promise.all([photoOf(hoodie[0]), photoOf(tee[0]), photoOf(striped[0])]);
    const original = await sharp(await astronautJpeg()).resize(512).jpeg().toBuffer();
    const shares = async (jpg: Buffer) => ({ teal: await shareOfColour(await sharp(jpg).resize(512).toBuffer(), TEAL, 50), purple: await shareOfColour(await sharp(jpg).resize(512).toBuffer(), PURPLE, 60) });
    const [o, h, t, r] = await Promise.all([shares(original), shares(hoodieJpg), shares(teeJpg), shares(stripedJpg)]);
    expect(h.teal).toBeGreaterThan(o.teal + 0.08); // design A painted on the photo
    expect(t.teal).toBeGreaterThan(o.teal + 0.05);
    expect(h.teal).toBeGreaterThan(t.teal); // a hoodie covers more than a tee (long sleeves)
    expect(r.purple).toBeGreaterThan(o.purple + 0.05); // design B on the very same photo
    expect(h.purple).toBeLessThan(o.purple + 0.01);
    expect(r.teal).toBeLessThan(o.teal + 0.02);
    // the list asked again does not queue the look twice
    expect(await db.tryonLook.count({ where: { photoId: ids[0] } })).toBe(3);
    await list(cookie, { design: designId, product: 'tee' });
    expect(await db.tryonLook.count({ where: { photoId: ids[0] } })).toBe(3);
  }, 180_000);

  it('shows photos only to their owner, by signed URL', async () => {
    const a = await upload('', [{ name: 'me.jpg', data: await sharp(await astronautJpeg()).modulate({ brightness: 0.97 }).jpeg().toBuffer() }]);
    const [p] = await renderAll(a.cookie, { design: designId, product: 'hoodie' });
    const url = new URL(p.look.renders[0].url, base);
    const ok = await fetchSigned(url.toString());
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toBe('image/jpeg');
    expect(ok.headers.get('cache-control')).toMatch(/private/);
    expect(Buffer.from(await ok.arrayBuffer()).subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
    const bad = new URL(url);
    bad.searchParams.set('sig', 'A' + url.searchParams.get('sig')!.slice(1));
    expect((await fetchSigned(bad.toString())).status).toBe(403);
    const rid = url.pathname.split('/')[5];
    const old = new URL(signedFileUrl('render', rid, Date.now() - 3600_000), base);
    expect(verifySignature('render', rid, old.searchParams.get('exp'), old.searchParams.get('sig'))).toBe('expired');
    expect((await fetchSigned(old.toString())).status).toBe(403);

    // a stranger sees none of it and cannot delete it
    const stranger = await upload('', [{ name: 'x.jpg', data: await astronautJpeg() }]);
    const theirs = (await list(stranger.cookie, { design: designId, product: 'hoodie' })).body.photos.map((x: { id: string }) => x.id);
    expect(theirs).not.toContain(p.id);
    expect((await list('')).body.photos).toEqual([]);
    const del = await deleteOneRoute(new Request(`${base}/api/tryon/photos/${p.id}`, { method: 'DELETE', headers: { cookie: stranger.cookie } }), { params: Promise.resolve({ id: p.id }) });
    expect(del.status).toBe(404);
    expect(await db.tryonPhoto.count({ where: { id: p.id } })).toBe(1);
  });

  it('deleting one photo removes every look rendered from it and their files; "Delete my photos" removes the rest, keeping a blob another row uses', async () => {
    const jpg = await sharp(await astronautJpeg()).modulate({ brightness: 1.04 }).jpeg().toBuffer();
    const jpg2 = await sharp(await astronautJpeg()).modulate({ brightness: 1.06 }).jpeg().toBuffer();
    const a = await upload('', [
      { name: 'one.jpg', data: jpg },
      { name: 'two.jpg', data: jpg2 },
    ]);
    const b = await upload('', [{ name: 'me.jpg', data: jpg }]); // another visitor, the very same picture
    await renderAll(a.cookie, { design: designId, product: 'hoodie' });
    await renderAll(a.cookie, { design: designId, product: 'tee' });
    const [one, two] = a.body.results.map((x: { photoId: string }) => x.photoId);
    const keysOf = async (photoId: string) => {
      const p = await db.tryonPhoto.findUniqueOrThrow({ where: { id: photoId }, include: { looks: { include: { renders: true } } } });
      return { photo: p.blobKey, renders: p.looks.flatMap((l) => l.renders.map((r) => r.blobKey)) };
    };
    const k1 = await keysOf(one);
    const k2 = await keysOf(two);
    expect(k1.renders.length).toBe(14); // two looks × 7 pictures
    for (const k of [k1.photo, ...k1.renders]) expect(await hasBlob(k)).toBe(true);

    const res1 = await deleteOneRoute(new Request(`${base}/api/tryon/photos/${two}`, { method: 'DELETE', headers: { cookie: a.cookie } }), { params: Promise.resolve({ id: two }) });
    expect(res1.status).toBe(200);
    expect(await db.tryonLook.count({ where: { photoId: two } })).toBe(0);
    for (const k of [k2.photo, ...k2.renders]) expect(await hasBlob(k)).toBe(false);
    expect((await list(a.cookie)).body.photos.map((p: { id: string }) => p.id)).toEqual([one]);

    const res = await deleteRoute(new Request(`${base}/api/tryon/photos`, { method: 'DELETE', headers: { cookie: a.cookie } }), undefined as never);
    expect(res.status).toBe(200);
    expect(await db.tryonPhoto.count({ where: { id: one } })).toBe(0);
    expect(await db.tryonLook.count({ where: { photoId: one } })).toBe(0);
    for (const k of k1.renders) expect(await hasBlob(k)).toBe(false);
    // the upload itself is shared with visitor b's photo: still there for b
    expect(await hasBlob(k1.photo)).toBe(true);
    expect((await list(b.cookie)).body.photos).toHaveLength(1);
    expect((await list(a.cookie)).body.photos).toEqual([]);
  }, 120_000);

  it('keeps a blob that a design preview or a listing photo shows, deletes one nothing uses', async () => {
    const tag = `${process.pid}-${Date.now()}`;
    const [preview, shown, alone] = await Promise.all(['preview', 'listing photo', 'alone'].map((what) => putBlob(Buffer.from(`tryon-shared-${what}-${tag}`))));
    const recipe = { prompt: `shared blobs ${tag}`, seed: 5, modelId: 'seedprint-tiny-v1', modelSha256: 'd'.repeat(64), scheduler: 'ddim', steps: 8, guidance: 3, width: 64, height: 64, tileable: true };
    const design = await saveDesign(recipe, { previewSha256: preview.key });
    const user = await db.user.create({ data: { email: `shop-${tag}@example.com` } });
    const shop = await db.sellerProfile.create({ data: { userId: user.id, shopName: 'Shared', slug: `shared-${tag}` } });
    const listing = await db.listing.create({ data: { sellerId: shop.id, designId: design.id, slug: `shared-${tag}`, title: 'Shared', description: '', tags: [] } });
    await db.listingPhoto.create({ data: { listingId: listing.id, kind: 'mockup', productSlug: 'mug', view: 'front', blobKey: shown.key } });

    expect(await deleteUnreferenced([preview.key, shown.key, alone.key])).toEqual([alone.key]);
    expect([await hasBlob(preview.key), await hasBlob(shown.key), await hasBlob(alone.key)]).toEqual([true, true, false]);
  });

  it('sweeps photos older than 7 days: rows and files gone, fresh photos kept', async () => {
    const { key } = await putBlob(Buffer.from(`tryon-sweep-${Date.now()}`));
    const now = new Date();
    const old = await db.tryonPhoto.create({ data: { ownerKey: 'a:old', name: 'old.jpg', blobKey: key, width: 1, height: 1, bytes: 1, consentAt: now, expiresAt: new Date(Date.now() - 1000) } });
    const fresh = await upload('', [{ name: 'fresh.jpg', data: await astronautJpeg() }]);
    const freshId = fresh.body.results[0].photoId;
    expect(await hasBlob(key)).toBe(true);
    const r = await sweepExpired();
    expect(r.photos).toBeGreaterThanOrEqual(1);
    expect(await db.tryonPhoto.count({ where: { id: old.id } })).toBe(0);
    expect(await hasBlob(key)).toBe(false);
    expect(await db.tryonPhoto.count({ where: { id: freshId } })).toBe(1);
    // an expired photo is invisible (and its file unreachable) even before the sweep runs
    const url = (await list(fresh.cookie)).body.photos[0].photoUrl;
    await db.tryonPhoto.update({ where: { id: freshId }, data: { expiresAt: new Date(Date.now() - 1) } });
    expect((await list(fresh.cookie)).body.photos).toEqual([]);
    expect((await fetchSigned(url)).status).toBe(404);
  });

  it('the queue worker renders a new look and reports progress until done', async () => {
    // earlier tests left queued jobs: drop their photos so the worker skips them quickly
    await db.tryonPhoto.deleteMany({});
    await startTryonWorkers();
    const up = await upload('', [{ name: 'me.jpg', data: await sharp(await astronautJpeg()).flop().jpeg().toBuffer() }]);
    expect(up.status).toBe(201);
    const seen = new Set<string>();
    const deadline = Date.now() + 90_000;
    let status = '';
    while (Date.now() < deadline) {
      const p = (await list(up.cookie, { design: designId, product: 'tee' })).body.photos[0];
      seen.add(p.look.status);
      status = p.look.status;
      if (status === 'DONE' || status === 'FAILED') break;
      await new Promise((res) => setTimeout(res, 200));
    }
    expect(status).toBe('DONE');
    expect([...seen].some((s) => s === 'QUEUED' || s === 'PROCESSING')).toBe(true);
    expect(Buffer.from(await getBlob((await db.tryonRender.findFirstOrThrow({ where: { look: { photo: { id: up.body.results[0].photoId } } } })).blobKey)).subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
  }, 120_000);
});
