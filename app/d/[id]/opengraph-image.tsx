// og:image of a share link: the design on the product it was chosen for.
import { CATALOG } from '@/lib/catalog';
import { isProductSlug } from '@/lib/design';
import { sharedDesign } from '@/lib/saved-designs';
import { designOgImage } from '@/app/_components/design-og-image';
import { ImageResponse } from 'next/og';
import { OG_SIZE, OgCard } from '@/app/_components/og-card';

export const alt = 'A pattern designed on Seedprint, shown on a product';
export const size = OG_SIZE;
export const contentType = 'image/png';
export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

export default async function SharedDesignOgImage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const d = await sharedDesign(id);
  if (!d) return new ImageResponse(<OgCard eyebrow="Seedprint" title="Design not found" subtitle="Design your own pattern." />, { ...OG_SIZE, status: 404 });
  const slug = d.productSlug && isProductSlug(d.productSlug) ? d.productSlug : 'tee';
  const name = CATALOG.find((p) => p.slug === slug)!.name;
  return designOgImage({ designId: d.designId, productSlug: slug, eyebrow: `On a ${name.toLowerCase()} · printed to order`, title: `“${d.prompt}”`, subtitle: 'A pattern nobody had designed before.' });
}
