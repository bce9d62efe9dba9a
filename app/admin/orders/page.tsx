import type { Metadata } from 'next';
import Link from 'next/link';
import { OrdersTable } from '../orders-table';
import { requireRolePage } from '@/lib/auth';
import { ORDER_STATUSES, searchOrders, statusLabel, type OrderStatusName } from '@/lib/orders';
import { param } from '../_shared';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Orders' };

/** Rows per page: older ones are a link away (keyset paging by the last row's id). */
const PAGE_SIZE = 50;

type Search = Promise<Record<string, string | string[] | undefined>>;

export default async function AdminOrders({ searchParams }: { searchParams: Search }) {
  await requireRolePage(['ADMIN'], '/admin/orders');
  const sp = await searchParams;
  const q = param(sp.q)?.trim() ?? '';
  const rawStatus = param(sp.status);
  const status = rawStatus && (ORDER_STATUSES as readonly string[]).includes(rawStatus) ? (rawStatus as OrderStatusName) : undefined;
  const before = param(sp.before) ?? undefined;
  // One more than a page tells whether older orders follow.
  const rows = await searchOrders({ text: q || undefined, status, take: PAGE_SIZE + 1, before });
  const orders = rows.slice(0, PAGE_SIZE);
  const older = rows.length > PAGE_SIZE ? `/admin/orders?${new URLSearchParams({ ...(q ? { q } : {}), ...(status ? { status } : {}), before: orders[orders.length - 1].id })}` : null;

  return (
    <main>
      <h1 className="text-2xl font-bold tracking-tight text-stone-900">Orders</h1>
      <form method="get" action="/admin/orders" role="search" className="card mt-6 flex flex-col gap-3 p-4 sm:flex-row sm:items-end">
        <div className="flex-1">
          <label htmlFor="q" className="label">
            Order number or e-mail
          </label>
          <input id="q" name="q" type="search" defaultValue={q} placeholder="SP-… or name@example.com" className="field" />
        </div>
        <div>
          <label htmlFor="status" className="label">
            Status
          </label>
          <select id="status" name="status" defaultValue={status ?? ''} className="field">
            <option value="">Any status</option>
            {ORDER_STATUSES.map((s) => (
              <option key={s} value={s}>
                {statusLabel(s)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="btn-primary">
          Search
        </button>
      </form>

      <p className="mt-4 text-sm text-stone-600" role="status">
        {older || before ? `Showing ${orders.length} ${before ? 'older ' : 'latest '}${orders.length === 1 ? 'match' : 'matches'}, newest first.` : `${orders.length} ${orders.length === 1 ? 'order' : 'orders'}.`}
      </p>
      <div className="mt-2">
        <OrdersTable orders={orders} />
      </div>
      {older ? (
        <p className="mt-4 text-sm">
          <Link href={older} className="link" prefetch={false}>
            Older orders →
          </Link>
        </p>
      ) : null}
    </main>
  );
}
