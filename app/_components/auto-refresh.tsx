'use client';
// While the payment webhook hasn't landed yet, re-render the page every 2 s for up to ~20 s.
import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';

export function AutoRefresh({ active, everyMs = 2000, maxTries = 10 }: { active: boolean; everyMs?: number; maxTries?: number }) {
  const router = useRouter();
  const [tries, setTries] = useState(0);
  useEffect(() => {
    if (!active || tries >= maxTries) return;
    const t = setTimeout(() => {
      setTries((n) => n + 1);
      router.refresh();
    }, everyMs);
    return () => clearTimeout(t);
  }, [active, tries, maxTries, everyMs, router]);
  if (!active) return null;
  return tries < maxTries ? (
    <p className="mt-2 flex items-center gap-2 text-sm text-stone-600" role="status">
      <span aria-hidden="true" className="size-3.5 animate-spin rounded-full border-2 border-brand-600 border-r-transparent" />
      Confirming your payment…
    </p>
  ) : (
    <p className="mt-2 text-sm text-stone-600" role="status">
      This is taking longer than usual. We will e-mail you as soon as the payment is confirmed — you can also{' '}
      <button type="button" className="link" onClick={() => { setTries(0); router.refresh(); }}>
        check again
      </button>
      .
    </p>
  );
}
