import type { Metadata } from 'next';
import Link from 'next/link';
import { requireRolePage } from '@/lib/auth';
import { OrderList } from './order-list';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'Your orders', robots: { index: false } };

export default async function AccountOrdersPage() {
  const user = await requireRolePage(null, '/account/orders');
  return (
    <main className="container-page max-w-4xl py-8 sm:py-12">
      <nav aria-label="Breadcrumb" className="mb-2 text-sm text-stone-600">
        <Link href="/account" className="hover:text-stone-900 hover:underline">
          Account
        </Link>{' '}
        / <span aria-current="page">Orders</span>
      </nav>
      <h1 className="text-3xl font-bold tracking-tight text-stone-900">Your orders</h1>
      <div className="mt-6">
        <OrderList userId={user.id} email={user.email} />
      </div>
    </main>
  );
}
