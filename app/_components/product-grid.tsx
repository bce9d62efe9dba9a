// The product grid used on the home page and /products.
import Link from 'next/link';
import { formatMoney } from '@/lib/catalog';
import { ProductArt } from './product-art';
import { designTileUrl } from './urls';

export const SAMPLE_PATTERNS = ['/patterns/leaves.svg', '/patterns/terrazzo.svg', '/patterns/waves.svg', '/patterns/suns.svg'];

export interface GridProduct {
  slug: string;
  name: string;
  kind: string;
  description: string;
  variants: { priceMinor: number; currency: string; colorHex: string; color: string; size: string | null }[];
  printAreas: { name: string; widthIn: number; heightIn: number }[];
}

export function fromPrice(p: GridProduct): string | null {
  if (p.variants.length === 0) return null;
  const min = p.variants.reduce((a, v) => (v.priceMinor < a.priceMinor ? v : a), p.variants[0]);
  return formatMoney(min.priceMinor, min.currency);
}

/** With `designId`, every card shows that design and links to the product with it chosen. */
export function ProductGrid({ products, headingLevel = 'h3', designId = null }: { products: GridProduct[]; headingLevel?: 'h2' | 'h3'; designId?: string | null }) {
  const Heading = headingLevel;
  if (products.length === 0) {
    return <p className="rounded-2xl border border-dashed border-stone-300 bg-white p-8 text-center text-stone-600">No products are available right now. Please check back soon.</p>;
  }
  return (
    <ul className="grid grid-cols-2 gap-3 sm:gap-6 lg:grid-cols-3">
      {products.map((p, i) => {
        const v = p.variants[0];
        const price = fromPrice(p);
        const colours = [...new Map(p.variants.map((x) => [x.color, x.colorHex])).entries()];
        const sheet = p.printAreas.find((a) => a.name === v?.size) ?? p.printAreas[0];
        return (
          <li key={p.slug} className="group relative flex flex-col overflow-hidden rounded-2xl border border-stone-200 bg-white shadow-sm transition motion-safe:hover:-translate-y-0.5 hover:shadow-md focus-within:ring-2 focus-within:ring-brand-600">
            <div className="aspect-square bg-gradient-to-b from-stone-100 to-stone-50">
              <ProductArt
                slug={p.slug}
                kind={p.kind}
                colorHex={v?.colorHex ?? '#ffffff'}
                patternUrl={designId ? designTileUrl(designId) : SAMPLE_PATTERNS[i % SAMPLE_PATTERNS.length]}
                repeatIn={designId ? 4 : p.slug === 'mug' || p.slug === 'phone-case' ? 1.5 : 3}
                sheetIn={sheet ? { widthIn: sheet.widthIn, heightIn: sheet.heightIn } : undefined}
                drawInBrowser
                className="h-full w-full transition duration-300 motion-safe:group-hover:scale-[1.03]"
              />
            </div>
            <div className="flex flex-1 flex-col gap-1 p-3 sm:p-5">
              <Heading className="text-sm font-semibold text-stone-900 sm:text-base">
                <Link href={`/products/${p.slug}${designId ? `?design=${designId}` : ''}`} className="outline-none after:absolute after:inset-0 after:content-['']">
                  {p.name}
                </Link>
              </Heading>
              <p className="hidden text-sm text-stone-600 sm:line-clamp-2">{p.description}</p>
              <div className="mt-auto flex items-center justify-between gap-2 pt-2">
                {price ? (
                  <p className="text-sm text-stone-700">
                    from <span className="font-semibold text-stone-900">{price}</span>
                  </p>
                ) : null}
                <span className="flex -space-x-1" aria-label={`${colours.length} ${colours.length === 1 ? 'colour' : 'colours'}`}>
                  {colours.slice(0, 4).map(([name, hex]) => (
                    <span key={name} title={name} className="size-3.5 rounded-full border border-stone-300 ring-2 ring-white sm:size-4" style={{ backgroundColor: hex }} />
                  ))}
                </span>
              </div>
            </div>
          </li>
        );
      })}
    </ul>
  );
}
