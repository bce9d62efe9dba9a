// Builds a paid order for an item with a real design (rendered by the real model).
import { createHash } from 'node:crypto';
import { db } from '../../lib/db/client';
import { recipeHash, type Recipe } from '../../lib/generation/recipe';
import { seedCatalog, findProductBySlug, variantLabel } from '../../lib/catalog';

export async function makeDesign(prompt = 'red hearts on navy', seed = 11) {
  const gen = await import('../../lib/generation/generate');
  const info = await gen.getModelInfo();
  const recipe: Recipe = { prompt, seed, modelId: info.id, modelSha256: info.modelSha256, scheduler: 'ddim', steps: 8, guidance: 3, width: 64, height: 64, tileable: true };
  const png = await gen.renderRecipe(recipe);
  const id = recipeHash(recipe);
  const previewSha256 = createHash('sha256').update(png).digest('hex');
  await db.design.upsert({
    where: { id },
    update: {},
    create: { id, recipe, prompt, seed: BigInt(seed), modelId: recipe.modelId, modelSha256: recipe.modelSha256, scheduler: 'ddim', steps: 8, guidance: 3, width: 64, height: 64, tileable: true, previewSha256 },
  });
  return { id, recipe, previewSha256 };
}

export async function makePaidOrder(slug: string, opts: { size?: string; repeatIn?: number } = {}) {
  await seedCatalog();
  const design = await makeDesign();
  const product = (await findProductBySlug(slug))!;
  const variant = product.variants.find((v) => !opts.size || v.size === opts.size)!;
  const n = Math.random().toString(36).slice(2, 10).toUpperCase();
  const order = await db.order.create({
    data: {
      number: `SP-T${n}`,
      email: 'buyer@example.com',
      status: 'PAID',
      currency: 'usd',
      subtotalMinor: variant.priceMinor,
      shippingMinor: 499,
      totalMinor: variant.priceMinor + 499,
      shippingZone: 'us',
      shippingCountry: 'US',
      paidAt: new Date(),
      items: {
        create: {
          variantId: variant.id,
          designId: design.id,
          productSlug: slug,
          productName: product.name,
          variantLabel: variantLabel(variant),
          sku: variant.sku,
          recipe: design.recipe,
          unitPriceMinor: variant.priceMinor,
          quantity: 1,
          repeatIn: opts.repeatIn ?? 3,
        },
      },
      history: { create: [{ from: null, to: 'PENDING_PAYMENT', actor: 'system' }, { from: 'PENDING_PAYMENT', to: 'PAID', actor: 'stripe' }] },
    },
  });
  return { order, design, product, variant };
}
