import { ImageResponse } from 'next/og';
import { CATALOG, findProductBySlug, formatMoney } from '@/lib/catalog';
import { OG_SIZE, OgCard } from '@/app/_components/og-card';

export const alt = 'A Seedprint product, printed with your own pattern';
export const size = OG_SIZE;
export const contentType = 'image/png';
export const dynamic = 'force-dynamic';

async function load(slug: string) {
  try {
    const p = await findProductBySlug(slug);
    if (p) return { name: p.name, prices: p.variants.map((v) => v.priceMinor), currency: p.variants[0]?.currency ?? 'usd', colors: [...new Set(p.variants.map((v) => v.colorHex))] };
  } catch {
    // the database is not reachable: fall back to the seeded catalog
  }
  const c = CATALOG.find((x) => x.slug === slug);
  return c ? { name: c.name, prices: c.variants.map((v) => v.priceMinor), currency: 'usd', colors: [...new Set(c.variants.map((v) => v.colorHex))] } : null;
}

export default async function ProductOgImage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const p = await load(slug);
  const from = p && p.prices.length ? `from ${formatMoney(Math.min(...p.prices), p.currency)}` : '';
  return new ImageResponse(
    <OgCard eyebrow={from ? `${from} · printed to order` : 'Printed to order'} title={p?.name ?? 'Seedprint'} subtitle="With a pattern nobody has designed yet." swatches={p?.colors ?? []} />,
    size,
  );
}
