// The shop's own try-on models, uploaded in admin through the real route handlers: only an
// administrator may upload (403 for a shopper, 401 signed out), the model release (who, when,
// the confirmation box) is required and stored with the photo, the shoppers' upload checks
// apply (type by content, size, EXIF stripped, a person with shoulders), the gallery lists the
// uploads before the built-in model and renders the design on them (checked by pixels), and
// deleting takes the model and its file away.
import { randomBytes } from 'node:crypto';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

const revalidated = vi.hoisted(() => [] as string[]);
vi.mock('next/cache', () => ({ revalidatePath: (p: string) => void revalidated.push(p) }));

import { POST } from '../../app/api/admin/tryon-models/route';
import { DELETE, GET as photoRoute } from '../../app/api/admin/tryon-models/[id]/route';
import { GET as listRoute } from '../../app/api/tryon/site-models/route';
import { GET as siteRoute } from '../../app/api/tryon/site/[designId]/[product]/[file]/route';
import { ensureUserWithRole } from '../../lib/auth';
import { db } from '../../lib/db/client';
import { stopBoss } from '../../lib/queue';
import { getBlob, hasBlob } from '../../lib/storage';
import { saveDemoDesign } from '../../tools/tryon-demo-design';
import { shareOfColour } from '../../e2e/pixels';
import { resetDatabase } from '../setup/db';
import { ASTRONAUT, astronautJpeg, landscapeJpeg, SVG } from './fixtures';

const base = 'http://localhost:3000';
let designId = '';

async function cookieFor(email: string, role: 'SHOPPER' | 'ADMIN') {
  const user = await ensureUserWithRole(email, role);
  const sessionToken = randomBytes(32).toString('hex');
  await db.session.create({ data: { sessionToken, userId: user.id, expires: new Date(Date.now() + 3600_000) } });
  return { cookie: `authjs.session-token=${sessionToken}`, userId: user.id };
}

function form(photo: Buffer | null, fields: Record<string, string | undefined> = {}): FormData {
  const fd = new FormData();
  const all = { label: 'Our model Ana', releaseSignedBy: 'Ana Example', releaseSignedOn: '2026-11-02', releaseConfirmed: 'on', ...fields };
  for (const [k, v] of Object.entries(all)) if (v !== undefined) fd.set(k, v);
  if (photo) fd.set('photo', new Blob([new Uint8Array(photo)], { type: 'image/jpeg' }), 'ana.jpg');
  return fd;
}

const post = (cookie: string, body: FormData) => POST(new Request(`${base}/api/admin/tryon-models`, { method: 'POST', headers: { cookie }, body }), undefined);
const del = (cookie: string, id: string) => DELETE(new Request(`${base}/api/admin/tryon-models/${id}`, { method: 'DELETE', headers: { cookie } }), { params: Promise.resolve({ id }) });
const site = (modelId: string, variant = 'photo') => {
  const file = `${modelId}-${variant}.jpg`;
  return siteRoute(new Request(`${base}/api/tryon/site/${designId}/hoodie/${file}`), { params: Promise.resolve({ designId, product: 'hoodie', file }) });
};

beforeAll(async () => {
  await resetDatabase();
  designId = await saveDemoDesign();
});
afterAll(async () => {
  await stopBoss();
});

describe('admin try-on models', () => {
  it('answers 403 to a shopper and 401 signed out', async () => {
    const photo = await astronautJpeg();
    const shopper = await post((await cookieFor('shopper@example.com', 'SHOPPER')).cookie, form(photo));
    expect(shopper.status).toBe(403);
    expect((await post('', form(photo))).status).toBe(401);
    expect(await db.tryonSiteModel.count()).toBe(0);
  });

  it('refuses an upload without the model release, or with a bad file, with a clear 4xx', async () => {
    const { cookie } = await cookieFor('admin@seedprint.local', 'ADMIN');
    const photo = await astronautJpeg();
    const cases: [FormData, number, RegExp][] = [
      [form(photo, { releaseConfirmed: undefined }), 400, /signed model release/],
      [form(photo, { releaseSignedBy: '' }), 400, /signed the release/],
      [form(photo, { releaseSignedOn: undefined }), 400, /releaseSignedOn/],
      [form(photo, { releaseSignedOn: '2999-01-01' }), 400, /not in the future/],
      [form(photo, { label: undefined }), 400, /label/],
      [form(null), 400, /model photo/],
      [form(SVG), 415, /SVG/],
      [form(await landscapeJpeg()), 422, /could not find a person/],
    ];
    for (const [fd, status, message] of cases) {
      const res = await post(cookie, fd);
      const body = (await res.json()) as { error: { message: string } };
      expect([res.status, body.error.message]).toEqual([status, expect.stringMatching(message)]);
    }
    const huge = form(Buffer.concat([photo, randomBytes(16 * 1024 * 1024)]));
    expect((await post(cookie, huge)).status).toBe(413);
    expect(await db.tryonSiteModel.count()).toBe(0);
  });

  it('stores the release with the photo (metadata stripped), lists it before the built-in model, renders the design on it, and deletes it', async () => {
    const { cookie, userId } = await cookieFor('admin@seedprint.local', 'ADMIN');
    const withGps = await sharp(ASTRONAUT)
      .jpeg()
      .withExif({ IFD0: { Make: 'TestCam', Copyright: 'Jane Doe' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '48/1 51/1 2964/100', GPSLongitudeRef: 'E', GPSLongitude: '2/1 17/1 4020/100' } })
      .toBuffer();
    expect((await sharp(withGps).metadata()).exif).toBeTruthy();
    const t0 = Date.now();
    const res = await post(cookie, form(withGps));
    expect(res.status).toBe(201);
    const { model } = (await res.json()) as { model: { id: string } };
    const row = await db.tryonSiteModel.findUniqueOrThrow({ where: { id: model.id } });
    expect(row).toMatchObject({ label: 'Our model Ana', releaseSignedBy: 'Ana Example', releaseConfirmedBy: userId });
    expect(row.releaseSignedOn.toISOString().slice(0, 10)).toBe('2026-11-02');
    expect(row.releaseConfirmedAt.getTime()).toBeGreaterThanOrEqual(t0 - 1000);
    const stored = await getBlob(row.blobKey);
    const meta = await sharp(stored).metadata();
    expect([meta.format, meta.exif, meta.icc, meta.xmp]).toEqual(['jpeg', undefined, undefined, undefined]);
    expect(revalidated).toContain('/admin/models');

    // the admin thumbnail is for admins only
    const thumb = (c: string) => photoRoute(new Request(`${base}/api/admin/tryon-models/${model.id}`, { headers: { cookie: c } }), { params: Promise.resolve({ id: model.id }) });
    expect((await thumb(cookie)).status).toBe(200);
    expect((await thumb((await cookieFor('shopper2@example.com', 'SHOPPER')).cookie)).status).toBe(403);

    const list = (await (await listRoute(new Request(`${base}/api/tryon/site-models`), undefined as never)).json()) as { models: { id: string }[] };
    expect(list.models.map((m) => m.id)).toEqual([model.id, 'mannequin']);

    // the design on the uploaded model, and on the built-in one: by pixels
    const teal: [number, number, number] = [22, 128, 138];
    for (const id of [model.id, 'mannequin']) {
      const r = await site(id);
      expect(r.status).toBe(200);
      const jpg = Buffer.from(await r.arrayBuffer());
      const png = await sharp(jpg).resize(384).png().toBuffer();
      expect(await shareOfColour(png, teal, 50)).toBeGreaterThan(0.08);
    }

    // a shopper cannot delete; the admin can, and the model and its file are gone
    expect((await del((await cookieFor('shopper3@example.com', 'SHOPPER')).cookie, model.id)).status).toBe(403);
    expect((await del(cookie, model.id)).status).toBe(200);
    expect(await db.tryonSiteModel.count()).toBe(0);
    expect(await hasBlob(row.blobKey)).toBe(false);
    expect((await site(model.id)).status).toBe(404);
    expect((await del(cookie, model.id)).status).toBe(404);
  }, 120_000);
});
