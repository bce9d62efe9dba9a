// Share links and listings: og:image is a real 1200×630 PNG of the design on the product, checked
// by its pixels (the design's own dominant colours cover part of it); og:title carries the
// shopper's words; a design nobody keeps, or an id that names none, is not shown.
process.env.GENERATION_MODEL_DIR = 'tests/generation/fixtures/standin';
import { beforeAll, describe, expect, it } from 'vitest';
import ShareOg from '../../app/d/[id]/opengraph-image';
import ListingOg from '../../app/listings/[slug]/opengraph-image';
import { generateMetadata as listingMetadata } from '../../app/listings/[slug]/page';
import { generateMetadata as shareMetadata } from '../../app/d/[id]/page';
import { db } from '../../lib/db/client';
import { generateCandidates, saveDesign } from '../../lib/generation';
import { saveToMyDesigns } from '../../lib/saved-designs';
import { dominantColours, pngSize, shareOfColour } from '../../e2e/pixels';
import { resetDatabase } from '../setup/db';
import { configureEnv, publishedListing, seller } from '../sellers/helpers';

configureEnv();

let hearts: { id: string; png: Buffer };
let unsaved: string;

beforeAll(async () => {
  await resetDatabase();
  await (await import('../../lib/catalog')).seedCatalog();
  const [a, b] = (await generateCandidates({ prompt: 'red hearts on navy', seed: 11, count: 2, engine: 'auto' })).candidates;
  await saveDesign(a.recipe);
  await saveDesign(b.recipe);
  hearts = { id: a.designId, png: a.png };
  unsaved = b.designId;
  const user = await db.user.create({ data: { email: 'sharer@example.com' } });
  await saveToMyDesigns({ userId: user.id }, { designId: a.designId, product: 'tee' });
});

const og = async (id: string) => {
  const res = await ShareOg({ params: Promise.resolve({ id }) });
  return { status: res.status, type: res.headers.get('content-type'), png: Buffer.from(await res.arrayBuffer()) };
};

describe('share link /d/<id>', () => {
  it('og:image is the design on the product: a 1200×630 PNG showing the design\'s own colours', async () => {
    const { status, type, png } = await og(hearts.id);
    expect(status).toBe(200);
    expect(type).toBe('image/png');
    expect(await pngSize(png)).toEqual({ width: 1200, height: 630 });
    const colours = await dominantColours(hearts.png, 2);
    expect(colours).toHaveLength(2);
    const product = { left: 620, top: 0, width: 580, height: 630 }; // the mockup half of the card
    for (const c of colours) {
      // navy ground and red hearts: each covers a visible part of the product, not a blank image
      // (the tee prints a chest rectangle, about a sixth of the mockup half; hearts are a few % of it)
      expect(await shareOfColour(png, c.rgb, 50, product), `colour ${c.rgb}`).toBeGreaterThan(0.005);
    }
  });

  it('og:title carries the shopper\'s words; designs nobody keeps and bad ids are not found', async () => {
    const meta = await shareMetadata({ params: Promise.resolve({ id: hearts.id }) });
    expect(meta.openGraph?.title).toBe('“red hearts on navy”: a Seedprint pattern');
    expect(JSON.stringify(meta)).not.toMatch(/sharer/);
    for (const id of [unsaved, 'f'.repeat(64), 'nope']) {
      expect((await shareMetadata({ params: Promise.resolve({ id }) })).title).toBe('Design not found');
      expect((await og(id)).status).toBe(404);
    }
  });
});

describe('listing /listings/<slug>', () => {
  it('og:image is the listing\'s design on its product, and og:title its title', async () => {
    const listing = await publishedListing(await seller('og-seller@example.com', 'og-shop'));
    await db.listing.update({ where: { id: listing.id }, data: { designId: hearts.id } });
    const meta = await listingMetadata({ params: Promise.resolve({ slug: listing.slug }) });
    expect(meta.openGraph?.title).toBe(listing.title);
    expect(meta.openGraph?.images).toBeUndefined(); // the opengraph-image beside the page supplies it
    const res = await ListingOg({ params: Promise.resolve({ slug: listing.slug }) });
    expect(res.status).toBe(200);
    const png = Buffer.from(await res.arrayBuffer());
    expect(await pngSize(png)).toEqual({ width: 1200, height: 630 });
    for (const c of await dominantColours(hearts.png, 2)) {
      expect(await shareOfColour(png, c.rgb, 50, { left: 620, top: 0, width: 580, height: 630 }), `colour ${c.rgb}`).toBeGreaterThan(0.005);
    }
    expect((await ListingOg({ params: Promise.resolve({ slug: 'no-such-listing' }) })).status).toBe(404);
  });
});
