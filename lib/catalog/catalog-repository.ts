// Catalog data access: the only catalog module that touches Prisma.
import { cache } from 'react';
import { clearCache, ttlCache } from '../cache';
import { db } from '../db/client';
import { CATALOG, skuFor } from './catalog-data';

const productInclude = {
  variants: { where: { active: true }, orderBy: [{ sortOrder: 'asc' as const }] },
  printAreas: { orderBy: { name: 'asc' as const } },
};

export function listProducts() {
  return db.product.findMany({ where: { active: true }, include: productInclude, orderBy: { sortOrder: 'asc' } });
}

const CATALOG_CACHE = 'catalog';
const catalogCache = ttlCache<Awaited<ReturnType<typeof listProducts>>>(CATALOG_CACHE, 10_000, 1);
/** listProducts() for public pages: at most 10 s old (an admin's edit clears it in this process at once). */
export function listProductsCached() {
  return catalogCache.get('active', listProducts);
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

export async function updateProduct(id: string, data: { name?: string; description?: string; active?: boolean }) {
  const r = await db.product.update({ where: { id }, data });
  clearCache(CATALOG_CACHE);
  return r;
}

export async function updateVariant(id: string, data: { priceMinor?: number; costMinor?: number; active?: boolean }) {
  const r = await db.productVariant.update({ where: { id }, data });
  clearCache(CATALOG_CACHE);
  return r;
}

/**
 * Inserts the seeded catalog once; later runs leave edited products alone but add what the
 * catalog gained since (new variants and print areas, e.g. phone models; search tags where a
 * product has none) and keep the catalog's variant order.
 */
export async function seedCatalog(): Promise<{ created: number }> {
  let created = 0;
  for (const [i, p] of CATALOG.entries()) {
    const variantRows = p.variants.map((v, j) => ({
      sku: skuFor(p.slug, v),
      size: v.size ?? null,
      color: v.color,
      colorHex: v.colorHex,
      priceMinor: v.priceMinor,
      costMinor: v.costMinor,
      currency: 'usd',
      sortOrder: j,
    }));
    const exists = await db.product.findUnique({ where: { slug: p.slug }, select: { id: true, tags: true, variants: { select: { sku: true, sortOrder: true } }, printAreas: { select: { name: true } } } });
    if (exists) {
      await addMissingCatalogRows(exists, p.tags, p.printAreas, variantRows);
      continue;
    }
    await db.product.create({
      data: {
        slug: p.slug,
        name: p.name,
        kind: p.kind,
        description: p.description,
        tags: p.tags,
        sortOrder: i,
        printAreas: { create: p.printAreas },
        variants: { create: variantRows },
      },
    });
    created++;
  }
  return { created };
}

async function addMissingCatalogRows(
  product: { id: string; tags: string[]; variants: { sku: string; sortOrder: number }[]; printAreas: { name: string }[] },
  tags: string[],
  areas: (typeof CATALOG)[number]['printAreas'],
  variants: { sku: string; sortOrder: number; size: string | null; color: string; colorHex: string; priceMinor: number; costMinor: number; currency: string }[],
) {
  const haveAreas = new Set(product.printAreas.map((a) => a.name));
  const newAreas = areas.filter((a) => !haveAreas.has(a.name));
  if (newAreas.length) await db.printArea.createMany({ data: newAreas.map((a) => ({ ...a, productId: product.id })), skipDuplicates: true });
  const have = new Map(product.variants.map((v) => [v.sku, v.sortOrder]));
  const missing = variants.filter((v) => !have.has(v.sku));
  if (missing.length) await db.productVariant.createMany({ data: missing.map((v) => ({ ...v, productId: product.id })), skipDuplicates: true });
  for (const v of variants) {
    if (have.has(v.sku) && have.get(v.sku) !== v.sortOrder) await db.productVariant.update({ where: { sku: v.sku }, data: { sortOrder: v.sortOrder } });
  }
  if (product.tags.length === 0 && tags.length) await db.product.update({ where: { id: product.id }, data: { tags } });
}
