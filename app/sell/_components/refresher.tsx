'use client';
// Re-renders the page every few seconds while the store is still working (photo rendering).
import { useAutoRefresh } from '@/app/_components/use-auto-refresh';

export function Refresher({ active, everyMs = 2000, maxTries = 90, label }: { active: boolean; everyMs?: number; maxTries?: number; label: string }) {
  useAutoRefresh(active, everyMs, maxTries);
  if (!active) return null;
  return (
    <p className="mt-2 flex items-center gap-2 text-sm text-stone-600" role="status">
      <span aria-hidden="true" className="size-3.5 animate-spin rounded-full border-2 border-brand-600 border-r-transparent" />
      {label}
    </p>
  );
}
