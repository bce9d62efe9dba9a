// Catalog data access: the only catalog module that touches Prisma.
import { cache } from 'react';
import { db } from '../db/client';
import { CATALOG, skuFor } from './catalog-data';

const productInclude = {
  variants: { where: { active: true }, orderBy: [{ sortOrder: 'asc' as const }] },
  printAreas: { orderBy: { name: 'asc' as const } },
};

export function listProducts() {
  return db.product.findMany({ where: { active: true }, include: productInclude, orderBy: { sortOrder: 'asc' } });
}

// Per-request memo: a product page's metadata, JSON-LD and body all ask for the same product.
export const findProductBySlug = cache((slug: string) => db.product.findFirst({ where: { slug, active: true }, include: productInclude }));

export function findProductById(id: string) {
  return db.product.findUnique({ where: { id }, include: { variants: { orderBy: { sortOrder: 'asc' } }, printAreas: true } });
}

export function findVariant(id: string) {
  return db.productVariant.findUnique({ where: { id }, include: { product: { include: { printAreas: true } } } });
}

export function listAllProductsForAdmin() {
  return db.product.findMany({ include: { variants: { orderBy: { sortOrder: 'asc' } }, printAreas: true }, orderBy: { sortOrder: 'asc' } });
}

export function updateProduct(id: string, data: { name?: string; description?: string; active?: boolean }) {
  return db.product.update({ where: { id }, data });
}

export function updateVariant(id: string, data: { priceMinor?: number; costMinor?: number; active?: boolean }) {
  return db.productVariant.update({ where: { id }, data });
}

/** Inserts the seeded catalog once; later runs leave edited products alone. */
export async function seedCatalog(): Promise<{ created: number }> {
  let created = 0;
  for (const [i, p] of CATALOG.entries()) {
    const exists = await db.product.findUnique({ where: { slug: p.slug }, select: { id: true } });
    if (exists) continue;
    await db.product.create({
      data: {
        slug: p.slug,
        name: p.name,
        kind: p.kind,
        description: p.description,
        sortOrder: i,
        printAreas: { create: p.printAreas },
        variants: {
          create: p.variants.map((v, j) => ({
            sku: skuFor(p.slug, v),
            size: v.size ?? null,
            color: v.color,
            colorHex: v.colorHex,
            priceMinor: v.priceMinor,
            costMinor: v.costMinor,
            currency: 'usd',
            sortOrder: j,
          })),
        },
      },
    });
    created++;
  }
  return { created };
}
