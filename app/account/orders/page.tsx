import type { Metadata } from 'next';
import Link from 'next/link';
import { requireRolePage } from '@/lib/auth';
import { formatMoney } from '@/lib/catalog';
import { listOrdersForUser, orderUrl } from '@/lib/orders';
import { StatusBadge, formatTime } from '@/app/_components/order-status';
import { DesignThumb } from '@/app/_components/design-thumb';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'Your orders', robots: { index: false } };

function relativeOrderUrl(id: string): string {
  const u = new URL(orderUrl(id));
  return `${u.pathname}${u.search}`;
}

export default async function AccountOrdersPage() {
  const user = await requireRolePage(null, '/account/orders');
  const orders = await listOrdersForUser(user.id, user.email);
  return (
    <main className="container-page max-w-4xl py-8 sm:py-12">
      <nav aria-label="Breadcrumb" className="mb-2 text-sm text-stone-600">
        <Link href="/account" className="hover:text-stone-900 hover:underline">
          Account
        </Link>{' '}
        / <span aria-current="page">Orders</span>
      </nav>
      <h1 className="text-3xl font-bold tracking-tight text-stone-900">Your orders</h1>
      {orders.length === 0 ? (
        <div className="card mt-6 p-8 text-center">
          <p className="text-stone-700">You have not placed any orders yet.</p>
          <Link href="/design" className="btn-primary mt-4">
            Design your first pattern
          </Link>
        </div>
      ) : (
        <ul className="mt-6 space-y-3" data-testid="order-list">
          {orders.map((o) => {
            const count = o.items.reduce((n, i) => n + i.quantity, 0);
            return (
              <li key={o.id} className="card relative flex flex-wrap items-center gap-4 p-4 transition hover:shadow-md sm:p-5">
                <div className="flex -space-x-3">
                  {o.items.slice(0, 3).map((i) => (
                    <DesignThumb key={i.id} designId={i.designId} alt="" size={44} className="ring-2 ring-white" />
                  ))}
                </div>
                <div className="min-w-0 flex-1">
                  <p className="font-mono font-semibold text-stone-900">
                    <Link href={relativeOrderUrl(o.id)} className="after:absolute after:inset-0 after:content-[''] hover:underline">
                      {o.number}
                    </Link>
                  </p>
                  <p className="text-sm text-stone-600">
                    {formatTime(o.createdAt)} · {count} {count === 1 ? 'item' : 'items'}: {o.items.map((i) => i.productName).join(', ')}
                  </p>
                </div>
                <div className="flex items-center gap-3">
                  <StatusBadge status={o.status} />
                  <span className="font-semibold tabular-nums text-stone-900">{formatMoney(o.totalMinor, o.currency)}</span>
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </main>
  );
}
