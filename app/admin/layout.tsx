import type { Metadata } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';

export const metadata: Metadata = { title: { default: 'Admin', template: '%s · Admin · Seedprint' }, robots: { index: false, follow: false } };

const tab = 'rounded-full px-3 py-1.5 text-sm font-medium text-stone-700 hover:bg-stone-200 hover:text-stone-900';

export default function AdminLayout({ children }: { children: ReactNode }) {
  return (
    <div className="container-page py-6 sm:py-8">
      <div className="mb-6 flex flex-wrap items-center gap-2 rounded-2xl bg-stone-100 p-2 ring-1 ring-stone-200">
        <span className="px-2 text-xs font-bold tracking-wider text-stone-500 uppercase">Admin</span>
        <nav aria-label="Admin" className="flex flex-wrap gap-1">
          <Link href="/admin" className={tab}>
            Overview
          </Link>
          <Link href="/admin/products" className={tab}>
            Products
          </Link>
          <Link href="/admin/orders" className={tab}>
            Orders
          </Link>
          <Link href="/admin/factories" className={tab}>
            Factories
          </Link>
          <Link href="/admin/mockups" className={tab}>
            Mockups
          </Link>
        </nav>
      </div>
      {children}
    </div>
  );
}
