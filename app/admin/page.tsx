import type { Metadata } from 'next';
import Link from 'next/link';
import { requireRolePage } from '@/lib/auth';
import { formatMoney } from '@/lib/catalog';
import { searchOrders } from '@/lib/orders';
import { StatusBadge, formatTime } from '@/app/_components/order-status';
import { Th } from './_shared';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Overview' };

export default async function AdminHome() {
  await requireRolePage(['ADMIN'], '/admin');
  const recent = await searchOrders({ take: 10 });
  return (
    <main>
      <h1 className="text-2xl font-bold tracking-tight text-stone-900">Store admin</h1>
      <div className="mt-6 grid gap-4 sm:grid-cols-2">
        <Link href="/admin/products" className="card block p-5 hover:shadow-md">
          <h2 className="font-semibold text-stone-900">Products</h2>
          <p className="mt-1 text-sm text-stone-600">Names, descriptions, prices, costs and what is on sale.</p>
        </Link>
        <Link href="/admin/orders" className="card block p-5 hover:shadow-md">
          <h2 className="font-semibold text-stone-900">Orders</h2>
          <p className="mt-1 text-sm text-stone-600">Find an order by number or e-mail and move it along.</p>
        </Link>
        <Link href="/admin/factories" className="card block p-5 hover:shadow-md">
          <h2 className="font-semibold text-stone-900">Factories &amp; API keys</h2>
          <p className="mt-1 text-sm text-stone-600">Create and revoke factory keys; webhook endpoints and deliveries.</p>
        </Link>
      </div>
      <h2 className="mt-10 text-lg font-semibold text-stone-900">Latest orders</h2>
      <div className="card mt-3 overflow-x-auto">
        <table className="w-full text-sm">
          <thead className="border-b border-stone-200 bg-stone-50">
            <tr>
              <Th>Order</Th>
              <Th>Placed</Th>
              <Th>E-mail</Th>
              <Th>Status</Th>
              <Th className="text-right">Total</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-stone-100">
            {recent.length === 0 ? (
              <tr>
                <td colSpan={5} className="px-3 py-6 text-center text-stone-600">
                  No orders yet.
                </td>
              </tr>
            ) : (
              recent.map((o) => (
                <tr key={o.id}>
                  <td className="px-3 py-2 font-mono">
                    <Link className="link" href={`/admin/orders/${o.id}`}>
                      {o.number}
                    </Link>
                  </td>
                  <td className="px-3 py-2 whitespace-nowrap text-stone-600">{formatTime(o.createdAt)}</td>
                  <td className="px-3 py-2">{o.email}</td>
                  <td className="px-3 py-2">
                    <StatusBadge status={o.status} />
                  </td>
                  <td className="px-3 py-2 text-right tabular-nums">{formatMoney(o.totalMinor, o.currency)}</td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
    </main>
  );
}
