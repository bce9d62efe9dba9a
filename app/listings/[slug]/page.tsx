// A seller's listing: generated product photos, product / variant picker at the listing price,
// campaign progress, SEO (metadata, Open Graph image of the design on the product, schema.org Product JSON-LD).
import type { Metadata } from 'next';
import { cache } from 'react';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getPublicListing, photoUrl, shopUrl } from '@/lib/sellers';
import { publicUrl } from '@/app/_components/site-data';
import { ListingBuy, ListingGallery, ListingPick } from './listing-buy';
import { campaignBuyState } from './campaign-state';
import { ListingCampaign, ListingLive } from './listing-live';

// The page is the same for every visitor, so it is rendered once per listing and cached (ISR).
// What must be fresh or per visitor comes from the browser: the campaign's progress and the view
// count (ListingLive), the header's user and cart. Listing writes clear this instance's copies at
// once (app/_lib/public-pages); other instances show a change within these seconds.
export const revalidate = 10;
export const dynamicParams = true;
export function generateStaticParams(): { slug: string }[] {
  return []; // rendered on first request (listings live in the database)
}

type Params = Promise<{ slug: string }>;

// Once per render: the metadata and the page read the same data.
const load = cache(getPublicListing);

const excerpt = (s: string, n = 160) => (s.length > n ? `${s.slice(0, n - 1).trimEnd()}…` : s);

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { slug } = await params;
  const data = await load(slug);
  if (!data) return { title: 'Listing not found', robots: { index: false } };
  const { listing } = data;
  const description = excerpt(listing.description || `${listing.title} by ${listing.seller.shopName}, printed on demand by Seedprint.`);
  // og:image comes from opengraph-image.tsx beside this page: the design on the cover's product.
  return {
    title: `${listing.title} by ${listing.seller.shopName}`,
    description,
    keywords: listing.tags,
    alternates: { canonical: `/listings/${listing.slug}` },
    openGraph: { title: listing.title, description, url: `/listings/${listing.slug}`, type: 'website' },
    twitter: { card: 'summary_large_image', title: listing.title, description },
  };
}

export default async function ListingPage({ params }: { params: Params }) {
  const { slug } = await params;
  const data = await load(slug);
  if (!data) notFound();
  const { listing, offers, progress, cover } = data;
  const { closed, preorder } = campaignBuyState(progress);
  const prices = offers.flatMap((o) => [o.priceMinor, ...Object.values(o.sizePrices)]);
  const currency = (offers[0]?.currency ?? 'usd').toUpperCase();
  const photos = listing.photos.map((p) => ({ id: p.id, url: photoUrl(p.id), alt: `${listing.title}: ${offers.find((o) => o.slug === p.productSlug)?.name ?? p.productSlug}, ${p.view}`, productSlug: p.productSlug }));
  const jsonLd = {
    '@context': 'https://schema.org',
    '@type': 'Product',
    name: listing.title,
    description: listing.description || listing.title,
    image: [cover, ...listing.photos.filter((p) => p.id !== cover?.id)].filter(Boolean).map((p) => publicUrl(photoUrl(p!.id))),
    url: publicUrl(`/listings/${listing.slug}`),
    sku: listing.id,
    keywords: listing.tags.join(', '),
    brand: { '@type': 'Brand', name: listing.seller.shopName },
    offers: {
      '@type': 'AggregateOffer',
      lowPrice: (Math.min(...prices) / 100).toFixed(2),
      highPrice: (Math.max(...prices) / 100).toFixed(2),
      offerCount: offers.length,
      priceCurrency: currency,
      availability: closed ? 'https://schema.org/Discontinued' : preorder ? 'https://schema.org/PreOrder' : 'https://schema.org/InStock',
      itemCondition: 'https://schema.org/NewCondition',
      seller: { '@type': 'Organization', name: listing.seller.shopName, url: publicUrl(shopUrl(listing.seller.slug)) },
      ...(preorder && progress ? { availabilityEnds: progress.deadline.toISOString() } : {}),
    },
  };

  return (
    <main className="container-page py-6 sm:py-10">
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: JSON.stringify(jsonLd).replace(/</g, '\\u003c') }} />
      <nav aria-label="Breadcrumb" className="mb-4 text-sm text-stone-600">
        <ol className="flex items-center gap-2">
          <li>
            <Link href={shopUrl(listing.seller.slug)} className="hover:text-stone-900 hover:underline">
              {listing.seller.shopName}
            </Link>
          </li>
          <li aria-hidden="true">/</li>
          <li aria-current="page" className="font-medium text-stone-900">
            {listing.title}
          </li>
        </ol>
      </nav>
      {/* The main photo follows the product picked below; it starts on the cover's product. */}
      <ListingLive slug={listing.slug} initialProgress={progress}>
      <ListingPick initialProductSlug={offers.find((o) => o.slug === cover?.productSlug)?.slug ?? offers[0]?.slug ?? null}>
        <div className="grid grid-cols-1 gap-8 lg:grid-cols-[minmax(0,1.1fr)_minmax(0,1fr)] lg:gap-12">
          <div className="min-w-0 lg:sticky lg:top-24 lg:self-start">
            <ListingGallery photos={photos} coverId={listing.coverPhotoId} />
          </div>
          <div className="min-w-0 space-y-6">
            <div>
              <h1 className="text-3xl font-bold tracking-tight text-stone-900 sm:text-4xl">{listing.title}</h1>
              <p className="mt-1 text-sm text-stone-600">
                by{' '}
                <Link href={shopUrl(listing.seller.slug)} className="link">
                  {listing.seller.shopName}
                </Link>
              </p>
              {listing.description ? <p className="mt-4 whitespace-pre-line text-stone-700">{listing.description}</p> : null}
              {listing.tags.length ? (
                <ul className="mt-4 flex flex-wrap gap-2" aria-label="Tags">
                  {listing.tags.map((t) => (
                    <li key={t} className="rounded-full bg-stone-100 px-2.5 py-0.5 text-xs text-stone-700">
                      #{t}
                    </li>
                  ))}
                </ul>
              ) : null}
            </div>
            <ListingCampaign />
            <ListingBuy listingId={listing.id} offers={offers} />
            <p className="text-xs text-stone-500">Printed on demand from the design’s recipe. Pattern repeat: {listing.repeatIn} in.</p>
          </div>
        </div>
      </ListingPick>
      </ListingLive>
    </main>
  );
}
