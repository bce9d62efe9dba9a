import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { findOrder, verifyOrderAccessToken } from '@/lib/orders';
import { OrderTimeline, StatusBadge, formatTime } from '@/app/_components/order-status';
import { OrderHistory, OrderItems, OrderShipping, OrderTotals } from '@/app/_components/order-detail';
import { safeCurrentUser } from '@/app/_components/site-data';
import { AutoRefresh } from '@/app/_components/auto-refresh';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'Your order', robots: { index: false, follow: false } };

type Params = Promise<{ id: string }>;
type Search = Promise<Record<string, string | string[] | undefined>>;

export default async function OrderPage({ params, searchParams }: { params: Params; searchParams: Search }) {
  const [{ id }, sp] = await Promise.all([params, searchParams]);
  const order = id.length <= 64 ? await findOrder(id) : null;
  if (!order) notFound();
  const token = typeof sp.t === 'string' ? sp.t : null;
  if (!verifyOrderAccessToken(order.id, token)) {
    // Without the link from the e-mail, only the signed-in owner (or an admin) may look.
    const user = await safeCurrentUser();
    const owner = !!user && (order.userId === user.id || order.email.toLowerCase() === user.email.toLowerCase());
    if (!owner && user?.role !== 'ADMIN') notFound();
  }

  return (
    <main className="container-page max-w-4xl py-8 sm:py-12">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <p className="text-sm text-stone-600">Order</p>
          <h1 className="font-mono text-2xl font-bold tracking-tight text-stone-900 sm:text-3xl" data-testid="order-number">
            {order.number}
          </h1>
          <p className="mt-1 text-sm text-stone-600">
            Placed {formatTime(order.createdAt)} · {order.email}
            {order.testMode ? <span className="ml-2 rounded bg-amber-100 px-1.5 py-0.5 text-xs font-semibold text-amber-900">Test order</span> : null}
          </p>
        </div>
        <StatusBadge status={order.status} testId="order-status" />
      </div>

      <section aria-labelledby="progress-heading" className="card mt-6 p-5 sm:p-6">
        <h2 id="progress-heading" className="sr-only">
          Progress
        </h2>
        <OrderTimeline status={order.status} history={order.history} />
        <AutoRefresh active={order.status === 'PENDING_PAYMENT'} />
      </section>

      <div className="mt-6 grid gap-6 md:grid-cols-[minmax(0,1.6fr)_minmax(0,1fr)]">
        <section aria-labelledby="items-heading" className="card p-5 sm:p-6">
          <h2 id="items-heading" className="text-lg font-semibold text-stone-900">
            Items
          </h2>
          <OrderItems order={order} />
          <div className="mt-2 border-t border-stone-200 pt-4">
            <OrderTotals order={order} />
          </div>
        </section>
        <div className="space-y-6">
          <section aria-labelledby="delivery-heading" className="card p-5 sm:p-6">
            <h2 id="delivery-heading" className="mb-3 text-lg font-semibold text-stone-900">
              Delivery
            </h2>
            <OrderShipping order={order} />
          </section>
          <section aria-labelledby="history-heading" className="card p-5 sm:p-6">
            <h2 id="history-heading" className="mb-4 text-lg font-semibold text-stone-900">
              History
            </h2>
            <OrderHistory order={order} />
          </section>
        </div>
      </div>
      <p className="mt-8 text-sm text-stone-600">
        Questions about this order? Reply to your confirmation e-mail. <Link href="/products" className="link">Continue shopping</Link>
      </p>
    </main>
  );
}
