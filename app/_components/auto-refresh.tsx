'use client';
// While the payment webhook hasn't landed yet, re-render the page every 2 s for up to ~20 s.
import { useAutoRefresh } from './use-auto-refresh';

export function AutoRefresh({ active, everyMs = 2000, maxTries = 10 }: { active: boolean; everyMs?: number; maxTries?: number }) {
  const { exhausted, retry } = useAutoRefresh(active, everyMs, maxTries);
  if (!active) return null;
  return !exhausted ? (
    <p className="mt-2 flex items-center gap-2 text-sm text-stone-600" role="status">
      <span aria-hidden="true" className="size-3.5 animate-spin rounded-full border-2 border-brand-600 border-r-transparent" />
      Confirming your payment…
    </p>
  ) : (
    <p className="mt-2 text-sm text-stone-600" role="status">
      This is taking longer than usual. We will e-mail you as soon as the payment is confirmed — you can also{' '}
      <button type="button" className="link" onClick={retry}>
        check again
      </button>
      .
    </p>
  );
}
