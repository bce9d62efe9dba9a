'use client';
// The visitor's session summary (signed-in user, cart count), loaded by the browser from
// /api/session so the layout reads no cookies and catalog pages can be static. It reloads on
// every navigation and after cart changes; "Add to cart" bumps the badge at once
// (useOptimistic) until the server's number arrives.
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { createContext, useCallback, useContext, useEffect, useOptimistic, useRef, useState, type ReactNode } from 'react';

export interface SessionUser {
  email: string;
  name: string | null;
  role: string;
}

interface SessionValue {
  count: number;
  user: SessionUser | null;
  /** false until the first answer from /api/session */
  loaded: boolean;
  /** Call inside a transition or form action: bumps the badge until the server answers. */
  addOptimistic: (quantity: number) => void;
  /** Re-read the session summary (after a cart change). */
  refresh: () => Promise<void>;
  /** A server-rendered page that knows the cart (the cart page) hands its count over. */
  setCount: (count: number) => void;
}

const SessionContext = createContext<SessionValue>({
  count: 0,
  user: null,
  loaded: false,
  addOptimistic: () => {},
  refresh: async () => {},
  setCount: () => {},
});

export function SessionSummaryProvider({ children }: { children: ReactNode }) {
  const [count, setCount] = useState(0);
  const [user, setUser] = useState<SessionUser | null>(null);
  const [loaded, setLoaded] = useState(false);
  const [optimistic, addOptimistic] = useOptimistic(count, (current: number, added: number) => Math.max(0, current + added));
  const pathname = usePathname();
  const latest = useRef(0);

  const refresh = useCallback(async () => {
    const ticket = ++latest.current; // answers can arrive out of order: keep the newest
    try {
      const res = await fetch('/api/session', { cache: 'no-store', credentials: 'same-origin' });
      if (!res.ok) return;
      const body = (await res.json()) as { user: SessionUser | null; cartCount: number };
      if (ticket !== latest.current) return;
      setUser(body.user);
      setCount(body.cartCount);
      setLoaded(true);
    } catch {
      // offline or server restarting: keep what we have
    }
  }, []);

  useEffect(() => {
    // refresh() sets state only when the response arrives, not during the effect.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    void refresh();
  }, [pathname, refresh]);

  return (
    <SessionContext value={{ count: optimistic, user, loaded, addOptimistic, refresh, setCount }}>{children}</SessionContext>
  );
}

export function useSessionSummary() {
  return useContext(SessionContext);
}

/** Rendered by a page that already knows the cart's count, so the badge agrees with it. */
export function CartCountSync({ count }: { count: number }) {
  const { setCount } = useSessionSummary();
  useEffect(() => setCount(count), [count, setCount]);
  return null;
}

export function CartLink() {
  const { count } = useSessionSummary();
  const label = count === 1 ? 'Cart, 1 item' : `Cart, ${count} items`;
  return (
    <Link
      href="/cart"
      aria-label={label}
      className="relative inline-flex items-center gap-1.5 rounded-full px-1.5 py-2 text-sm sm:px-3 font-medium text-stone-700 hover:bg-stone-100 hover:text-stone-900"
    >
      <svg aria-hidden="true" viewBox="0 0 24 24" className="size-5" fill="none" stroke="currentColor" strokeWidth={1.8} strokeLinecap="round" strokeLinejoin="round">
        <path d="M5 7h14l-1.2 11.1a2 2 0 0 1-2 1.9H8.2a2 2 0 0 1-2-1.9L5 7Z" />
        <path d="M9 10V6a3 3 0 0 1 6 0v4" />
      </svg>
      <span className="hidden sm:inline">Cart</span>
      <span
        data-testid="cart-count"
        className={`inline-flex min-w-5 items-center justify-center rounded-full px-1.5 text-xs font-semibold tabular-nums ${count > 0 ? 'bg-brand-700 text-white' : 'bg-stone-200 text-stone-700'}`}
      >
        {count}
      </span>
    </Link>
  );
}
