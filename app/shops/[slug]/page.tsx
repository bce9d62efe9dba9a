// A seller's public shop: their published listings.
import type { Metadata } from 'next';
import { cache } from 'react';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { formatMoney } from '@/lib/catalog/format';
import { getShop, listingUrl, photoUrl } from '@/lib/sellers';
import { publicUrl } from '@/app/_components/site-data';
import { CampaignBar } from '@/app/sell/_components/campaign-bar';

// The same for every visitor: rendered once per shop and cached (ISR). Listing and shop writes
// clear this instance's copies at once (app/_lib/public-pages); other instances show a change, and
// every instance a campaign's new sales, within these seconds.
export const revalidate = 10;
export const dynamicParams = true;
export function generateStaticParams(): { slug: string }[] {
  return []; // rendered on first request (shops live in the database)
}

type Params = Promise<{ slug: string }>;

// Once per render: the metadata and the page read the same data.
const load = cache(getShop);

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { slug } = await params;
  const shop = await load(slug);
  if (!shop) return { title: 'Shop not found', robots: { index: false } };
  const description = shop.seller.bio || `${shop.seller.shopName}: patterns printed on demand by Seedprint.`;
  const cover = shop.cards.find((c) => c.cover)?.cover;
  return {
    title: shop.seller.shopName,
    description,
    alternates: { canonical: `/shops/${shop.seller.slug}` },
    openGraph: { title: shop.seller.shopName, description, url: `/shops/${shop.seller.slug}`, type: 'website', images: cover ? [{ url: photoUrl(cover.id), alt: shop.seller.shopName }] : [] },
  };
}

export default async function ShopPage({ params }: { params: Params }) {
  const { slug } = await params;
  const shop = await load(slug);
  if (!shop) notFound();
  const { seller, cards } = shop;
  const jsonLd = {
    '@context': 'https://schema.org',
    '@type': 'Store',
    name: seller.shopName,
    description: seller.bio ?? undefined,
    url: publicUrl(`/shops/${seller.slug}`),
  };
  return (
    <main className="container-page py-8 sm:py-12">
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: JSON.stringify(jsonLd).replace(/</g, '\\u003c') }} />
      <header className="flex flex-wrap items-end justify-between gap-4 border-b border-stone-200 pb-6">
        <div>
          <p className="text-sm font-semibold tracking-wide text-brand-700 uppercase">Shop</p>
          <h1 className="mt-1 text-3xl font-bold tracking-tight text-stone-900 sm:text-4xl">{seller.shopName}</h1>
          {seller.bio ? <p className="mt-2 max-w-2xl text-stone-600">{seller.bio}</p> : null}
        </div>
        <p className="text-sm text-stone-600">
          {cards.length} listing{cards.length === 1 ? '' : 's'}
        </p>
      </header>
      {cards.length === 0 ? (
        <p className="mt-10 text-center text-stone-600">Nothing for sale here yet.</p>
      ) : (
        <ul className="mt-8 grid grid-cols-1 gap-6 sm:grid-cols-2 lg:grid-cols-3">
          {cards.map(({ listing, cover, fromMinor, currency, progress }) => (
            <li key={listing.id} className="card group overflow-hidden" data-testid="shop-listing">
              <Link href={listingUrl(listing.slug)} className="block">
                <div className="aspect-square overflow-hidden bg-stone-100">
                  {cover ? <img src={photoUrl(cover.id)} alt={listing.title} className="size-full object-cover transition duration-300 group-hover:scale-[1.03]" /> : null}
                </div>
                <div className="space-y-2 p-4">
                  <div className="flex items-baseline justify-between gap-2">
                    <h2 className="font-semibold text-stone-900 group-hover:underline">{listing.title}</h2>
                    {fromMinor !== null ? <span className="text-sm text-stone-700">from {formatMoney(fromMinor, currency)}</span> : null}
                  </div>
                  {progress ? <CampaignBar progress={progress} compact /> : null}
                </div>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
