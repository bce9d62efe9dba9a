import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import Link from 'next/link';
import { cartTotals } from '@/lib/cart';
import { formatMoney, variantLabel } from '@/lib/catalog';
import { currentCart } from '@/app/_lib/cart-session';
import { ProductArt } from '@/app/_components/product-art';
import { DesignThumb } from '@/app/_components/design-thumb';
import { safeCurrentUser } from '@/app/_components/site-data';
import { designTileUrl } from '@/app/_components/urls';
import { updateQuantityAction } from './actions';
import { CartCountSync } from '@/app/_components/session-summary';
import { preorderEstimate } from '@/lib/listings/preorder';
import { CheckoutForm } from './checkout-form';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = {
  title: 'Your cart',
  robots: { index: false },
  alternates: { canonical: '/cart' },
};

type Search = Promise<Record<string, string | string[] | undefined>>;

const inches = (n: number) => (Number.isInteger(n) ? String(n) : String(Math.round(n * 100) / 100));

function Notice({ tone, children }: { tone: 'info' | 'error'; children: ReactNode }) {
  return (
    <p role={tone === 'error' ? 'alert' : 'status'} className={`mb-6 rounded-xl px-4 py-3 text-sm font-medium ring-1 ${tone === 'error' ? 'bg-red-50 text-red-800 ring-red-200' : 'bg-amber-50 text-amber-900 ring-amber-200'}`}>
      {children}
    </p>
  );
}

export default async function CartPage({ searchParams }: { searchParams: Search }) {
  const sp = await searchParams;
  const [cart, user] = await Promise.all([currentCart(), safeCurrentUser()]);
  const items = cart?.items ?? [];
  const totals = cartTotals(cart);
  const error = typeof sp.error === 'string' ? sp.error.slice(0, 300) : null;

  return (
    <main className="container-page py-8 sm:py-12">
      <CartCountSync count={items.reduce((n, i) => n + i.quantity, 0)} />
      <h1 className="text-3xl font-bold tracking-tight text-stone-900">Your cart</h1>
      <div className="mt-6">
        {sp.checkout === 'cancelled' ? <Notice tone="info">Checkout cancelled — no payment was taken. Your cart is just as you left it.</Notice> : null}
        {error ? <Notice tone="error">{error}</Notice> : null}
      </div>

      {items.length === 0 ? (
        <section className="card flex flex-col items-center px-6 py-14 text-center">
          <svg aria-hidden="true" viewBox="0 0 24 24" className="size-12 text-stone-300" fill="none" stroke="currentColor" strokeWidth={1.5} strokeLinecap="round" strokeLinejoin="round">
            <path d="M5 7h14l-1.2 11.1a2 2 0 0 1-2 1.9H8.2a2 2 0 0 1-2-1.9L5 7Z" />
            <path d="M9 10V6a3 3 0 0 1 6 0v4" />
          </svg>
          <h2 className="mt-4 text-lg font-semibold text-stone-900">Your cart is empty</h2>
          <p className="mt-1 max-w-sm text-stone-600">Design a pattern nobody has seen before, then pick something to print it on.</p>
          <div className="mt-6 flex flex-wrap justify-center gap-3">
            <Link href="/design" className="btn-primary">
              Design a pattern
            </Link>
            <Link href="/products" className="btn-secondary">
              Browse products
            </Link>
          </div>
        </section>
      ) : (
        <div className="grid grid-cols-1 gap-8 lg:grid-cols-[minmax(0,1fr)_380px] lg:items-start">
          <section aria-labelledby="items-heading" className="min-w-0">
            <h2 id="items-heading" className="sr-only">
              Items in your cart
            </h2>
            <ul className="divide-y divide-stone-200 rounded-2xl border border-stone-200 bg-white shadow-sm">
              {items.map((item) => {
                const p = item.variant.product;
                const label = variantLabel(item.variant);
                const lineTotal = formatMoney(item.variant.priceMinor * item.quantity, item.variant.currency);
                const unavailable = !item.variant.active || !p.active;
                return (
                  <li key={item.id} className="flex gap-5 p-4 sm:gap-6 sm:p-5" data-testid="cart-line">
                    <div className="relative shrink-0">
                      <div className="size-20 overflow-hidden rounded-xl bg-stone-100 sm:size-28">
                        <ProductArt slug={p.slug} kind={p.kind} colorHex={item.variant.colorHex} patternUrl={item.designId ? designTileUrl(item.designId) : null} repeatIn={item.repeatIn} className="h-full w-full" />
                      </div>
                      {item.designId ? (
                        <DesignThumb designId={item.designId} alt={item.design?.prompt ? `Pattern: ${item.design.prompt}` : 'Your pattern'} size={32} className="absolute -right-2 -bottom-2 ring-2 ring-white" />
                      ) : null}
                    </div>
                    <div className="flex min-w-0 flex-1 flex-col gap-1">
                      <div className="flex items-start justify-between gap-3">
                        <div className="min-w-0">
                          <h3 className="font-semibold text-stone-900">
                            <Link href={`/products/${p.slug}${item.designId ? `?design=${item.designId}&repeat=${item.repeatIn}` : ''}`} className="hover:underline">
                              {p.name}
                            </Link>
                          </h3>
                          <p className="text-sm text-stone-600">
                            {label} · <span className="whitespace-nowrap">{inches(item.repeatIn)} in repeat</span>
                          </p>
                          {item.design?.prompt ? <p className="mt-0.5 truncate text-xs text-stone-500 italic">“{item.design.prompt}”</p> : null}
                          {item.preorder ? (
                            <p className="mt-1.5 text-xs text-amber-900" data-testid="preorder-label">
                              <span className="mr-1.5 inline-block rounded-full bg-amber-100 px-2 py-0.5 font-semibold tracking-wide uppercase ring-1 ring-amber-200">Pre-order</span>
                              Made after the campaign ends on {preorderEstimate(item.preorder.deadline).endsOn}, only if it reaches its minimum. Your card is charged only then.
                            </p>
                          ) : null}
                          {unavailable ? <p className="mt-1 text-sm font-medium text-red-700">No longer available — please remove it.</p> : null}
                        </div>
                        <p className="shrink-0 font-semibold tabular-nums text-stone-900">{lineTotal}</p>
                      </div>
                      <div className="mt-auto flex flex-wrap items-center justify-between gap-3 pt-2">
                        <form action={updateQuantityAction} className="inline-flex items-center rounded-full border border-stone-300 bg-white shadow-sm" aria-label={`Quantity of ${p.name}, ${label}`}>
                          <input type="hidden" name="itemId" value={item.id} />
                          <button type="submit" name="quantity" value={item.quantity - 1} className="grid size-9 place-items-center rounded-full text-lg text-stone-700 hover:bg-stone-100" aria-label={item.quantity === 1 ? `Remove ${p.name}` : `Decrease quantity of ${p.name}`}>
                            −
                          </button>
                          <span className="min-w-8 text-center text-sm font-semibold tabular-nums" aria-live="polite" data-testid="line-quantity">
                            <span className="sr-only">Quantity </span>
                            {item.quantity}
                          </span>
                          <button type="submit" name="quantity" value={item.quantity + 1} disabled={item.quantity >= 99} className="grid size-9 place-items-center rounded-full text-lg text-stone-700 hover:bg-stone-100 disabled:opacity-40" aria-label={`Increase quantity of ${p.name}`}>
                            +
                          </button>
                        </form>
                        <form action={updateQuantityAction}>
                          <input type="hidden" name="itemId" value={item.id} />
                          <input type="hidden" name="quantity" value="0" />
                          <button type="submit" className="text-sm font-medium text-stone-600 underline-offset-2 hover:text-red-700 hover:underline">
                            Remove<span className="sr-only"> {p.name}</span>
                          </button>
                        </form>
                      </div>
                    </div>
                  </li>
                );
              })}
            </ul>
            <p className="mt-4 text-sm">
              <Link href="/products" className="link">
                ← Keep shopping
              </Link>
            </p>
          </section>
          <aside className="min-w-0 lg:sticky lg:top-24">
            <CheckoutForm subtotalMinor={totals.subtotalMinor} currency={totals.currency} defaultEmail={user?.email ?? ''} preorderDeadline={items.find((i) => i.preorder)?.preorder?.deadline.toISOString() ?? null} />
          </aside>
        </div>
      )}
    </main>
  );
}
