import Link from 'next/link';
import { OrderList } from './orders/order-list';
import type { Metadata } from 'next';
import { requireRolePage } from '@/lib/auth/page';
import { ROLE_LABELS } from '@/lib/auth/roles';
import { signOutAction } from './actions';

export const metadata: Metadata = { title: 'Your account' };
export const dynamic = 'force-dynamic';

export default async function AccountPage() {
  const user = await requireRolePage(null, '/account');
  return (
    <main className="mx-auto w-full max-w-2xl px-4 py-12 sm:py-16">
      <h1 className="text-2xl font-semibold tracking-tight text-stone-900">Your account</h1>

      <section aria-labelledby="account-details" className="mt-6 rounded-2xl border border-stone-200 bg-white p-6 shadow-sm">
        <h2 id="account-details" className="sr-only">
          Account details
        </h2>
        <dl className="grid gap-4 sm:grid-cols-[10rem_1fr]">
          <dt className="text-sm font-medium text-stone-600">E-mail</dt>
          <dd className="text-sm font-medium break-all text-stone-900" data-testid="account-email">
            {user.email}
          </dd>
          {user.name && (
            <>
              <dt className="text-sm font-medium text-stone-600">Name</dt>
              <dd className="text-sm text-stone-900">{user.name}</dd>
            </>
          )}
          <dt className="text-sm font-medium text-stone-600">Role</dt>
          <dd>
            <span className="inline-flex items-center rounded-full border border-stone-300 bg-stone-100 px-2.5 py-0.5 text-xs font-semibold text-stone-800" data-testid="account-role">
              {ROLE_LABELS[user.role]}
            </span>
          </dd>
        </dl>
        <form action={signOutAction} className="mt-6 border-t border-stone-200 pt-6">
          <input type="hidden" name="redirectTo" value="/" />
          <button
            type="submit"
            className="rounded-lg border border-stone-300 bg-white px-4 py-2 text-sm font-medium text-stone-900 shadow-sm hover:bg-stone-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-stone-900"
          >
            Sign out
          </button>
        </form>
      </section>

      {user.role === 'ADMIN' || user.role === 'FACTORY' ? (
        <section aria-labelledby="staff-console-link" className="mt-8 flex items-center justify-between gap-4 rounded-2xl border border-stone-200 bg-white p-6 shadow-sm">
          <div>
            <h2 id="staff-console-link" className="text-lg font-semibold text-stone-900">
              {user.role === 'ADMIN' ? 'Admin console' : 'Factory console'}
            </h2>
            <p className="mt-1 text-sm text-stone-600">{user.role === 'ADMIN' ? 'Orders, products, factories, mockups and try-on models.' : 'Print jobs to claim, download and ship.'}</p>
          </div>
          <Link href={user.role === 'ADMIN' ? '/admin' : '/factory'} className="btn-secondary shrink-0">
            Open
          </Link>
        </section>
      ) : null}

      <section aria-labelledby="my-designs-link" className="mt-8 flex items-center justify-between gap-4 rounded-2xl border border-stone-200 bg-white p-6 shadow-sm">
        <div>
          <h2 id="my-designs-link" className="text-lg font-semibold text-stone-900">
            My designs
          </h2>
          <p className="mt-1 text-sm text-stone-600">Open, reorder, share or delete the designs you chose.</p>
        </div>
        <Link href="/my-designs" className="btn-secondary shrink-0">
          My designs
        </Link>
      </section>

      <section aria-labelledby="recent-orders" className="mt-8">
        <div className="flex items-baseline justify-between">
          <h2 id="recent-orders" className="text-lg font-semibold text-stone-900">
            Recent orders
          </h2>
          <Link href="/account/orders" className="text-sm font-medium underline underline-offset-2">
            All orders
          </Link>
        </div>
        <div className="mt-3">
          <OrderList userId={user.id} email={user.email} limit={3} />
        </div>
      </section>
    </main>
  );
}
