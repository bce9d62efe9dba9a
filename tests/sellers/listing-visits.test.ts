// A listing page is served from Next's cache; its script reports each visit to
// POST /api/listings/visits (the real route handler here), which counts the view (never the
// seller's own) and answers the campaign's progress read fresh from the database.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { configureEnv, inDays, lib, publishedListing, seller, user, withSeededCatalog } from './helpers';

configureEnv();
withSeededCatalog();

async function cookieFor(userId: string): Promise<string> {
  const { db } = await lib();
  const sessionToken = randomBytes(32).toString('hex');
  await db.session.create({ data: { sessionToken, userId, expires: new Date(Date.now() + 3_600_000) } });
  return `authjs.session-token=${sessionToken}`;
}

async function visit(body: unknown, cookie?: string) {
  const { POST } = await import('../../app/api/listings/visits/route');
  const headers: Record<string, string> = { 'content-type': 'application/json', origin: 'http://localhost:3999' };
  if (cookie) headers.cookie = cookie;
  return POST(new Request('http://localhost:3999/api/listings/visits', { method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body) }), undefined);
}

describe('listing page visits', () => {
  it("count a shopper's and a guest's view but not the seller's, and answer the campaign's current progress", async () => {
    const owner = await seller();
    const listing = await publishedListing(owner, { campaign: { minOrders: 2, deadline: inDays(3) } });
    const { db, sellers } = await lib();

    const guest = await visit({ slug: listing.slug });
    expect(guest.status).toBe(200);
    expect(guest.headers.get('cache-control')).toBe('private, no-store');
    const first = await guest.json();
    expect(first.progress).toMatchObject({ status: 'ACTIVE', sold: 0, minOrders: 2, label: expect.stringContaining('0 of 2 sold') });
    expect(new Date(first.progress.deadline).getTime()).toBeGreaterThan(Date.now());

    expect((await visit({ slug: listing.slug }, await cookieFor((await user('ann@example.com')).id))).status).toBe(200);
    expect((await visit({ slug: listing.slug }, await cookieFor(owner.id))).status).toBe(200); // the seller's own look
    await sellers.flushListingViews();
    expect((await db.listing.findUniqueOrThrow({ where: { id: listing.id } })).views).toBe(2);

    // The campaign ends: the next visit says so, though the listing row itself is cached.
    await db.campaign.update({ where: { listingId: listing.id }, data: { status: 'FAILED' } });
    const after = await (await visit({ slug: listing.slug })).json();
    expect(after.progress).toMatchObject({ status: 'FAILED', sold: 0 });
  });

  it('answer null progress without a campaign, 404 for drafts and unknown listings, 400 for bad input', async () => {
    const owner = await seller();
    const listing = await publishedListing(owner);
    expect(await (await visit({ slug: listing.slug })).json()).toEqual({ progress: null });
    const { sellers, db } = await lib();
    await sellers.archiveListing(owner, listing.id);
    const gone = await visit({ slug: listing.slug });
    expect(gone.status).toBe(404);
    expect((await gone.json()).error.code).toBe('not_found');
    expect((await visit({ slug: 'no-such-listing' })).status).toBe(404);
    for (const bad of [{}, { slug: '' }, { slug: 'x'.repeat(201) }, { slug: 7 }, 'not json']) expect((await visit(bad)).status, JSON.stringify(bad)).toBe(400);
    await sellers.flushListingViews();
    expect((await db.listing.findUniqueOrThrow({ where: { id: listing.id } })).views).toBe(1);
  });
});
