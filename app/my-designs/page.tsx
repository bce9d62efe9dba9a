// "My designs": the designs this shopper chose (signed in: the account's; a guest: this browser's
// cart session), each with its pattern, the words it was made from, when it was saved, and the
// actions: open in the studio, add to cart, share, delete.
import type { Metadata } from 'next';
import Link from 'next/link';
import { headers } from 'next/headers';
import { CATALOG } from '@/lib/catalog';
import { listMyDesigns, ownerFromHeaders } from '@/lib/saved-designs';
import { DesignActions } from './design-actions';

export const metadata: Metadata = { title: 'My designs', robots: { index: false } };
export const dynamic = 'force-dynamic';

const productName = (slug: string | null) => (slug ? (CATALOG.find((p) => p.slug === slug)?.name ?? null) : null);
const dateFmt = new Intl.DateTimeFormat('en-US', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

export default async function MyDesignsPage() {
  const h = await headers();
  const { owner } = await ownerFromHeaders(h);
  const designs = owner ? await listMyDesigns(owner) : [];
  const guest = !owner?.userId;
  return (
    <main className="container-page py-8 sm:py-12">
      <header className="flex flex-wrap items-end justify-between gap-4">
        <div className="max-w-2xl">
          <h1 className="text-3xl font-extrabold tracking-tight text-stone-900">My designs</h1>
          <p className="mt-2 text-sm text-stone-600">
            {guest ? (
              <>
                Designs you chose in this browser.{' '}
                <Link href="/signin?callbackUrl=%2Fmy-designs" className="link">
                  Sign in
                </Link>{' '}
                to keep them in your account.
              </>
            ) : (
              'Every design you chose or added to your cart, newest first.'
            )}
          </p>
        </div>
        <Link href="/design" className="btn-primary">
          New design
        </Link>
      </header>

      {designs.length === 0 ? (
        <section className="card mt-8 p-8 text-center" aria-labelledby="no-designs">
          <h2 id="no-designs" className="text-lg font-bold text-stone-900">
            No designs yet
          </h2>
          <p className="mt-2 text-sm text-stone-600">Describe a pattern in the studio and choose one of the four: it is kept here.</p>
          <Link href="/design" className="btn-secondary mt-4 inline-flex">
            Open the studio
          </Link>
        </section>
      ) : (
        <ul className="mt-8 grid gap-5 sm:grid-cols-2 lg:grid-cols-3" aria-label="Your designs">
          {designs.map((d) => {
            const product = productName(d.productSlug);
            return (
              <li key={d.designId} className="card flex flex-col overflow-hidden" data-testid="my-design" data-design-id={d.designId}>
                <div
                  role="img"
                  aria-label={`Pattern for “${d.prompt}”`}
                  className="aspect-[4/3] w-full border-b border-stone-200 bg-stone-100"
                  style={{ backgroundImage: `url("${d.previewUrl}")`, backgroundSize: '25% auto', backgroundRepeat: 'repeat' }}
                />
                <div className="flex grow flex-col p-4">
                  <p className="line-clamp-2 font-semibold break-words text-stone-900">“{d.prompt}”</p>
                  <p className="mt-1 text-xs text-stone-500">
                    Saved <time dateTime={d.savedAt.toISOString()}>{dateFmt.format(d.savedAt)}</time>
                    {product ? <> · for the {product}</> : null}
                  </p>
                  <DesignActions designId={d.designId} prompt={d.prompt} productSlug={d.productSlug} shareUrl={d.shareUrl} />
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </main>
  );
}
