import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requireRolePage } from '@/lib/auth';
import { ORDER_STATUSES, canTransition, findOrder, orderUrl, statusLabel } from '@/lib/orders';
import { OrderTimeline, StatusBadge, formatTime } from '@/app/_components/order-status';
import { OrderHistory, OrderItems, OrderShipping, OrderTotals } from '@/app/_components/order-detail';
import { SubmitButton } from '@/app/_components/submit-button';
import { Flash, param } from '../../_shared';
import { changeOrderStatusAction } from '../actions';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Order' };

type Params = Promise<{ id: string }>;
type Search = Promise<Record<string, string | string[] | undefined>>;

export default async function AdminOrder({ params, searchParams }: { params: Params; searchParams: Search }) {
  const [{ id }, sp] = await Promise.all([params, searchParams]);
  await requireRolePage(['ADMIN'], `/admin/orders/${id}`);
  const order = await findOrder(id);
  if (!order) notFound();
  const next = ORDER_STATUSES.filter((s) => canTransition(order.status, s));
  const link = new URL(orderUrl(order.id));

  return (
    <main>
      <p className="text-sm">
        <Link href="/admin/orders" className="link">
          ← All orders
        </Link>
      </p>
      <div className="mt-2 flex flex-wrap items-center gap-3">
        <h1 className="font-mono text-2xl font-bold tracking-tight text-stone-900">{order.number}</h1>
        <StatusBadge status={order.status} testId="order-status" />
        {order.testMode ? <span className="rounded bg-amber-100 px-1.5 py-0.5 text-xs font-semibold text-amber-900">Test</span> : null}
      </div>
      <p className="mt-1 text-sm text-stone-600">
        {order.email} · placed {formatTime(order.createdAt)} ·{' '}
        <Link href={`${link.pathname}${link.search}`} className="link">
          customer view
        </Link>
      </p>
      <div className="mt-4">
        <Flash saved={param(sp.saved)} error={param(sp.error)} />
      </div>

      <div className="grid gap-6 lg:grid-cols-[minmax(0,1.6fr)_minmax(0,1fr)]">
        <div className="space-y-6">
          <section className="card p-5 sm:p-6" aria-labelledby="progress">
            <h2 id="progress" className="sr-only">
              Progress
            </h2>
            <OrderTimeline status={order.status} history={order.history} />
          </section>
          <section className="card p-5 sm:p-6" aria-labelledby="items">
            <h2 id="items" className="text-lg font-semibold text-stone-900">
              Items
            </h2>
            <OrderItems order={order} showRecipe />
            <div className="mt-2 border-t border-stone-200 pt-4">
              <OrderTotals order={order} />
            </div>
          </section>
          <section className="card p-5 sm:p-6" aria-labelledby="payments">
            <h2 id="payments" className="text-lg font-semibold text-stone-900">
              Payments
            </h2>
            <ul className="mt-2 space-y-1 text-sm text-stone-700">
              {order.payments.map((p) => (
                <li key={p.id} className="font-mono text-xs break-all">
                  {p.status} · {p.stripePaymentIntentId ?? p.stripeCheckoutSessionId} · refunded {p.amountRefundedMinor}
                  {p.failureMessage ? ` · ${p.failureMessage}` : ''}
                </li>
              ))}
            </ul>
          </section>
        </div>
        <div className="space-y-6">
          <form action={changeOrderStatusAction} className="card space-y-4 p-5 sm:p-6">
            <h2 className="text-lg font-semibold text-stone-900">Change status</h2>
            <input type="hidden" name="orderId" value={order.id} />
            <div>
              <label htmlFor="to" className="label">
                New status
              </label>
              <select id="to" name="to" required defaultValue={next[0] ?? ''} className="field" aria-describedby="to-hint">
                <option value="" disabled>
                  Choose…
                </option>
                {ORDER_STATUSES.filter((s) => s !== order.status).map((s) => (
                  <option key={s} value={s}>
                    {statusLabel(s)}
                  </option>
                ))}
              </select>
              <p id="to-hint" className="mt-1 text-xs text-stone-600">
                {next.length ? `Allowed from ${statusLabel(order.status).toLowerCase()}: ${next.map((s) => statusLabel(s)).join(', ')}.` : 'This order is final: no further changes are allowed.'}
              </p>
            </div>
            <div>
              <label htmlFor="note" className="label">
                Note <span className="font-normal text-stone-500">(optional, kept in the history)</span>
              </label>
              <input id="note" name="note" maxLength={500} className="field" />
            </div>
            <SubmitButton pendingLabel="Updating…">Update status</SubmitButton>
          </form>
          <section className="card p-5 sm:p-6" aria-labelledby="delivery">
            <h2 id="delivery" className="mb-3 text-lg font-semibold text-stone-900">
              Delivery
            </h2>
            <OrderShipping order={order} />
          </section>
          <section className="card p-5 sm:p-6" aria-labelledby="history">
            <h2 id="history" className="mb-4 text-lg font-semibold text-stone-900">
              History
            </h2>
            <OrderHistory order={order} showActor />
          </section>
        </div>
      </div>
    </main>
  );
}
