import type { MetadataRoute } from 'next';
import { CATALOG, listProducts } from '@/lib/catalog';
import { env } from '@/lib/env';
import { listingSitemapEntries } from '@/lib/sellers';

// Reads the catalog at request time (the database is not there at build time).
export const dynamic = 'force-dynamic';

export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const base = env().PUBLIC_URL.replace(/\/$/, '');
  let products: { slug: string; updatedAt?: Date }[];
  try {
    products = await listProducts();
  } catch {
    products = CATALOG.map((p) => ({ slug: p.slug }));
  }
  return [
    { url: `${base}/`, changeFrequency: 'weekly', priority: 1 },
    { url: `${base}/products`, changeFrequency: 'weekly', priority: 0.9 },
    { url: `${base}/design`, changeFrequency: 'monthly', priority: 0.8 },
    ...products.map((p) => ({ url: `${base}/products/${p.slug}`, lastModified: p.updatedAt, changeFrequency: 'weekly' as const, priority: 0.8 })),
    ...(await listingSitemapEntries().catch(() => [])),
  ];
}
