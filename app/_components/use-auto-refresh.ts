'use client';
// Re-renders the current server page every `everyMs` while `active`, at most `maxTries` times.
import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';

export function useAutoRefresh(active: boolean, everyMs: number, maxTries: number) {
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
  return {
    exhausted: tries >= maxTries,
    retry: () => {
      setTries(0);
      router.refresh();
    },
  };
}
