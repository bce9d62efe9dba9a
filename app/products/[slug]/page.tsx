import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { findProductBySlug, sizeChart } from '@/lib/catalog';
import { publicUrl } from '@/app/_components/site-data';
import { ProductConfigurator } from './product-configurator';
import { listTemplates } from '@/lib/mockup';

// The page is the same for every visitor (the chosen design, `?design=`, and the header's
// user/cart are filled in by the browser), so it is rendered once per product and cached
// (ISR). Admin edits revalidate it at once; the hour is only a safety net.
export const revalidate = 3600;
export const dynamicParams = true;
export function generateStaticParams(): { slug: string }[] {
  return []; // rendered on first request, not at build time (the catalog lives in the database)
}

type Params = Promise<{ slug: string }>;

const AREA_ORDER = ['front', 'back', 'wrap', 'left-sleeve', 'right-sleeve'];
function sortPrintAreas<T extends { name: string; widthIn: number }>(areas: T[]): T[] {
  const rank = (a: T) => (AREA_ORDER.includes(a.name) ? AREA_ORDER.indexOf(a.name) : 100 + a.widthIn);
  return [...areas].sort((a, b) => rank(a) - rank(b));
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { slug } = await params;
  const product = await findProductBySlug(slug);
  if (!product) return { title: 'Product not found' };
  return {
    title: product.name,
    description: product.description,
    alternates: { canonical: `/products/${product.slug}` },
    openGraph: { title: `${product.name} · Seedprint`, description: product.description, url: `/products/${product.slug}`, type: 'website' },
  };
}

export default async function ProductPage({ params }: { params: Params }) {
  const { slug } = await params;
  const product = await findProductBySlug(slug);
  if (!product || product.variants.length === 0) notFound();

  const prices = product.variants.map((v) => v.priceMinor);
  const low = Math.min(...prices);
  const currency = product.variants[0].currency;
  const jsonLd = {
    '@context': 'https://schema.org',
    '@type': 'Product',
    name: product.name,
    description: product.description,
    sku: product.variants[0].sku,
    brand: { '@type': 'Brand', name: 'Seedprint' },
    image: publicUrl(`/products/${product.slug}/opengraph-image`),
    url: publicUrl(`/products/${product.slug}`),
    offers: {
      '@type': 'Offer',
      price: (low / 100).toFixed(2),
      priceCurrency: currency.toUpperCase(),
      availability: 'https://schema.org/InStock',
      url: publicUrl(`/products/${product.slug}`),
      itemCondition: 'https://schema.org/NewCondition',
    },
  };

  return (
    <main className="container-page py-6 sm:py-10">
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: JSON.stringify(jsonLd).replace(/</g, '\\u003c') }} />
      <nav aria-label="Breadcrumb" className="mb-4 text-sm text-stone-600">
        <ol className="flex items-center gap-2">
          <li>
            <Link href="/products" className="hover:text-stone-900 hover:underline">
              Shop
            </Link>
          </li>
          <li aria-hidden="true">/</li>
          <li aria-current="page" className="font-medium text-stone-900">
            {product.name}
          </li>
        </ol>
      </nav>
        <ProductConfigurator
          product={{ slug: product.slug, name: product.name, kind: product.kind }}
          sizeChart={sizeChart(product.slug)}
          variants={product.variants.map((v) => ({ id: v.id, color: v.color, colorHex: v.colorHex, size: v.size, priceMinor: v.priceMinor, currency: v.currency }))}
          printAreas={sortPrintAreas(product.printAreas).map((a) => ({ name: a.name, widthIn: a.widthIn, heightIn: a.heightIn, dpi: a.dpi }))}
          mockupViews={listTemplates().filter((t) => t.product === product.slug).map((t) => t.view).slice(0, 3)}
          heading={
            <div>
              <h1 className="text-3xl font-bold tracking-tight text-stone-900 sm:text-4xl">{product.name}</h1>
              <p className="mt-3 text-stone-600">{product.description}</p>
            </div>
          }
        />
    </main>
  );
}
