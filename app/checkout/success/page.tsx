import type { Metadata } from 'next';
import Link from 'next/link';
import { formatMoney } from '@/lib/catalog';
import { findOrderBySession, orderUrl } from '@/lib/orders';
import { StatusBadge } from '@/app/_components/order-status';
import { AutoRefresh } from '@/app/_components/auto-refresh';
import { CartCountSync } from '@/app/_components/session-summary';
import { cartItemCount } from '@/app/_components/site-data';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'Thank you for your order', robots: { index: false } };

type Search = Promise<Record<string, string | string[] | undefined>>;

export default async function CheckoutSuccessPage({ searchParams }: { searchParams: Search }) {
  const sp = await searchParams;
  const sessionId = typeof sp.session_id === 'string' ? sp.session_id : null;
  const order = sessionId ? await findOrderBySession(sessionId) : null;

  if (!order) {
    return (
      <main className="container-page max-w-2xl py-16">
        <h1 className="text-3xl font-bold tracking-tight text-stone-900">We could not find that checkout</h1>
        <p className="mt-3 text-stone-600">
          If you paid, your confirmation e-mail has a link to your order. You can also see your orders in{' '}
          <Link href="/account/orders" className="link">
            your order history
          </Link>
          .
        </p>
      </main>
    );
  }

  const pending = order.status === 'PENDING_PAYMENT';
  // Once paid, the order's lines have left the cart: the header badge follows the cart as it is now.
  const cartCount = pending ? null : await cartItemCount();
  // Only a relative link here: orderUrl() gives the absolute link used in e-mails.
  const link = new URL(orderUrl(order.id));
  const href = `${link.pathname}${link.search}`;

  return (
    <main className="container-page max-w-2xl py-12 sm:py-16">
      <div className="card p-6 sm:p-10">
        <div className="grid size-14 place-items-center rounded-full bg-brand-100 text-brand-800">
          <svg aria-hidden="true" viewBox="0 0 24 24" className="size-7" fill="none" stroke="currentColor" strokeWidth={2.2} strokeLinecap="round" strokeLinejoin="round">
            <path d="m5 12.5 4.5 4.5L19 7.5" />
          </svg>
        </div>
        <h1 className="mt-5 text-3xl font-bold tracking-tight text-stone-900">Thank you!</h1>
        <p className="mt-2 text-stone-600">
          Your order <strong className="font-semibold text-stone-900" data-testid="order-number">{order.number}</strong> is in. We will regenerate your pattern at print resolution and send updates to{' '}
          <span className="font-medium text-stone-900">{order.email}</span>.
        </p>
        <div className="mt-6 flex flex-wrap items-center gap-3 rounded-xl bg-stone-50 p-4 ring-1 ring-stone-200">
          <span className="text-sm text-stone-600">Status</span>
          <StatusBadge status={order.status} testId="order-status" />
          <span className="ml-auto text-sm text-stone-600">
            Total <strong className="text-stone-900">{formatMoney(order.totalMinor, order.currency)}</strong>
          </span>
        </div>
        <AutoRefresh active={pending} />
        {cartCount !== null ? <CartCountSync count={cartCount} /> : null}
        <div className="mt-8 flex flex-wrap gap-3">
          <Link href={href} className="btn-primary" data-testid="order-link">
            View your order
          </Link>
          <Link href="/design" className="btn-secondary">
            Design another pattern
          </Link>
        </div>
      </div>
    </main>
  );
}
