// Create a listing from a studio design: products, colours, prices (with the floor shown),
// text, tags, and optionally a sell-first campaign.
import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { requireRolePage } from '@/lib/auth';
import { listProducts } from '@/lib/catalog';
import { MAX_CAMPAIGN_DAYS } from '@/lib/campaigns';
import { listDesignsByUser } from '@/lib/generation';
import { floorFor, getSellerForUser, STORE_MARGIN } from '@/lib/sellers';
import { ListingForm, type FormProduct } from './listing-form';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'New listing', robots: { index: false } };

type Search = Promise<Record<string, string | string[] | undefined>>;

export default async function NewListingPage({ searchParams }: { searchParams: Search }) {
  const user = await requireRolePage(['SELLER', 'ADMIN'], '/sell/listings/new');
  if (!(await getSellerForUser(user.id))) redirect('/sell');
  const sp = await searchParams;
  const [catalog, designs] = await Promise.all([listProducts(), listDesignsByUser(user.id)]);
  const products: FormProduct[] = catalog
    .filter((p) => p.variants.length)
    .map((p) => {
      const f = floorFor(p);
      return {
        slug: p.slug,
        name: p.name,
        floorMinor: f.floorMinor,
        costMinor: f.maxCostMinor,
        retailMinor: f.retailMinor,
        colors: [...new Map(p.variants.map((v) => [v.color, { color: v.color, hex: v.colorHex }])).values()],
        sizes: f.sizes.flatMap((s) => (s.size ? [{ size: s.size, floorMinor: s.floorMinor, costMinor: s.maxCostMinor, retailMinor: s.retailMinor }] : [])),
      };
    });
  // A server page rendered per request (force-dynamic): the form's date limits start from now.
  // eslint-disable-next-line react-hooks/purity
  const now = Date.now();
  const toLocal = (ms: number) => new Date(ms).toISOString().slice(0, 16);
  return (
    <main className="container-page py-8 sm:py-12">
      <nav aria-label="Breadcrumb" className="mb-4 text-sm text-stone-600">
        <Link href="/sell" className="hover:underline">
          Seller dashboard
        </Link>{' '}
        / New listing
      </nav>
      <h1 className="text-3xl font-bold tracking-tight text-stone-900">New listing</h1>
      <p className="mt-2 max-w-2xl text-stone-600">
        Each size’s price starts at its production cost plus our {Math.round(STORE_MARGIN * 100)} % margin (the floor shown beside it). The store renders the product photos as soon as you save.
      </p>
      <ListingForm
        products={products}
        designs={designs.map((d) => ({ id: d.id, prompt: d.prompt }))}
        initialDesign={typeof sp.design === 'string' ? sp.design : ''}
        deadlineMin={toLocal(now + 2 * 3_600_000)}
        deadlineMax={toLocal(now + MAX_CAMPAIGN_DAYS * 86_400_000 - 60_000)}
        deadlineDefault={toLocal(now + 5 * 86_400_000)}
        maxDays={MAX_CAMPAIGN_DAYS}
      />
    </main>
  );
}
