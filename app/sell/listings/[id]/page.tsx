// Manage one listing: photo progress and cover, details, publish / archive, campaign progress.
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requireRolePage } from '@/lib/auth';
import { formatMoney } from '@/lib/catalog/format';
import { HttpError } from '@/lib/http/errors';
import { progressForCampaign } from '@/lib/campaigns';
import { getOwnedListing, listingUrl, offersFor, photoProgress, photoUrl } from '@/lib/sellers';
import { Refresher } from '../../_components/refresher';
import { SubmitButton } from '@/app/_components/submit-button';
import { archiveAction, coverAction, publishAction, regenerateAction, updateDetailsAction } from '../../actions';
import { CampaignBar } from '../../_components/campaign-bar';
import { Notice, one } from '../../_components/notice';
import { StatusPill } from '../../_components/status-pill';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Manage listing', robots: { index: false } };

type Params = Promise<{ id: string }>;
type Search = Promise<Record<string, string | string[] | undefined>>;

export default async function ManageListingPage({ params, searchParams }: { params: Params; searchParams: Search }) {
  const [{ id }, sp] = await Promise.all([params, searchParams]);
  const user = await requireRolePage(['SELLER', 'ADMIN'], `/sell/listings/${id}`);
  const listing = await getOwnedListing(user, id).catch((err) => {
    if (err instanceof HttpError && err.status === 404) notFound();
    throw err;
  });
  const [progress, offers, campaign] = await Promise.all([photoProgress(listing), offersFor(listing), progressForCampaign(listing.campaign)]);
  const error = one(sp.error)?.slice(0, 400);
  const rendering = !progress.complete && listing.status !== 'ARCHIVED';

  return (
    <main className="container-page py-8 sm:py-12">
      <nav aria-label="Breadcrumb" className="mb-4 text-sm text-stone-600">
        <Link href="/sell" className="hover:underline">
          Seller dashboard
        </Link>{' '}
        / {listing.title}
      </nav>
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <div className="flex items-center gap-3">
            <h1 className="text-3xl font-bold tracking-tight text-stone-900">{listing.title}</h1>
            <StatusPill status={listing.status} />
          </div>
          <p className="mt-1 text-sm text-stone-600">
            {listing.views} views ·{' '}
            {listing.status === 'PUBLISHED' ? (
              <Link href={listingUrl(listing.slug)} className="link">
                {listingUrl(listing.slug)}
              </Link>
            ) : (
              'not public yet'
            )}
          </p>
        </div>
        <div className="flex gap-2">
          {listing.status === 'DRAFT' ? (
            <form action={publishAction}>
              <input type="hidden" name="listingId" value={listing.id} />
              <SubmitButton pendingLabel="Publishing…">Publish</SubmitButton>
            </form>
          ) : null}
          {listing.status !== 'ARCHIVED' ? (
            <form action={archiveAction}>
              <input type="hidden" name="listingId" value={listing.id} />
              <SubmitButton className="btn-danger" pendingLabel="Archiving…">
                Archive
              </SubmitButton>
            </form>
          ) : null}
        </div>
      </div>
      <div className="mt-6">
        {error ? <Notice tone="error">{error}</Notice> : null}
        {one(sp.created) ? <Notice tone="ok">Draft saved. The store is rendering your product photos now.</Notice> : null}
        {one(sp.published) ? <Notice tone="ok">Published: your listing is live.</Notice> : null}
      </div>

      {campaign ? (
        <section className="card mb-6 p-5" aria-label="Campaign">
          <h2 className="mb-3 text-base font-semibold text-stone-900">Campaign · deadline {listing.campaign!.deadline.toISOString().slice(0, 16).replace('T', ' ')} UTC</h2>
          <CampaignBar progress={campaign} />
        </section>
      ) : null}

      <section className="card p-5" aria-labelledby="photos-heading">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 id="photos-heading" className="text-base font-semibold text-stone-900">
            Photos{' '}
            <span className="font-normal text-stone-600" data-testid="photo-progress">
              {progress.shown} {progress.shown === 1 ? 'photo' : 'photos'} · {progress.done} of {progress.total} product views rendered
              {progress.modelPhotos ? ` + ${progress.modelPhotos} on our model` : ''}
            </span>
          </h2>
          {listing.status !== 'ARCHIVED' && progress.complete ? (
            <form action={regenerateAction}>
              <input type="hidden" name="listingId" value={listing.id} />
              <SubmitButton className="btn-ghost" pendingLabel="Queuing…">
                Render again
              </SubmitButton>
            </form>
          ) : null}
        </div>
        <div className="mt-2 h-2 w-full overflow-hidden rounded-full bg-stone-200" role="progressbar" aria-valuemin={0} aria-valuemax={progress.total} aria-valuenow={progress.done} aria-label="Photos rendered">
          <div className="h-full rounded-full bg-brand-600 transition-all" style={{ width: `${progress.total ? (progress.done / progress.total) * 100 : 0}%` }} />
        </div>
        <Refresher active={rendering} label="The store is rendering your product photos…" />
        <ul className="mt-4 grid grid-cols-2 gap-4 sm:grid-cols-3 lg:grid-cols-5">
          {progress.slots.map((slot) => {
            const isCover = slot.photoId && slot.photoId === listing.coverPhotoId;
            return (
              <li key={`${slot.productSlug}-${slot.view}`} className={`overflow-hidden rounded-xl border bg-white ${isCover ? 'border-brand-600 ring-2 ring-brand-600/30' : 'border-stone-200'}`}>
                {slot.photoId ? (
                  <img src={photoUrl(slot.photoId)} alt={`${slot.productName}, ${slot.view}`} className="aspect-square w-full object-cover" data-testid="listing-photo" />
                ) : (
                  <div className="flex aspect-square w-full items-center justify-center bg-stone-100 text-xs text-stone-500">
                    <span aria-hidden="true" className="mr-2 size-3.5 animate-spin rounded-full border-2 border-brand-600 border-r-transparent" />
                    Rendering…
                  </div>
                )}
                <div className="flex items-center justify-between gap-2 p-2 text-xs text-stone-600">
                  <span>
                    {slot.productName} · {slot.view}
                  </span>
                  {slot.photoId && listing.status !== 'ARCHIVED' ? (
                    isCover ? (
                      <span className="font-semibold text-brand-700">Cover</span>
                    ) : (
                      <form action={coverAction}>
                        <input type="hidden" name="listingId" value={listing.id} />
                        <input type="hidden" name="photoId" value={slot.photoId} />
                        <button type="submit" className="link">
                          Use as cover
                        </button>
                      </form>
                    )
                  ) : null}
                </div>
              </li>
            );
          })}
        </ul>
      </section>

      <div className="mt-6 grid gap-6 lg:grid-cols-2">
        <section className="card p-5" aria-labelledby="products-heading">
          <h2 id="products-heading" className="text-base font-semibold text-stone-900">
            Products
          </h2>
          <ul className="mt-3 divide-y divide-stone-100 text-sm">
            {offers.map((o) => (
              <li key={o.productId} className="py-2">
                <div className="flex justify-between gap-3">
                  <span>
                    {o.name} <span className="text-stone-500">({[...new Set(o.variants.map((v) => v.color))].join(', ')})</span>
                  </span>
                  {Object.keys(o.sizePrices).length === 0 ? <span className="font-semibold">{formatMoney(o.priceMinor, o.currency)}</span> : null}
                </div>
                {Object.keys(o.sizePrices).length ? (
                  <ul className="mt-1 flex flex-wrap gap-x-3 gap-y-1 text-xs text-stone-600" aria-label={`${o.name} prices per size`} data-testid={`size-prices-${o.slug}`}>
                    {Object.entries(o.sizePrices).map(([size, price]) => (
                      <li key={size}>
                        {size} <span className="font-semibold text-stone-900 tabular-nums">{formatMoney(price, o.currency)}</span>
                      </li>
                    ))}
                  </ul>
                ) : null}
              </li>
            ))}
          </ul>
          <p className="mt-2 text-xs text-stone-500">Products, prices and the campaign are fixed once the listing is published.</p>
        </section>
        <section className="card p-5" aria-labelledby="details-heading">
          <h2 id="details-heading" className="text-base font-semibold text-stone-900">
            Details
          </h2>
          {listing.status === 'ARCHIVED' ? (
            <p className="mt-2 text-sm text-stone-600">This listing is archived.</p>
          ) : (
            <form action={updateDetailsAction} className="mt-3 space-y-3">
              <input type="hidden" name="listingId" value={listing.id} />
              <div>
                <label htmlFor="title" className="label">
                  Title
                </label>
                <input id="title" name="title" className="field" defaultValue={listing.title} required minLength={3} maxLength={120} />
              </div>
              <div>
                <label htmlFor="description" className="label">
                  Description
                </label>
                <textarea id="description" name="description" className="field" rows={3} defaultValue={listing.description} />
              </div>
              <div>
                <label htmlFor="tags" className="label">
                  Tags
                </label>
                <input id="tags" name="tags" className="field" defaultValue={listing.tags.join(', ')} />
              </div>
              <SubmitButton className="btn-secondary" pendingLabel="Saving…">
                Save details
              </SubmitButton>
            </form>
          )}
        </section>
      </div>
    </main>
  );
}
