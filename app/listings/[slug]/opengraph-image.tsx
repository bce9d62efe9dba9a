// og:image of a listing: its design on the product its cover photo shows, in that garment colour.
import { ImageResponse } from 'next/og';
import { formatMoney } from '@/lib/catalog';
import { getPublicListing } from '@/lib/sellers';
import { designOgImage } from '@/app/_components/design-og-image';
import { OG_SIZE, OgCard } from '@/app/_components/og-card';

export const alt = 'A Seedprint listing: the design printed on the product';
export const size = OG_SIZE;
export const contentType = 'image/png';
export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

export default async function ListingOgImage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const data = await getPublicListing(slug);
  if (!data) return new ImageResponse(<OgCard eyebrow="Seedprint" title="Listing not found" subtitle="Find another pattern in the shop." />, { ...OG_SIZE, status: 404 });
  const { listing, offers, cover } = data;
  const offer = offers.find((o) => o.slug === cover?.productSlug) ?? offers[0];
  const from = offers.length ? `from ${formatMoney(Math.min(...offers.map((o) => o.priceMinor)), offers[0].currency)}` : 'printed to order';
  return designOgImage({
    designId: listing.designId,
    productSlug: offer?.slug ?? 'tee',
    colorHex: offer?.variants[0]?.colorHex,
    repeatIn: listing.repeatIn,
    eyebrow: `by ${listing.seller.shopName}`,
    title: listing.title,
    subtitle: `${offer ? `${offer.name} ` : ''}${from}`,
  });
}
