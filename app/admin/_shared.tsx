// Bits shared by the admin pages and actions.
import type { ReactNode } from 'react';

export function Flash({ saved, error }: { saved?: string | null; error?: string | null }) {
  if (error) {
    return (
      <p role="alert" className="mb-4 rounded-xl bg-red-50 px-4 py-3 text-sm font-medium text-red-800 ring-1 ring-red-200">
        {error}
      </p>
    );
  }
  if (saved) {
    return (
      <p role="status" className="mb-4 rounded-xl bg-brand-50 px-4 py-3 text-sm font-medium text-brand-900 ring-1 ring-brand-200">
        {saved}
      </p>
    );
  }
  return null;
}

export function param(v: string | string[] | undefined): string | null {
  return typeof v === 'string' ? v.slice(0, 500) : null;
}

/** The admin's data tables: a scrollable card, a header row of `Th`s, divided body rows. */
export function AdminTable({ head, children }: { head: ReactNode; children: ReactNode }) {
  return (
    // relative: the sr-only header cells are placed inside the scroller, not past the page edge
    <div className="card relative overflow-x-auto">
      <table className="w-full text-sm">
        <thead className="border-b border-stone-200 bg-stone-50">
          <tr>{head}</tr>
        </thead>
        <tbody className="divide-y divide-stone-100">{children}</tbody>
      </table>
    </div>
  );
}

export function Th({ children, className = '' }: { children: ReactNode; className?: string }) {
  return (
    <th scope="col" className={`px-3 py-2 text-left text-xs font-semibold tracking-wide text-stone-600 uppercase ${className}`}>
      {children}
    </th>
  );
}

export function centsToDollars(minor: number): string {
  return (minor / 100).toFixed(2);
}
