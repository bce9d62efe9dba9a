// Catalog search: products and sellers' published listings for what the shopper typed. Rendered
// once per query and kept in Next's cache (app/search/[q]: proxy.ts rewrites /search?q=… there;
// app/search/page.tsx: no query), so it reads neither cookies nor the request.
import type { Metadata } from 'next';
import Link from 'next/link';
import { listProductsCached, searchCatalogCached, SEARCH_MAX_LENGTH } from '@/lib/catalog';
import { ProductGrid } from '../_components/product-grid';
import { DesignThumb } from '../_components/design-thumb';

const SUGGESTIONS = ['hoodie', 'mug', 'phone case', 'poster', 'cats', 'flowers'];

export function searchMetadata(raw: string): Metadata {
  const text = raw.trim().slice(0, 80);
  // Result pages are not indexed: every query would be a page of its own.
  return { title: text ? `Search: ${text}` : 'Search', robots: { index: false, follow: true } };
}

export async function SearchPage({ rawQuery }: { rawQuery: string }) {
  const { query, products: hits, listings } = await searchCatalogCached(rawQuery);
  const all = hits.length ? await listProductsCached() : [];
  const products = hits.map((h) => all.find((p) => p.id === h.id)).filter((p) => p !== undefined);
  const total = products.length + listings.length;

  return (
    <main className="container-page py-10 sm:py-14">
      <h1 className="text-3xl font-bold tracking-tight text-stone-900 sm:text-4xl">Search</h1>
      <form role="search" action="/search" method="get" className="mt-5 flex max-w-2xl gap-2">
        <label htmlFor="search-page-q" className="sr-only">
          Search products and designs
        </label>
        <input
          id="search-page-q"
          name="q"
          type="search"
          defaultValue={query}
          maxLength={SEARCH_MAX_LENGTH}
          placeholder="Hoodie, mug, cats, flowers…"
          className="h-12 min-w-0 flex-1 rounded-xl border border-stone-300 bg-white px-4 text-base text-stone-900 placeholder:text-stone-500 focus:border-brand-600 focus:outline-2 focus:outline-brand-600"
        />
        <button type="submit" className="btn-primary h-12 px-5">
          Search
        </button>
      </form>

      {!query ? (
        <div className="mt-8">
          <p className="text-stone-600">Search our products and the designs our sellers have published.</p>
          <Suggestions />
        </div>
      ) : total === 0 ? (
        <div className="mt-10 max-w-2xl rounded-2xl border border-dashed border-stone-300 bg-white p-8" data-testid="search-empty">
          <h2 className="text-xl font-semibold text-stone-900">
            Nothing found for “<span className="break-all">{query}</span>”
          </h2>
          <p className="mt-2 text-stone-600">Try fewer or different words — or describe it in the studio and we will draw a pattern nobody has made yet.</p>
          <div className="mt-5 flex flex-wrap gap-3">
            <Link href="/design" className="btn-primary">
              Design it yourself
            </Link>
            <Link href="/products" className="btn-secondary">
              Browse all products
            </Link>
          </div>
          <Suggestions />
        </div>
      ) : (
        <div className="mt-8 space-y-12">
          <p className="text-sm text-stone-600" role="status">
            {total} {total === 1 ? 'result' : 'results'} for “<span className="break-all">{query}</span>”
          </p>
          {products.length ? (
            <section aria-labelledby="search-products">
              <h2 id="search-products" className="text-xl font-semibold text-stone-900">
                Products
              </h2>
              <div className="mt-4" data-testid="search-products">
                <ProductGrid products={products} headingLevel="h3" />
              </div>
            </section>
          ) : null}
          {listings.length ? (
            <section aria-labelledby="search-listings">
              <h2 id="search-listings" className="text-xl font-semibold text-stone-900">
                Designs from our sellers
              </h2>
              <ul className="mt-4 grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-3" data-testid="search-listings">
                {listings.map((l) => (
                  <li key={l.id} className="card relative flex items-center gap-4 p-3 focus-within:ring-2 focus-within:ring-brand-600 hover:shadow-md">
                    <DesignThumb designId={l.designId} alt="" size={72} />
                    <div className="min-w-0">
                      <h3 className="font-semibold text-stone-900">
                        <Link href={`/listings/${l.slug}`} className="outline-none after:absolute after:inset-0 after:content-['']">
                          {l.title}
                        </Link>
                      </h3>
                      <p className="truncate text-sm text-stone-600">by {l.shopName}</p>
                    </div>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
        </div>
      )}
    </main>
  );
}

function Suggestions() {
  return (
    <p className="mt-5 flex flex-wrap items-center gap-2 text-sm text-stone-600">
      <span>Try:</span>
      {SUGGESTIONS.map((s) => (
        <Link key={s} href={`/search?q=${encodeURIComponent(s)}`} className="rounded-full bg-stone-100 px-3 py-1.5 font-medium text-stone-800 hover:bg-stone-200">
          {s}
        </Link>
      ))}
    </p>
  );
}
