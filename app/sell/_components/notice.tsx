import type { ReactNode } from 'react';

export function Notice({ tone, children }: { tone: 'info' | 'error' | 'ok'; children: ReactNode }) {
  const cls = tone === 'error' ? 'bg-red-50 text-red-800 ring-red-200' : tone === 'ok' ? 'bg-brand-50 text-brand-900 ring-brand-200' : 'bg-amber-50 text-amber-900 ring-amber-200';
  return (
    <p role={tone === 'error' ? 'alert' : 'status'} className={`mb-6 rounded-xl px-4 py-3 text-sm font-medium ring-1 ${cls}`}>
      {children}
    </p>
  );
}

export const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
