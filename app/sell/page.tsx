// The seller workspace: open a shop, then a dashboard of listings, views, orders, revenue and
// demand over time.
import type { Metadata } from 'next';
import Link from 'next/link';
import { requireRolePage } from '@/lib/auth';
import { formatMoney } from '@/lib/catalog/format';
import { coverPhoto, getSellerForUser, photoUrl, sellerDashboard, shopUrl, STORE_MARGIN } from '@/lib/sellers';
import { SubmitButton } from '@/app/_components/submit-button';
import { becomeSellerAction } from './actions';
import { CampaignBar } from './_components/campaign-bar';
import { DemandChart } from './_components/demand-chart';
import { Notice, one } from './_components/notice';
import { StatusPill } from './_components/status-pill';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Sell on Seedprint', robots: { index: false } };

type Search = Promise<Record<string, string | string[] | undefined>>;

export default async function SellPage({ searchParams }: { searchParams: Search }) {
  const user = await requireRolePage(null, '/sell');
  const sp = await searchParams;
  const error = one(sp.error)?.slice(0, 300);
  const seller = await getSellerForUser(user.id);

  if (!seller) {
    return (
      <main className="container-page py-8 sm:py-12">
        <div className="grid gap-10 lg:grid-cols-[1fr_420px]">
          <section>
            <p className="text-sm font-semibold tracking-wide text-brand-700 uppercase">Sell on Seedprint</p>
            <h1 className="mt-2 text-3xl font-bold tracking-tight text-stone-900 sm:text-4xl">List designs nobody has made yet</h1>
            <ul className="mt-6 space-y-4 text-stone-700">
              <li>
                <strong className="text-stone-900">Design in the studio,</strong> pick the products and set your price. We render the product photography for you.
              </li>
              <li>
                <strong className="text-stone-900">Sell first, build later:</strong> run a campaign with a minimum number of orders. Buyers’ cards are only authorised; we charge them and print when the minimum is reached, and release every card if it is not.
              </li>
              <li>
                <strong className="text-stone-900">Fair floor:</strong> your price must cover production plus a {Math.round(STORE_MARGIN * 100)} % store margin. Everything above it is yours.
              </li>
            </ul>
          </section>
          <section className="card p-6" aria-labelledby="open-shop">
            <h2 id="open-shop" className="text-lg font-semibold text-stone-900">
              Open your shop
            </h2>
            {error ? (
              <div className="mt-4">
                <Notice tone="error">{error}</Notice>
              </div>
            ) : null}
            <form action={becomeSellerAction} className="mt-4 space-y-4">
              <div>
                <label htmlFor="shopName" className="label">
                  Shop name
                </label>
                <input id="shopName" name="shopName" required minLength={2} maxLength={60} className="field" placeholder="Hearts & Waves" />
              </div>
              <div>
                <label htmlFor="slug" className="label">
                  Shop address
                </label>
                <div className="flex items-center gap-1 text-sm text-stone-600">
                  <span>/shops/</span>
                  <input id="slug" name="slug" required minLength={3} maxLength={40} pattern="[a-z0-9]+(-[a-z0-9]+)*" className="field" placeholder="hearts-and-waves" />
                </div>
                <p className="mt-1 text-xs text-stone-500">Lowercase letters, digits and dashes.</p>
              </div>
              <div>
                <label htmlFor="bio" className="label">
                  About your shop <span className="font-normal text-stone-500">(optional)</span>
                </label>
                <textarea id="bio" name="bio" rows={3} maxLength={500} className="field" />
              </div>
              <div>
                <label htmlFor="payoutEmail" className="label">
                  Payout e-mail <span className="font-normal text-stone-500">(placeholder: payouts are not live yet)</span>
                </label>
                <input id="payoutEmail" name="payoutEmail" type="email" className="field" placeholder={user.email} />
              </div>
              <SubmitButton pendingLabel="Opening…">Open my shop</SubmitButton>
            </form>
          </section>
        </div>
      </main>
    );
  }

  const { summaries, series, totals } = await sellerDashboard(seller.id);
  const stat = (label: string, value: string, hint?: string) => (
    <div className="card p-4">
      <p className="text-xs font-medium tracking-wide text-stone-500 uppercase">{label}</p>
      <p className="mt-1 text-2xl font-bold text-stone-900">{value}</p>
      {hint ? <p className="mt-0.5 text-xs text-stone-500">{hint}</p> : null}
    </div>
  );

  return (
    <main className="container-page py-8 sm:py-12">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <p className="text-sm text-stone-600">
            Your shop:{' '}
            <Link href={shopUrl(seller.slug)} className="link">
              {seller.shopName}
            </Link>
          </p>
          <h1 className="mt-1 text-3xl font-bold tracking-tight text-stone-900">Seller dashboard</h1>
        </div>
        <Link href="/sell/listings/new" className="btn-primary">
          New listing
        </Link>
      </div>
      <div className="mt-6">
        {error ? <Notice tone="error">{error}</Notice> : null}
        {one(sp.welcome) ? <Notice tone="ok">Your shop is open. Create your first listing from a design you made in the studio.</Notice> : null}
      </div>

      <section aria-label="Totals" className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        {stat('Listings', String(totals.listings), `${totals.published} published`)}
        {stat('Views', String(totals.views))}
        {stat('Orders', String(totals.orders))}
        {stat('Revenue', formatMoney(totals.revenueMinor), totals.pendingMinor ? `+ ${formatMoney(totals.pendingMinor)} authorised in campaigns` : 'charged orders')}
      </section>

      <section className="mt-6">
        <DemandChart series={series} />
      </section>

      <section className="mt-8" aria-labelledby="listings-heading">
        <h2 id="listings-heading" className="text-lg font-semibold text-stone-900">
          Listings
        </h2>
        {summaries.length === 0 ? (
          <div className="card mt-3 p-8 text-center text-stone-600">
            No listings yet.{' '}
            <Link href="/sell/listings/new" className="link">
              Create one
            </Link>{' '}
            from a design you made in the{' '}
            <Link href="/design" className="link">
              studio
            </Link>
            .
          </div>
        ) : (
          <ul className="mt-3 divide-y divide-stone-200 rounded-2xl border border-stone-200 bg-white shadow-sm">
            {summaries.map((s) => {
              const cover = coverPhoto(s.listing);
              return (
                <li key={s.listing.id} className="flex flex-wrap items-center gap-4 p-4" data-testid="seller-listing">
                  <div className="size-16 shrink-0 overflow-hidden rounded-xl bg-stone-100 ring-1 ring-stone-200">
                    {cover ? <img src={photoUrl(cover.id)} alt="" className="size-full object-cover" /> : null}
                  </div>
                  <div className="min-w-48 flex-1">
                    <div className="flex items-center gap-2">
                      <Link href={`/sell/listings/${s.listing.id}`} className="font-semibold text-stone-900 hover:underline">
                        {s.listing.title}
                      </Link>
                      <StatusPill status={s.listing.status} />
                    </div>
                    <p className="mt-0.5 text-sm text-stone-600">
                      {s.views} views · {s.orders} orders · {formatMoney(s.revenueMinor)} revenue
                      {s.pendingMinor ? ` · ${formatMoney(s.pendingMinor)} authorised` : ''}
                    </p>
                    {s.progress ? (
                      <div className="mt-2 max-w-sm">
                        <CampaignBar progress={s.progress} compact />
                      </div>
                    ) : null}
                  </div>
                  <Link href={`/sell/listings/${s.listing.id}`} className="btn-secondary">
                    Manage
                  </Link>
                </li>
              );
            })}
          </ul>
        )}
      </section>
    </main>
  );
}
