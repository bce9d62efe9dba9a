import type { Metadata } from 'next';
import Link from 'next/link';
import { listProducts, searchCatalog } from '@/lib/catalog';
import { ProductGrid } from '../_components/product-grid';
import { DesignThumb } from '../_components/design-thumb';
import { DESIGN_ID } from '../_components/urls';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = {
  title: 'Shop all products',
  description: 'Hoodies, tees, mugs, totes, posters and phone cases, printed with a pattern you design.',
  alternates: { canonical: '/products' },
};

type Search = Promise<Record<string, string | string[] | undefined>>;

export default async function ProductsPage({ searchParams }: { searchParams: Search }) {
  const sp = await searchParams;
  const raw = typeof sp.design === 'string' ? sp.design.toLowerCase() : null;
  const designId = raw && DESIGN_ID.test(raw) ? raw : null;
  // ?q= narrows the shelf to the products the catalog search finds, best match first.
  const search = typeof sp.q === 'string' && sp.q.trim() ? await searchCatalog(sp.q) : null;
  const all = await listProducts();
  const products = search?.query ? search.products.map((h) => all.find((p) => p.id === h.id)).filter((p) => p !== undefined) : all;
  return (
    <main className="container-page py-10 sm:py-14">
      <h1 className="text-3xl font-bold tracking-tight text-stone-900 sm:text-4xl">Shop</h1>
      <p className="mt-2 max-w-2xl text-stone-600">
        Choose a product, then <Link href="/design" className="link">design its pattern</Link>. Every piece is printed to order from your design.
      </p>
      {designId ? (
        <div className="mt-6 flex items-center gap-4 rounded-2xl bg-brand-50 p-4 ring-1 ring-brand-200" role="status">
          <DesignThumb designId={designId} alt="Your pattern" size={56} />
          <p className="text-sm text-brand-950">
            <strong className="font-semibold">Your pattern is ready.</strong> Pick something to print it on — each product below shows it at a 4 in repeat; you can change the size on the next page.
          </p>
        </div>
      ) : null}
      {search?.query ? (
        <p className="mt-6 flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-stone-700" role="status" data-testid="products-filter">
          <span>
            {products.length} {products.length === 1 ? 'product' : 'products'} matching “<span className="break-all font-medium">{search.query}</span>”
          </span>
          <Link href={designId ? `/products?design=${designId}` : '/products'} className="link">
            Show all products
          </Link>
          {search.listings.length ? (
            <Link href={`/search?q=${encodeURIComponent(search.query)}`} className="link">
              {search.listings.length} {search.listings.length === 1 ? 'design' : 'designs'} from our sellers
            </Link>
          ) : null}
        </p>
      ) : null}
      <div className="mt-8">
        {search?.query && products.length === 0 ? (
          <p className="rounded-2xl border border-dashed border-stone-300 bg-white p-8 text-center text-stone-600" data-testid="products-empty">
            No products match “<span className="break-all">{search.query}</span>”. <Link href="/products" className="link">See every product</Link> or{' '}
            <Link href="/design" className="link">design a pattern</Link>.
          </p>
        ) : (
          <ProductGrid products={products} headingLevel="h2" designId={designId} />
        )}
      </div>
    </main>
  );
}
