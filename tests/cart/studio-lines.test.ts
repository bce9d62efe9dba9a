// Studio lines in the cart: a line must name a design that exists (its foreign key decides, in
// the statement that inserts it), and the same variant, design and repeat merge into one line.
// Real PostgreSQL.
import { beforeEach, describe, expect, it } from 'vitest';
import { resetDatabase } from '../setup/db';

const lib = async () => ({
  cart: await import('../../lib/cart'),
  catalog: await import('../../lib/catalog'),
  db: (await import('../../lib/db/client')).db,
});

async function makeDesign(): Promise<string> {
  const { saveDesign } = await import('../../lib/generation');
  const recipe = { prompt: 'lemons on navy', seed: 3, modelId: 'seedprint-tiny-v1', modelSha256: 'c'.repeat(64), scheduler: 'ddim', steps: 8, guidance: 3, width: 64, height: 64, tileable: true };
  return (await saveDesign(recipe)).id;
}

async function teeVariant(): Promise<string> {
  const { catalog } = await lib();
  const tee = await catalog.findProductBySlug('tee');
  return tee!.variants.find((v) => v.size === 'M')!.id;
}

describe('studio lines', () => {
  beforeEach(async () => {
    await resetDatabase();
    await (await lib()).catalog.seedCatalog();
  });

  it('refuses a design that does not exist with 404 and adds nothing', async () => {
    const { cart } = await lib();
    const c = await cart.getOrCreateCart(null);
    const err = await cart.addToCart(c.id, { variantId: await teeVariant(), designId: 'ab'.repeat(32), quantity: 1, repeatIn: 4 }).catch((e: unknown) => e);
    expect(err).toMatchObject({ status: 404, message: 'That design was not found. Please pick it again in the studio.' });
    expect((await cart.getCart(c.id))?.items ?? []).toHaveLength(0);
  });

  it('adds a design that exists, merging the same variant, design and repeat into one line', async () => {
    const { cart } = await lib();
    const c = await cart.getOrCreateCart(null);
    const designId = await makeDesign();
    const variantId = await teeVariant();
    await cart.addToCart(c.id, { variantId, designId, quantity: 1, repeatIn: 4 });
    await cart.addToCart(c.id, { variantId, designId, quantity: 2, repeatIn: 4 });
    const items = (await cart.getCart(c.id))!.items;
    expect(items.map((i) => ({ designId: i.designId, quantity: i.quantity }))).toEqual([{ designId, quantity: 3 }]);
  });
});
