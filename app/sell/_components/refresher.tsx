'use client';
// Re-renders the page every few seconds while the store is still working (photo rendering).
import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';

export function Refresher({ active, everyMs = 2000, maxTries = 90, label }: { active: boolean; everyMs?: number; maxTries?: number; label: string }) {
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
  return (
    <p className="mt-2 flex items-center gap-2 text-sm text-stone-600" role="status">
      <span aria-hidden="true" className="size-3.5 animate-spin rounded-full border-2 border-brand-600 border-r-transparent" />
      {label}
    </p>
  );
}
