// Seller workspace rules: opening a shop, price floors, ownership (IDOR), moderation, photos
// before publishing, the life cycle, listing prices in the cart, views and the sitemap.
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { configureEnv, inDays, lib, makeDesign, seller, teeVariant, withSeededCatalog, user } from './helpers';

configureEnv();

withSeededCatalog();

async function draft(owner: Awaited<ReturnType<typeof seller>>, extra: Record<string, unknown> = {}) {
  const { sellers } = await lib();
  return sellers.createListing(owner, {
    design: await makeDesign('red hearts on navy', owner.id),
    title: 'Hearts tee',
    tags: ['hearts', 'Navy Blue'],
    products: [{ product: 'tee', priceMinor: '34.00' }, { product: 'mug', priceMinor: 1500 }],
    ...extra,
  });
}

describe('price floor', () => {
  it('is the most expensive offered variant cost + 30 %, rounded up to a cent', async () => {
    const { sellers } = await lib();
    expect(sellers.STORE_MARGIN).toBe(0.3);
    expect(sellers.priceFloorMinor([{ costMinor: 1150 }])).toBe(1495);
    expect(sellers.priceFloorMinor([{ costMinor: 650 }, { costMinor: 2700 }])).toBe(3510);
    expect(sellers.priceFloorMinor([{ costMinor: 1001 }])).toBe(1302); // 1301.3 → 1302
    expect(sellers.sellerEarningsMinor(3400, [{ costMinor: 1150 }])).toBe(1905);
  });

  it('refuses a price below the floor with 400 and the floor in the message', async () => {
    const owner = await seller();
    const { sellers, db } = await lib();
    const design = await makeDesign('red hearts on navy', owner.id);
    await expect(sellers.createListing(owner, { design, title: 'Cheap tee', products: [{ product: 'tee', priceMinor: 1494 }] })).rejects.toMatchObject({
      status: 400,
      code: 'price_below_floor',
      message: expect.stringContaining('at least $14.95'),
    });
    expect(await db.listing.count()).toBe(0);
    const ok = await sellers.createListing(owner, { design, title: 'Floor tee', products: [{ product: 'tee', priceMinor: 1495 }] });
    expect(ok.products[0].priceMinor).toBe(1495);
  });
});

describe('built-in studio shot', () => {
  it('renders every product silhouette as an 800 px PNG when no mockup template exists', async () => {
    const { sellers } = await lib();
    const tile = await sellers.designTile({ id: 'a'.repeat(64) });
    for (const slug of ['tee', 'hoodie', 'mug', 'tote', 'poster', 'phone-case']) {
      const png = await sellers.renderProductPhoto({ tile, productSlug: slug, view: 'front', repeatIn: 4, colorHex: '#1c1917' });
      expect(await sharp(png).metadata()).toMatchObject({ format: 'png', width: 800, height: 800 });
    }
  });
});

describe('site model photo', () => {
  it('adds a photo of the site model wearing a garment listing (lib/tryon), as JPEG', async () => {
    const owner = await seller();
    const { sellers, db } = await lib();
    // The design's image, cached where lib/generation keeps recipe PNGs (no model files needed).
    const { putBlob, putRef } = await import('../../lib/storage');
    const id = await makeDesign('red hearts on navy', owner.id);
    const { key } = await putBlob(await sellers.designTile({ id }), { contentType: 'image/png' });
    await putRef(`r/${id}.png`, key);
    await db.design.update({ where: { id }, data: { previewSha256: key } });
    const listing = await sellers.createListing(owner, { design: id, title: 'Hearts tee', products: [{ product: 'tee', priceMinor: 3000 }] });
    process.env.LISTING_PHOTOS_TRYON = '1';
    try {
      await sellers.handleListingPhotos({ listingId: listing.id });
    } finally {
      process.env.LISTING_PHOTOS_TRYON = '0';
    }
    const model = await db.listingPhoto.findMany({ where: { listingId: listing.id, kind: 'model' } });
    expect(model).toHaveLength(1);
    expect(model[0].productSlug).toBe('tee');
    const { getBlob } = await import('../../lib/storage');
    expect((await sharp(await getBlob(model[0].blobKey)).metadata()).format).toBe('jpeg');
    const progress = await sellers.photoProgress((await sellers.getOwnedListing(owner, listing.id)) as never);
    expect(progress).toMatchObject({ done: 3, total: 3, complete: true }); // the model photo is a bonus slot
    expect(progress.slots.filter((s) => s.kind === 'model')).toHaveLength(1);
  });
});

describe('shops', () => {
  it('a shopper who opens a shop becomes a seller; shop addresses are unique', async () => {
    const { sellers, db } = await lib();
    const u = await user('sue@example.com');
    const shop = await sellers.becomeSeller(u, { shopName: 'Sue Prints', slug: 'Sue-Prints', bio: 'Hi', payoutEmail: 'pay@sue.example' });
    expect(shop.slug).toBe('sue-prints');
    expect((await db.user.findUniqueOrThrow({ where: { id: u.id } })).role).toBe('SELLER');
    expect(shop.payoutDetails).toEqual({ method: 'placeholder', email: 'pay@sue.example' });
    await expect(sellers.becomeSeller(u, { shopName: 'Again', slug: 'again' })).rejects.toMatchObject({ status: 409 });
    const other = await user('tim@example.com');
    await expect(sellers.becomeSeller(other, { shopName: 'Tim', slug: 'sue-prints' })).rejects.toMatchObject({ status: 409, code: 'slug_taken' });
    await expect(sellers.becomeSeller(other, { shopName: 'Tim', slug: 'bad slug!' })).rejects.toMatchObject({ status: 400 });
    const admin = await user('root@example.com', 'ADMIN');
    await sellers.becomeSeller(admin, { shopName: 'House shop', slug: 'house' });
    expect((await db.user.findUniqueOrThrow({ where: { id: admin.id } })).role).toBe('ADMIN'); // never downgraded
  });
});

describe('listings', () => {
  it('only the owner (or an admin) sees and edits a listing: others get 404', async () => {
    const owner = await seller();
    const mallory = await seller('mal@example.com', 'mals-shop');
    const listing = await draft(owner);
    const { sellers } = await lib();
    await expect(sellers.getOwnedListing(mallory, listing.id)).rejects.toMatchObject({ status: 404 });
    await expect(sellers.updateListing(mallory, listing.id, { title: 'Stolen' })).rejects.toMatchObject({ status: 404 });
    await expect(sellers.publishListing(mallory, listing.id)).rejects.toMatchObject({ status: 404 });
    await expect(sellers.archiveListing(mallory, listing.id)).rejects.toMatchObject({ status: 404 });
    await expect(sellers.regeneratePhotos(mallory, listing.id)).rejects.toMatchObject({ status: 404 });
    const shopper = await user('shop@example.com');
    await expect(sellers.createListing(shopper, { design: 'x', title: 'x', products: [] })).rejects.toMatchObject({ status: 403 });
    expect((await sellers.getOwnedListing(owner, listing.id)).title).toBe('Hearts tee');
    const admin = await user('admin@example.com', 'ADMIN');
    expect((await sellers.updateListing(admin, listing.id, { title: 'Fixed by admin' })).title).toBe('Fixed by admin');
  });

  it('cannot be published before a photo is rendered (409); the photo job renders every product view', async () => {
    const owner = await seller();
    const listing = await draft(owner);
    expect(listing.tags).toEqual(['hearts', 'navy-blue']);
    const { sellers, db } = await lib();
    await expect(sellers.publishListing(owner, listing.id)).rejects.toMatchObject({ status: 409, code: 'no_photos', message: expect.stringMatching(/at least one rendered photo/) });
    let progress = await sellers.photoProgress((await db.listing.findUnique({ where: { id: listing.id }, include: { products: true, photos: true } }))! as never);
    expect(progress).toMatchObject({ done: 0, total: 5 }); // tee front, back, detail; mug front, left

    await sellers.handleListingPhotos({ listingId: listing.id });
    await sellers.handleListingPhotos({ listingId: listing.id }); // a re-run adds nothing
    const photos = await db.listingPhoto.findMany({ where: { listingId: listing.id }, orderBy: { productSlug: 'asc' } });
    expect(photos.map((p) => `${p.kind}:${p.productSlug}:${p.view}`).sort()).toEqual(['mockup:mug:front', 'mockup:mug:left', 'mockup:tee:back', 'mockup:tee:detail', 'mockup:tee:front']);
    const { getBlob } = await import('../../lib/storage');
    const meta = await sharp(await getBlob(photos[0].blobKey)).metadata();
    expect(meta).toMatchObject({ format: 'png' });
    expect(meta.width).toBeGreaterThanOrEqual(800);
    progress = await sellers.photoProgress((await sellers.getOwnedListing(owner, listing.id)) as never);
    expect(progress).toMatchObject({ done: 5, total: 5, complete: true });

    const chosen = await sellers.chooseCover(owner, listing.id, photos[1].id);
    expect(chosen!.coverPhotoId).toBe(photos[1].id);
    await expect(sellers.chooseCover(owner, listing.id, 'nope')).rejects.toMatchObject({ status: 400 });
    const published = await sellers.publishListing(owner, listing.id);
    expect(published.status).toBe('PUBLISHED');
    expect(published.publishedAt).toBeInstanceOf(Date);
    // Terms are fixed once published; the text can still change.
    await expect(sellers.updateListing(owner, listing.id, { products: [{ product: 'tee', priceMinor: 5000 }] })).rejects.toMatchObject({ status: 409 });
    expect((await sellers.updateListing(owner, listing.id, { description: 'Now with more hearts' })).description).toBe('Now with more hearts');
    const archived = await sellers.archiveListing(owner, listing.id);
    expect(archived.status).toBe('ARCHIVED');
    expect(await sellers.getPublicListing(listing.slug)).toBeNull();
    await expect(sellers.publishListing(owner, listing.id)).rejects.toMatchObject({ status: 409 });
  });

  it('changing products re-renders only what is missing and drops photos of removed products', async () => {
    const owner = await seller();
    const listing = await draft(owner);
    const { sellers, db } = await lib();
    await sellers.handleListingPhotos({ listingId: listing.id });
    await sellers.updateListing(owner, listing.id, { products: [{ product: 'tee', priceMinor: 3000 }, { product: 'tote', priceMinor: 2000 }] });
    await sellers.handleListingPhotos({ listingId: listing.id });
    const photos = await db.listingPhoto.findMany({ where: { listingId: listing.id } });
    expect(photos.map((p) => p.productSlug).sort()).toEqual(['tee', 'tee', 'tee', 'tote']);
  });

  it('runs the studio moderation on the design prompt and the title (422)', async () => {
    const owner = await seller();
    const { sellers } = await lib();
    const bad = await makeDesign('nazi eagles pattern', owner.id);
    await expect(sellers.createListing(owner, { design: bad, title: 'Eagles', products: [{ product: 'tee', priceMinor: 3000 }] })).rejects.toMatchObject({
      status: 422,
      code: 'moderation_hate',
    });
    const good = await makeDesign('red hearts on navy', owner.id);
    await expect(sellers.createListing(owner, { design: good, title: 'Pikachu hearts', products: [{ product: 'tee', priceMinor: 3000 }] })).rejects.toMatchObject({ status: 422 });
    // A pasted studio URL works as a design id.
    const l = await sellers.createListing(owner, { design: `http://localhost:3000/r/${good}.png`, title: 'Hearts', products: [{ product: 'tee', priceMinor: 3000 }] });
    expect(l.designId).toBe(good);
    await expect(sellers.createListing(owner, { design: 'f'.repeat(64), title: 'Ghost', products: [{ product: 'tee', priceMinor: 3000 }] })).rejects.toMatchObject({ status: 404 });
  });

  it('refuses campaigns longer than 6 days (authorisations expire after ~7)', async () => {
    const owner = await seller();
    await expect(draft(owner, { campaign: { minOrders: 10, deadline: inDays(8).toISOString() } })).rejects.toMatchObject({ status: 422, code: 'campaign_deadline_too_far' });
    const ok = await draft(owner, { campaign: { minOrders: 10, deadline: inDays(5.5).toISOString() } });
    expect(ok.campaign).toMatchObject({ minOrders: 10, status: 'ACTIVE' });
  });
});

describe('shoppers', () => {
  it('a listing line in the cart costs the listing price; drafts cannot be bought', async () => {
    const owner = await seller();
    const listing = await draft(owner);
    const { sellers, cart, db } = await lib();
    const { variant } = await teeVariant();
    const c = await db.cart.create({ data: {} });
    await expect(cart.addToCart(c.id, { listingId: listing.id, variantId: variant.id })).rejects.toMatchObject({ status: 404 });
    await sellers.handleListingPhotos({ listingId: listing.id });
    await sellers.publishListing(owner, listing.id);
    await cart.addToCart(c.id, { listingId: listing.id, variantId: variant.id, quantity: 2, designId: 'a'.repeat(64), repeatIn: 9 });
    await cart.addToCart(c.id, { listingId: listing.id, variantId: variant.id, quantity: 1 });
    const view = (await cart.getCart(c.id))!;
    expect(view.items).toHaveLength(1);
    expect(view.items[0]).toMatchObject({ listingId: listing.id, designId: listing.designId, quantity: 3, repeatIn: 4 }); // the listing's design and scale win
    expect(view.items[0].variant.priceMinor).toBe(3400);
    expect(cart.cartTotals(view).subtotalMinor).toBe(10200);
    const hoodie = (await (await lib()).catalog.findProductBySlug('hoodie'))!;
    await expect(cart.addToCart(c.id, { listingId: listing.id, variantId: hoodie.variants[0].id })).rejects.toMatchObject({ status: 404 }); // not offered
  });

  it('counts views per day, shows public pages and lists them in the sitemap', async () => {
    const owner = await seller();
    const listing = await draft(owner);
    const { sellers, db } = await lib();
    await sellers.handleListingPhotos({ listingId: listing.id });
    await sellers.publishListing(owner, listing.id);
    const pub = (await sellers.getPublicListing(listing.slug))!;
    expect(pub.offers.map((o) => [o.slug, o.priceMinor])).toEqual([
      ['tee', 3400],
      ['mug', 1500],
    ]);
    expect(pub.cover).toBeTruthy();
    sellers.recordListingView(listing.id, new Date('2026-11-20T10:00:00Z'));
    sellers.recordListingView(listing.id, new Date('2026-11-20T23:59:00Z'));
    sellers.recordListingView(listing.id, new Date('2026-11-21T00:01:00Z'));
    await sellers.flushListingViews();
    const stats = await db.listingDailyStat.findMany({ where: { listingId: listing.id }, orderBy: { day: 'asc' } });
    expect(stats.map((s) => [s.day.toISOString().slice(0, 10), s.views])).toEqual([
      ['2026-11-20', 2],
      ['2026-11-21', 1],
    ]);
    expect((await db.listing.findUniqueOrThrow({ where: { id: listing.id } })).views).toBe(3);
    const dash = await sellers.sellerDashboard(listing.sellerId, 30, new Date('2026-11-23T12:00:00Z'));
    expect(dash.totals).toMatchObject({ listings: 1, published: 1, views: 3 });
    expect(dash.series).toHaveLength(30);
    expect(dash.series.find((p) => p.day === '2026-11-20')!.views).toBe(2);

    const shop = (await sellers.getShop('sams-shop'))!;
    expect(shop.cards.map((c) => c.listing.id)).toEqual([listing.id]);
    expect(shop.cards[0].fromMinor).toBe(1500);
    const entries = await sellers.listingSitemapEntries();
    expect(entries.map((e) => e.url)).toEqual([`http://localhost:3999/listings/${listing.slug}`, 'http://localhost:3999/shops/sams-shop']);
  });
});

describe('whose designs a seller may sell', () => {
  it("refuses another shopper's design, another shop's published design and anonymous designs with 403; allows own and licensed ones", async () => {
    const { sellers, db } = await lib();
    const sam = await seller();
    const mallory = await seller('mal@example.com', 'mals-shop');
    const shopper = await user('shop@example.com');
    const terms = { title: 'Hearts tee', products: [{ product: 'tee', priceMinor: 3400 }] };

    const shoppersDesign = await makeDesign('teal waves on white', shopper.id);
    await expect(sellers.createListing(mallory, { design: shoppersDesign, ...terms })).rejects.toMatchObject({ status: 403, code: 'design_not_yours', message: expect.stringMatching(/made by someone else/) });

    // Sam's design, published in Sam's shop: Mallory may not copy it into hers.
    const samsDesign = await makeDesign('red hearts on navy', sam.id);
    const samsListing = await sellers.createListing(sam, { design: samsDesign, ...terms });
    await sellers.handleListingPhotos({ listingId: samsListing.id });
    await sellers.publishListing(sam, samsListing.id);
    await expect(sellers.createListing(mallory, { design: samsDesign, ...terms })).rejects.toMatchObject({ status: 403, code: 'design_not_yours' });

    // A design made while signed out belongs to nobody: nobody can sell it.
    const anonymous = await makeDesign('yellow stars on navy', null);
    await expect(sellers.createListing(mallory, { design: anonymous, ...terms })).rejects.toMatchObject({ status: 403, code: 'design_not_yours', message: expect.stringMatching(/signed in/) });
    expect(await db.listing.count({ where: { sellerId: { not: (await sellers.requireSeller(sam)).id } } })).toBe(0);

    // Once Sam licenses the design to Mallory's shop, she may list it; a licence is Sam's to give.
    await expect(sellers.grantDesignLicense(mallory, samsDesign, { shop: 'mals-shop' })).rejects.toMatchObject({ status: 403 });
    await expect(sellers.grantDesignLicense(sam, samsDesign, { shop: 'no-such-shop' })).rejects.toMatchObject({ status: 404 });
    await sellers.grantDesignLicense(sam, samsDesign, { shop: 'mals-shop' });
    await sellers.grantDesignLicense(sam, samsDesign, { shop: 'mals-shop' }); // idempotent
    const licensed = await sellers.createListing(mallory, { design: samsDesign, ...terms });
    expect(licensed.designId).toBe(samsDesign);
    expect(await db.designLicense.count()).toBe(1);

    // A draft made from a design the seller does not own (or no longer licenses) cannot be published.
    await sellers.revokeDesignLicense(sam, samsDesign, { shop: 'mals-shop' });
    await sellers.handleListingPhotos({ listingId: licensed.id });
    await expect(sellers.publishListing(mallory, licensed.id)).rejects.toMatchObject({ status: 403, code: 'design_not_yours' });
    await expect(sellers.createListing(mallory, { design: samsDesign, ...terms })).rejects.toMatchObject({ status: 403 });
  });
});
