import type { Metadata } from 'next';
import Link from 'next/link';
import { findDesignSummary } from '@/lib/generation';
import { PRODUCT_SLUGS, REPEAT_IN, isDesignId, isProductSlug, isRepeatIn } from '@/lib/design';
import { listSiteModels, SITE_VARIANTS, siteVariantLabel } from '@/lib/tryon/site-model';
import { MAX_PHOTOS_PER_OWNER, MAX_PHOTO_BYTES } from '@/lib/tryon/upload';
import { RETENTION_DAYS } from '@/lib/tryon/service';
import { TryonClient } from './tryon-client';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Try it on', robots: { index: false } };

type Search = Promise<Record<string, string | string[] | undefined>>;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

const PRODUCT_NAMES: Record<string, string> = { hoodie: 'hoodie', tee: 'tee', tote: 'tote bag', mug: 'mug', poster: 'poster', 'phone-case': 'phone case' };

export default async function TryOnPage({ searchParams }: { searchParams: Search }) {
  const sp = await searchParams;
  const designId = (first(sp.design) ?? '').toLowerCase();
  const productParam = first(sp.product) ?? 'hoodie';
  const product = isProductSlug(productParam) ? productParam : 'hoodie';
  const repeat = Number(first(sp.repeat));
  const repeatIn = isRepeatIn(repeat) ? repeat : REPEAT_IN.default;
  const design = isDesignId(designId) ? await findDesignSummary(designId).catch(() => null) : null;

  if (!design) {
    return (
      <main className="container-page py-12">
        <h1 className="text-2xl font-bold tracking-tight">Try it on</h1>
        <p className="mt-3 text-stone-700">
          Pick a design first: open a product, create a pattern, then choose <strong>Try it on</strong>.
        </p>
        <Link href="/products" className="btn-primary mt-6">
          Browse products
        </Link>
      </main>
    );
  }

  const productName = PRODUCT_NAMES[product];
  const models = await listSiteModels();
  const q = repeatIn !== 4 ? `?repeat=${repeatIn}` : '';
  return (
    <main className="container-page py-8 sm:py-10">
      <div className="flex flex-wrap items-center gap-4">
        <img src={`/r/${design.id}.png`} alt={`Your design: ${design.prompt}`} width={64} height={64} className="size-16 rounded-xl border border-stone-200 object-cover" />
        <div className="min-w-0 flex-1">
          <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">Try on your {productName}</h1>
          <p className="truncate text-sm text-stone-600">“{design.prompt}” · printed at {repeatIn} in per repeat</p>
        </div>
        <nav aria-label="Product" className="flex flex-wrap gap-2">
          {PRODUCT_SLUGS.map((p) => (
            <Link
              key={p}
              href={`/try-on?design=${design.id}&product=${p}${repeatIn !== 4 ? `&repeat=${repeatIn}` : ''}`}
              aria-current={p === product ? 'page' : undefined}
              className={`rounded-full border px-3 py-1.5 text-sm font-medium transition focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600 ${
                p === product ? 'border-brand-700 bg-brand-700 text-white' : 'border-stone-300 bg-white text-stone-800 hover:border-stone-400'
              }`}
            >
              {PRODUCT_NAMES[p]}
            </Link>
          ))}
        </nav>
      </div>

      <section aria-labelledby="model-heading" className="mt-8">
        <h2 id="model-heading" className="text-lg font-semibold">
          On our model
        </h2>
        <p className="text-sm text-stone-600">Rendered on the fly at the pattern’s true printed size.</p>
        {models.map((m) => (
          <figure key={m.id} className="mt-4">
            <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6" data-testid="model-gallery">
              {SITE_VARIANTS.map((v) => (
                <li key={v} className="overflow-hidden rounded-xl border border-stone-200 bg-stone-100">
                  <img
                    src={`/api/tryon/site/${design.id}/${product}/${m.id}-${v}.jpg${q}`}
                    alt={`${m.alt}, wearing the ${productName} with your design — ${siteVariantLabel(v).toLowerCase()}`}
                    width={512}
                    height={512}
                    loading={v === 'photo' ? 'eager' : 'lazy'}
                    className="aspect-[3/4] w-full object-cover object-top"
                  />
                  <span className="block px-2 py-1.5 text-xs font-medium text-stone-700">{siteVariantLabel(v)}</span>
                </li>
              ))}
            </ul>
            <figcaption className="mt-2 text-xs text-stone-500">{m.credit}</figcaption>
          </figure>
        ))}
      </section>

      <TryonClient
        designId={design.id}
        product={product}
        productName={productName}
        repeatIn={repeatIn}
        maxPhotos={MAX_PHOTOS_PER_OWNER}
        maxMb={MAX_PHOTO_BYTES / 1024 / 1024}
        retentionDays={RETENTION_DAYS}
      />
    </main>
  );
}
