'use client';
// The header's cart count, shared with "Add to cart" forms so the badge moves the moment a
// shopper adds something (useOptimistic), then settles on the server's number.
import Link from 'next/link';
import { createContext, useContext, useOptimistic, type ReactNode } from 'react';

interface CartCountValue {
  count: number;
  /** Call inside a transition or form action: bumps the badge until the server answers. */
  addOptimistic: (quantity: number) => void;
}

const CartCountContext = createContext<CartCountValue>({ count: 0, addOptimistic: () => {} });

export function CartCountProvider({ count, children }: { count: number; children: ReactNode }) {
  const [optimistic, addOptimistic] = useOptimistic(count, (current: number, added: number) => Math.max(0, current + added));
  return <CartCountContext value={{ count: optimistic, addOptimistic }}>{children}</CartCountContext>;
}

export function useCartCount() {
  return useContext(CartCountContext);
}

export function CartLink() {
  const { count } = useCartCount();
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
