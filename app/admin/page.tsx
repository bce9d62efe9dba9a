import type { Metadata } from 'next';
import Link from 'next/link';
import { requireRolePage } from '@/lib/auth';
import { searchOrders } from '@/lib/orders';
import { OrdersTable } from './orders-table';

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
      <div className="mt-3">
        <OrdersTable orders={recent} />
      </div>
    </main>
  );
}
