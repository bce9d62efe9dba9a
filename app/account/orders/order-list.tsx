// The signed-in shopper's orders as a list of cards. Used by /account/orders; the account page
// can show the latest few with <OrderList userId={user.id} email={user.email} limit={3} />.
import Link from 'next/link';
import { formatMoney } from '@/lib/catalog';
import { listOrdersForUser, orderUrl } from '@/lib/orders';
import { StatusBadge, formatTime } from '@/app/_components/order-status';
import { DesignThumb } from '@/app/_components/design-thumb';

function relativeOrderUrl(id: string): string {
  const u = new URL(orderUrl(id));
  return `${u.pathname}${u.search}`;
}

export async function OrderList({ userId, email, limit }: { userId: string; email: string; limit?: number }) {
  const all = await listOrdersForUser(userId, email);
  const orders = limit ? all.slice(0, limit) : all;
  if (orders.length === 0) {
    return (
      <div className="card p-8 text-center">
        <p className="text-stone-700">You have not placed any orders yet.</p>
        <Link href="/design" className="btn-primary mt-4">
          Design your first pattern
        </Link>
      </div>
    );
  }
  return (
    <ul className="space-y-3" data-testid="order-list">
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
                {formatTime(o.createdAt)} · {count} {count === 1 ? 'item' : 'items'}: {[...new Set(o.items.map((i) => i.productName))].join(', ')}
              </p>
            </div>
            <div className="flex w-full items-center justify-between gap-3 border-t border-stone-100 pt-3 sm:w-auto sm:justify-end sm:border-0 sm:pt-0">
              <StatusBadge status={o.status} />
              <span className="font-semibold tabular-nums text-stone-900">{formatMoney(o.totalMinor, o.currency)}</span>
            </div>
          </li>
        );
      })}
      {limit && all.length > limit ? (
        <li>
          <Link href="/account/orders" className="link text-sm">
            All {all.length} orders →
          </Link>
        </li>
      ) : null}
    </ul>
  );
}
