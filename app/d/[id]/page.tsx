// A design's share page, open to anyone: the design on the product it was chosen for, its words
// and pattern, and a way to put it on a product or open it in the studio. Nothing about who made it.
import type { Metadata } from 'next';
import Link from 'next/link';
import { SeeOnModel } from '@/app/_components/see-on-model';
import { notFound } from 'next/navigation';
import { CATALOG } from '@/lib/catalog';
import { isProductSlug } from '@/lib/design';
import { previewPath, sharedDesign } from '@/lib/saved-designs';
import { shareView } from '@/app/_components/design-og-image';

export const dynamic = 'force-dynamic';

type Params = Promise<{ id: string }>;

const shareTitle = (prompt: string) => `“${prompt}”`;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { id } = await params;
  const d = await sharedDesign(id);
  if (!d) return { title: 'Design not found', robots: { index: false } };
  const title = `${shareTitle(d.prompt)}: a Seedprint pattern`;
  const description = 'A seamless pattern designed on Seedprint. Put it on a hoodie, tee, mug, tote, poster or phone case.';
  return {
    title,
    description,
    alternates: { canonical: `/d/${d.designId}` },
    openGraph: { title, description, url: `/d/${d.designId}`, type: 'website' },
    twitter: { card: 'summary_large_image', title, description },
  };
}

export default async function SharedDesignPage({ params }: { params: Params }) {
  const { id } = await params;
  const d = await sharedDesign(id);
  if (!d) notFound();
  const slug = d.productSlug && isProductSlug(d.productSlug) ? d.productSlug : 'tee';
  const product = CATALOG.find((p) => p.slug === slug)!;
  const view = shareView(slug);
  return (
    <main className="container-page py-8 sm:py-12">
      <div className="grid items-start gap-8 lg:grid-cols-[minmax(0,1fr)_24rem]">
        <figure className="overflow-hidden rounded-3xl border border-stone-200 bg-white">
          {view ? (
            <img
              src={`/api/mockups/${slug}/${view}.png?design=${d.designId}&size=1024`}
              alt={`${product.name} printed with the pattern “${d.prompt}”`}
              width={1024}
              height={1024}
              className="aspect-square w-full object-contain"
              data-testid="share-mockup"
            />
          ) : null}
          <figcaption className="border-t border-stone-200 px-4 py-3 text-sm text-stone-600">Shown on the {product.name} in white, the pattern repeating every 4 inches.</figcaption>
        </figure>
        <section aria-labelledby="share-title" className="space-y-5">
          <div>
            <p className="text-sm font-semibold tracking-wide text-brand-700 uppercase">A Seedprint pattern</p>
            <h1 id="share-title" className="mt-2 text-3xl font-extrabold tracking-tight break-words text-stone-900">
              {shareTitle(d.prompt)}
            </h1>
            <p className="mt-2 text-sm text-stone-600">Designed in the Seedprint studio and printed to order: nobody had this pattern before.</p>
          </div>
          <div
            role="img"
            aria-label={`The seamless pattern “${d.prompt}”`}
            className="h-32 rounded-2xl border border-stone-200 bg-stone-100"
            style={{ backgroundImage: `url("${previewPath(d.designId)}")`, backgroundSize: '128px 128px', backgroundRepeat: 'repeat' }}
          />
          <div className="flex flex-col gap-2 sm:flex-row lg:flex-col">
            <Link href={`/products/${slug}?design=${d.designId}`} className="btn-primary">
              Get it on a {product.name.toLowerCase()}
            </Link>
            <Link href={`/products?design=${d.designId}`} className="btn-secondary">
              Other products
            </Link>
            <SeeOnModel designId={d.designId} product={slug} productName={product.name.toLowerCase()} />
            <Link href={`/design?design=${d.designId}`} className="btn-ghost">
              Open in the studio
            </Link>
          </div>
        </section>
      </div>
    </main>
  );
}
