// "My designs" against a real database: saving for an account and for a guest cart, the guest's
// designs moving to the account on sign-in, idempotent removal that never touches orders, 404s
// for ids that name no design, and one shopper never listing or removing another's designs.
process.env.GENERATION_MODEL_DIR = 'tests/generation/fixtures/standin';
import { randomBytes } from 'node:crypto';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { GET as listRoute, POST as saveRoute } from '../../app/api/my-designs/route';
import { DELETE as deleteRoute } from '../../app/api/my-designs/[id]/route';
import { db } from '../../lib/db/client';
import { generateCandidates, saveDesign } from '../../lib/generation';
import { attachGuestDesigns, listMyDesigns, removeFromMyDesigns, saveToMyDesigns, sharedDesign } from '../../lib/saved-designs';
import { resetDatabase } from '../setup/db';

const ORIGIN = 'http://localhost:3000';
let ids: string[] = [];

beforeAll(async () => {
  await resetDatabase();
  const { candidates } = await generateCandidates({ prompt: 'red hearts on navy', seed: 11, count: 3, steps: 1 });
  for (const c of candidates) await saveDesign(c.recipe);
  ids = candidates.map((c) => c.designId);
});

beforeEach(async () => {
  await db.savedDesign.deleteMany({});
});

async function shopper(email: string) {
  const user = await db.user.upsert({ where: { email }, create: { email }, update: {} });
  const sessionToken = randomBytes(32).toString('hex');
  await db.session.create({ data: { sessionToken, userId: user.id, expires: new Date(Date.now() + 3_600_000) } });
  return { user, cookie: `authjs.session-token=${sessionToken}` };
}

function req(path: string, cookie: string | null, init: RequestInit = {}) {
  const headers = new Headers(init.headers);
  if (cookie) headers.set('cookie', cookie);
  headers.set('origin', ORIGIN);
  return new Request(`${ORIGIN}${path}`, { ...init, headers });
}
const post = (cookie: string | null, body: unknown) => saveRoute(req('/api/my-designs', cookie, { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }), undefined);
const list = async (cookie: string | null) => (await (await listRoute(req('/api/my-designs', cookie), undefined)).json()).designs as { designId: string; prompt: string }[];
const del = (cookie: string | null, id: string) => deleteRoute(req(`/api/my-designs/${id}`, cookie, { method: 'DELETE' }), { params: Promise.resolve({ id }) });

describe('My designs (lib)', () => {
  it('lists an account\'s designs newest first with the shopper\'s words; saving again moves it up', async () => {
    const { user } = await shopper('a@example.com');
    const owner = { userId: user.id };
    await saveToMyDesigns(owner, { designId: ids[0], product: 'tee' });
    await saveToMyDesigns(owner, { designId: ids[1] });
    expect((await listMyDesigns(owner)).map((d) => d.designId)).toEqual([ids[1], ids[0]]);
    const again = await saveToMyDesigns(owner, { designId: ids[0] });
    expect(again.productSlug).toBe('tee'); // a save without a product keeps the one known
    const rows = await listMyDesigns(owner);
    expect(rows.map((d) => d.designId)).toEqual([ids[0], ids[1]]);
    expect(rows[0]).toMatchObject({ prompt: 'red hearts on navy', previewUrl: `/r/${ids[0]}.png`, shareUrl: `/d/${ids[0]}` });
    expect(await db.savedDesign.count()).toBe(2);
  });

  it('refuses ids that name no design (404) and bad input (400)', async () => {
    const { user } = await shopper('b@example.com');
    await expect(saveToMyDesigns({ userId: user.id }, { designId: 'f'.repeat(64) })).rejects.toMatchObject({ status: 404 });
    await expect(saveToMyDesigns({ userId: user.id }, { designId: 'nope' })).rejects.toMatchObject({ status: 400 });
    await expect(saveToMyDesigns({ userId: user.id }, { designId: ids[0], product: 'sofa' })).rejects.toMatchObject({ status: 400 });
    await expect(removeFromMyDesigns({ userId: user.id }, 'f'.repeat(64))).rejects.toMatchObject({ status: 404 });
    await expect(removeFromMyDesigns({ userId: user.id }, '../etc')).rejects.toMatchObject({ status: 404 });
  });

  it('a guest\'s designs move to the account on sign-in, without doubling one both kept', async () => {
    const { user } = await shopper('c@example.com');
    const cart = await db.cart.create({ data: {} });
    await saveToMyDesigns({ cartId: cart.id }, { designId: ids[0], product: 'mug' });
    await saveToMyDesigns({ cartId: cart.id }, { designId: ids[1] });
    await saveToMyDesigns({ userId: user.id }, { designId: ids[1] });
    expect(await attachGuestDesigns(cart.id, user.id)).toBe(2);
    expect((await listMyDesigns({ userId: user.id })).map((d) => d.designId).sort()).toEqual([ids[0], ids[1]].sort());
    expect(await listMyDesigns({ cartId: cart.id })).toEqual([]);
    expect((await listMyDesigns({ userId: user.id })).find((d) => d.designId === ids[0])?.productSlug).toBe('mug');
  });

  it('removing is idempotent and leaves the design, its orders and the share view of others alone', async () => {
    const a = await shopper('d@example.com');
    const b = await shopper('e@example.com');
    await saveToMyDesigns({ userId: a.user.id }, { designId: ids[2], product: 'hoodie' });
    await saveToMyDesigns({ userId: b.user.id }, { designId: ids[2] });
    const order = await db.order.create({ data: { number: 'SP-TEST-1', email: 'd@example.com', userId: a.user.id, shippingZone: 'US', shippingCountry: 'US', currency: 'usd', subtotalMinor: 100, shippingMinor: 0, totalMinor: 100, items: { create: [{ designId: ids[2], productSlug: 'hoodie', productName: 'Hoodie', variantLabel: 'M', sku: 'H-M', unitPriceMinor: 100, quantity: 1, repeatIn: 4, recipe: { prompt: 'red hearts on navy' } }] } }, include: { items: true } });
    expect(await removeFromMyDesigns({ userId: a.user.id }, ids[2])).toEqual({ removed: true });
    expect(await removeFromMyDesigns({ userId: a.user.id }, ids[2])).toEqual({ removed: false });
    expect(await listMyDesigns({ userId: a.user.id })).toEqual([]);
    expect(await db.design.count({ where: { id: ids[2] } })).toBe(1);
    expect((await db.orderItem.findUniqueOrThrow({ where: { id: order.items[0].id } })).designId).toBe(ids[2]);
    expect(await sharedDesign(ids[2])).toMatchObject({ designId: ids[2], prompt: 'red hearts on navy' }); // b still keeps it
    await removeFromMyDesigns({ userId: b.user.id }, ids[2]);
    expect(await sharedDesign(ids[2])).toBeNull(); // nobody keeps it: its share link stops working
  });
});

describe('/api/my-designs', () => {
  it('a guest\'s first save starts a cart session; the list follows that cookie', async () => {
    const res = await post(null, { designId: ids[0], product: 'tee' });
    expect(res.status).toBe(201);
    const setCookie = res.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/^sp_cart=[a-z0-9]+;.*HttpOnly/);
    const cookie = setCookie.split(';')[0];
    expect((await list(cookie)).map((d) => d.designId)).toEqual([ids[0]]);
    expect(await list(null)).toEqual([]);
    expect(await list('sp_cart=cmadeupcartidthatdoesnotexist')).toEqual([]);
    const again = await post(cookie, { designId: ids[1] });
    expect(again.headers.get('set-cookie')).toBeNull(); // the same cart, no new one
    expect((await list(cookie)).map((d) => d.designId)).toEqual([ids[1], ids[0]]);
  });

  it('signing in attaches the guest cart\'s designs to the account', async () => {
    const guest = (await post(null, { designId: ids[2] })).headers.get('set-cookie')!.split(';')[0];
    const { cookie } = await shopper('f@example.com');
    expect((await list(`${cookie}; ${guest}`)).map((d) => d.designId)).toEqual([ids[2]]);
    expect(await list(guest)).toEqual([]); // signed out again, the guest session no longer holds it
    expect((await list(cookie)).map((d) => d.designId)).toEqual([ids[2]]);
  });

  it('another shopper can neither list nor delete someone else\'s designs (IDOR)', async () => {
    const owner = await shopper('owner@example.com');
    const other = await shopper('other@example.com');
    expect((await post(owner.cookie, { designId: ids[0] })).status).toBe(201);
    expect(await list(other.cookie)).toEqual([]);
    const res = await del(other.cookie, ids[0]);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ removed: false });
    const guestRes = await del(null, ids[0]);
    expect(await guestRes.json()).toEqual({ removed: false });
    expect((await list(owner.cookie)).map((d) => d.designId)).toEqual([ids[0]]);
    // the owner removes it, twice: the same answer shape, nothing left
    expect(await (await del(owner.cookie, ids[0])).json()).toEqual({ removed: true });
    expect(await (await del(owner.cookie, ids[0])).json()).toEqual({ removed: false });
    expect(await list(owner.cookie)).toEqual([]);
  });

  it('bad ids get 404 with a message; bad bodies 400; foreign origins 403', async () => {
    const { cookie } = await shopper('g@example.com');
    for (const id of ['f'.repeat(64), 'not-a-design', 'A'.repeat(64)]) {
      const res = await del(cookie, id);
      expect(res.status).toBe(404);
      expect((await res.json()).error.message).toMatch(/No design with that id/);
    }
    const missing = await post(cookie, { designId: 'e'.repeat(64) });
    expect(missing.status).toBe(404);
    const bad = await post(cookie, { designId: 42 });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.message).toMatch(/designId/);
    const foreign = await saveRoute(new Request(`${ORIGIN}/api/my-designs`, { method: 'POST', headers: { origin: 'https://evil.example', cookie, 'content-type': 'application/json' }, body: JSON.stringify({ designId: ids[0] }) }), undefined);
    expect(foreign.status).toBe(403);
  });
});
