// Catalog search against the real PostgreSQL: products by name, type and tags, published listings
// by title and tags (drafts never), prefixes, and hostile input that must give results or nothing,
// never an error.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { searchCatalog, seedCatalog, toPrefixQuery } from '../../lib/catalog';
import { db } from '../../lib/db/client';
import { resetDatabase } from '../setup/db';

async function listing(sellerId: string, designId: string, slug: string, title: string, tags: string[], status: 'DRAFT' | 'PUBLISHED' | 'ARCHIVED' = 'PUBLISHED') {
  return db.listing.create({ data: { sellerId, designId, slug, title, description: 'Printed to order.', tags, status, publishedAt: status === 'PUBLISHED' ? new Date() : null } });
}

const slugs = (r: Awaited<ReturnType<typeof searchCatalog>>) => ({ products: r.products.map((p) => p.slug), listings: r.listings.map((l) => l.slug) });

describe('catalog search', () => {
  beforeAll(async () => {
    await resetDatabase();
    await seedCatalog();
    const user = await db.user.create({ data: { email: 'sam@example.com', role: 'SELLER' } });
    const seller = await db.sellerProfile.create({ data: { userId: user.id, shopName: 'Sam’s Patterns', slug: 'sams-patterns' } });
    const recipe = { prompt: 'cats', seed: 1 };
    const design = await db.design.create({ data: { id: 'd'.repeat(64), recipe, prompt: 'cats', seed: 1n, modelId: 'm', modelSha256: 'b'.repeat(64), scheduler: 'ddim', steps: 8, guidance: 3, width: 64, height: 64, tileable: true } });
    await listing(seller.id, design.id, 'sleepy-cats', 'Sleepy cats in the sun', ['kittens', 'pastel']);
    await listing(seller.id, design.id, 'cat-mug-draft', 'Cats on a mug', ['cats'], 'DRAFT');
    await listing(seller.id, design.id, 'old-cats', 'Old cats pattern', ['cats'], 'ARCHIVED');
    await listing(seller.id, design.id, 'lemon-grove', 'Lemon grove', ['citrus', 'summer']);
  });

  it('finds products by name, product type and tags', async () => {
    expect(slugs(await searchCatalog('mug')).products).toEqual(['mug']);
    expect(slugs(await searchCatalog('mugs')).products).toEqual(['mug']); // stemmed
    expect(slugs(await searchCatalog('coffee cup')).products).toEqual(['mug']); // tags
    expect(slugs(await searchCatalog('garment')).products.sort()).toEqual(['hoodie', 'tee']); // product type
    expect(slugs(await searchCatalog('wall art')).products).toEqual(['poster']); // type wall-art and tag
    expect(slugs(await searchCatalog('sweatshirt')).products).toEqual(['hoodie']);
    expect(slugs(await searchCatalog('iphone')).products).toEqual(['phone-case']);
    expect(slugs(await searchCatalog('hood')).products).toEqual(['hoodie']); // a prefix while typing
    expect(slugs(await searchCatalog('Phone Case')).products).toEqual(['phone-case']);
  });

  it('finds published listings by title and tags, never drafts or archived ones', async () => {
    expect(slugs(await searchCatalog('cats'))).toEqual({ products: [], listings: ['sleepy-cats'] });
    expect(slugs(await searchCatalog('kittens')).listings).toEqual(['sleepy-cats']);
    expect(slugs(await searchCatalog('citrus')).listings).toEqual(['lemon-grove']);
    const r = await searchCatalog('cats');
    expect(r.listings[0]).toMatchObject({ title: 'Sleepy cats in the sun', shopName: 'Sam’s Patterns', designId: 'd'.repeat(64) });
  });

  it('keeps the query as typed (trimmed) and gives nothing for no words', async () => {
    expect((await searchCatalog('  cats  ')).query).toBe('cats');
    expect(slugs(await searchCatalog('zebra'))).toEqual({ products: [], listings: [] });
    expect(slugs(await searchCatalog(''))).toEqual({ products: [], listings: [] });
    expect(slugs(await searchCatalog('the'))).toEqual({ products: [], listings: [] }); // stop word only
    expect(slugs(await searchCatalog(undefined))).toEqual({ products: [], listings: [] });
  });

  it('treats operators, quotes and percent signs as spaces', async () => {
    for (const q of ["mug'", 'mug%', '"mug"', 'mug & | ! : *', "m%' OR 1=1 --", '!mug', 'mug:*', '(mug', '\\mug', 'mug\u0000']) {
      expect(slugs(await searchCatalog(q)).products, q).toEqual(['mug']);
    }
    expect(toPrefixQuery("cat's & dog | !x:*")).toBe('cat:* & s:* & dog:* & x:*');
    expect(slugs(await searchCatalog('%%%')).products).toEqual([]);
    expect(slugs(await searchCatalog('&|!:*')).products).toEqual([]);
  });

  it('answers very long and arbitrary input without an error', async () => {
    expect((await searchCatalog('mug '.repeat(5000))).query.length).toBeLessThanOrEqual(200);
    expect(slugs(await searchCatalog('mug '.repeat(5000))).products).toEqual(['mug']);
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 300 }), async (q) => {
        const r = await searchCatalog(q);
        expect(Array.isArray(r.products) && Array.isArray(r.listings)).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it('uses the GIN indexes', async () => {
    await db.$transaction(async (tx) => {
      await tx.$executeRawUnsafe('SET LOCAL enable_seqscan = off');
      const plan = (await tx.$queryRawUnsafe<{ 'QUERY PLAN': string }[]>(
        `EXPLAIN SELECT id FROM "Listing" WHERE seedprint_listing_search(title, tags, description) @@ to_tsquery('english', 'cat:*')`,
      )).map((r) => r['QUERY PLAN']).join('\n');
      expect(plan).toContain('Listing_search_idx');
      const plan2 = (await tx.$queryRawUnsafe<{ 'QUERY PLAN': string }[]>(
        `EXPLAIN SELECT id FROM "Product" WHERE seedprint_product_search(name, kind, tags, description) @@ to_tsquery('english', 'mug:*')`,
      )).map((r) => r['QUERY PLAN']).join('\n');
      expect(plan2).toContain('Product_search_idx');
    });
  });
});
