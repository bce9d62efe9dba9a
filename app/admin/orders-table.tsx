// The admin's order list (overview and search results).
import Link from 'next/link';
import { formatMoney } from '@/lib/catalog';
import type { OrderSearchRow } from '@/lib/orders';
import { StatusBadge, formatTime } from '@/app/_components/order-status';
import { AdminTable, Th } from './_shared';

export function OrdersTable({ orders }: { orders: OrderSearchRow[] }) {
  return (
    <AdminTable
      head={
        <>
          <Th>Order</Th>
          <Th>Placed</Th>
          <Th>E-mail</Th>
          <Th>Items</Th>
          <Th>Status</Th>
          <Th className="text-right">Total</Th>
        </>
      }
    >
      {orders.length === 0 ? (
        <tr>
          <td colSpan={6} className="px-3 py-6 text-center text-stone-600">
            No orders.
          </td>
        </tr>
      ) : (
        orders.map((o) => (
          <tr key={o.id} data-testid="admin-order-row">
            <td className="px-3 py-2 font-mono whitespace-nowrap">
              <Link className="link" href={`/admin/orders/${o.id}`} prefetch={false}>
                {o.number}
              </Link>
            </td>
            <td className="px-3 py-2 whitespace-nowrap text-stone-600">{formatTime(o.createdAt)}</td>
            <td className="px-3 py-2">{o.email}</td>
            <td className="px-3 py-2 text-stone-700">{o.itemCount}</td>
            <td className="px-3 py-2">
              <StatusBadge status={o.status} />
            </td>
            <td className="px-3 py-2 text-right tabular-nums">{formatMoney(o.totalMinor, o.currency)}</td>
          </tr>
        ))
      )}
    </AdminTable>
  );
}
