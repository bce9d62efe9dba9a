import type { Metadata } from 'next';
import { OrdersTable } from '../orders-table';
import { requireRolePage } from '@/lib/auth';
import { ORDER_STATUSES, searchOrders, statusLabel, type OrderStatusName } from '@/lib/orders';
import { param } from '../_shared';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Orders' };

type Search = Promise<Record<string, string | string[] | undefined>>;

export default async function AdminOrders({ searchParams }: { searchParams: Search }) {
  await requireRolePage(['ADMIN'], '/admin/orders');
  const sp = await searchParams;
  const q = param(sp.q)?.trim() ?? '';
  const rawStatus = param(sp.status);
  const status = rawStatus && (ORDER_STATUSES as readonly string[]).includes(rawStatus) ? (rawStatus as OrderStatusName) : undefined;
  const orders = await searchOrders({ text: q || undefined, status, take: 100 });

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
        {orders.length === 100 ? 'Showing the latest 100 matches.' : `${orders.length} ${orders.length === 1 ? 'order' : 'orders'}.`}
      </p>
      <div className="mt-2">
        <OrdersTable orders={orders} />
      </div>
    </main>
  );
}
