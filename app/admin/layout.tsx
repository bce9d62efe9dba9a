import type { Metadata } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';

export const metadata: Metadata = { title: { default: 'Admin', template: '%s · Admin · Seedprint' }, robots: { index: false, follow: false } };

const ADMIN_TABS = [
  ['/admin', 'Overview'],
  ['/admin/products', 'Products'],
  ['/admin/orders', 'Orders'],
  ['/admin/factories', 'Factories'],
  ['/admin/mockups', 'Mockups'],
  ['/admin/models', 'Try-on models'],
] as const;

const tab = 'rounded-full px-3 py-1.5 text-sm font-medium text-stone-700 hover:bg-stone-200 hover:text-stone-900';

export default function AdminLayout({ children }: { children: ReactNode }) {
  return (
    <div className="container-page py-6 sm:py-8">
      <div className="mb-6 flex flex-wrap items-center gap-2 rounded-2xl bg-stone-100 p-2 ring-1 ring-stone-200">
        <span className="px-2 text-xs font-bold tracking-wider text-stone-600 uppercase">Admin</span>
        <nav aria-label="Admin" className="flex flex-wrap gap-1">
          {ADMIN_TABS.map(([href, label]) => (
            <Link key={href} href={href} className={tab}>
              {label}
            </Link>
          ))}
        </nav>
      </div>
      {children}
    </div>
  );
}
