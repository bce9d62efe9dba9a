import { unstable_rethrow } from 'next/navigation';
import type { Metadata } from 'next';
import Link from 'next/link';
import { listProducts } from '@/lib/catalog';
import { ProductArt } from './_components/product-art';
import { ProductGrid, type GridProduct } from './_components/product-grid';

// The same for every visitor (the header's user and cart are filled in by the browser), so it is
// rendered once and cached (ISR) like the product pages, and listed in lib/http/security
// CACHED_PAGES (no per-request CSP nonce in cached HTML). Admin catalog edits revalidate it at
// once (revalidatePath('/', 'layout')); the minute refreshes a page built before the catalog was.
export const revalidate = 60;

export const metadata: Metadata = {
  title: { absolute: 'Seedprint — patterns nobody has designed yet' },
  alternates: { canonical: '/' },
};

async function loadProducts(): Promise<GridProduct[]> {
  try {
    return await listProducts();
  } catch (err) {
    unstable_rethrow(err);
    console.error('[seedprint] could not load the catalog', err);
    return [];
  }
}

const STEPS = [
  {
    title: 'Describe it',
    body: 'Type what you want to see — “moss and tiny orange beetles”, “80s terrazzo in teal”. Our diffusion model runs right here on our own servers.',
  },
  {
    title: 'Pick your favourite',
    body: 'You get four seamless candidates. Choose one, set how large each repeat should be, and see it on the product.',
  },
  {
    title: 'We print and ship',
    body: 'We regenerate your pattern at full 300 DPI print resolution from its recipe and print it to order. Flat-rate shipping, tracked.',
  },
];

export default async function HomePage() {
  const products = await loadProducts();
  return (
    <main>
      <section className="relative overflow-hidden border-b border-stone-200 bg-gradient-to-b from-brand-50 via-stone-50 to-stone-50">
        <div aria-hidden="true" className="absolute inset-0 bg-[url('/patterns/leaves.svg')] bg-[length:96px_96px] opacity-[0.07]" />
        <div className="container-page relative grid items-center gap-10 py-12 sm:py-16 lg:grid-cols-[1.1fr_1fr] lg:py-24">
          <div>
            <p className="inline-flex items-center gap-2 rounded-full border border-brand-200 bg-white/80 px-3 py-1 text-xs font-semibold text-brand-800">
              <span aria-hidden="true" className="size-1.5 rounded-full bg-accent-500" />
              Generated on our own servers · printed to order
            </p>
            <h1 className="mt-5 text-4xl font-extrabold tracking-tight text-balance text-stone-900 sm:text-5xl lg:text-6xl">
              Patterns nobody has designed yet
            </h1>
            <p className="mt-5 max-w-xl text-lg text-pretty text-stone-700">
              Describe a pattern, pick one of four seamless designs, and we print it on a hoodie, tee, mug, tote, poster or phone case — one of one, made for you.
            </p>
            <div className="mt-8 flex flex-wrap gap-3">
              <Link href="/design" className="btn-primary px-6 py-3 text-base">
                Design your pattern
              </Link>
              <Link href="/products" className="btn-secondary px-6 py-3 text-base">
                Browse products
              </Link>
            </div>
          </div>
          <div aria-hidden="true" className="relative mx-auto grid w-full max-w-md grid-cols-2 gap-3 sm:gap-4">
            <div className="col-span-2 overflow-hidden rounded-3xl bg-white/80 shadow-sm ring-1 ring-stone-200 sm:col-span-1 sm:row-span-2 sm:flex sm:items-center">
              <ProductArt slug="hoodie" colorHex="#f5f5f4" patternUrl="/patterns/leaves.svg" repeatIn={3} drawInBrowser className="mx-auto h-64 w-full sm:h-auto sm:scale-125" />
            </div>
            <div className="rounded-3xl bg-white/80 shadow-sm ring-1 ring-stone-200">
              <ProductArt slug="mug" colorHex="#ffffff" patternUrl="/patterns/terrazzo.svg" repeatIn={1.4} drawInBrowser className="w-full" />
            </div>
            <div className="rounded-3xl bg-white/80 shadow-sm ring-1 ring-stone-200">
              <ProductArt slug="phone-case" colorHex="#f4f4f5" patternUrl="/patterns/waves.svg" repeatIn={1.2} drawInBrowser className="w-full" />
            </div>
          </div>
        </div>
      </section>

      <section aria-labelledby="shop-heading" id="shop" className="container-page scroll-mt-20 py-14 sm:py-20">
        <div className="flex items-end justify-between gap-4">
          <div>
            <h2 id="shop-heading" className="text-2xl font-bold tracking-tight text-stone-900 sm:text-3xl">
              Pick something to print on
            </h2>
            <p className="mt-2 text-stone-600">Quality blanks, printed one at a time. Patterns shown are examples — yours will be new.</p>
          </div>
          <Link href="/products" className="link hidden shrink-0 text-sm sm:inline">
            All products
          </Link>
        </div>
        <div className="mt-8">
          <ProductGrid products={products} />
        </div>
      </section>

      <section aria-labelledby="how-heading" className="border-y border-stone-200 bg-white">
        <div className="container-page py-14 sm:py-20">
          <h2 id="how-heading" className="text-2xl font-bold tracking-tight text-stone-900 sm:text-3xl">
            How it works
          </h2>
          <ol className="mt-8 grid gap-6 sm:grid-cols-3">
            {STEPS.map((s, i) => (
              <li key={s.title} className="relative rounded-2xl bg-stone-50 p-6 ring-1 ring-stone-200">
                <span aria-hidden="true" className="grid size-9 place-items-center rounded-full bg-brand-700 text-sm font-bold text-white">
                  {i + 1}
                </span>
                <h3 className="mt-4 font-semibold text-stone-900">{s.title}</h3>
                <p className="mt-2 text-sm text-stone-600">{s.body}</p>
              </li>
            ))}
          </ol>
          <div className="mt-10 flex flex-wrap items-center gap-4">
            <Link href="/design" className="btn-primary">
              Start designing
            </Link>
            <p className="text-sm text-stone-600">Every order keeps its design recipe, so a reprint is always identical.</p>
          </div>
        </div>
      </section>
    </main>
  );
}
