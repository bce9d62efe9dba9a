'use client';
// Site header: wordmark, main navigation, cart count and account link. The user and the cart
// count come from the browser's session summary (see session-summary.tsx), so every page's HTML
// is the same for every visitor and can be cached.
import Link from 'next/link';
import { CartLink, useSessionSummary } from './session-summary';
import { Logo } from './logo';

const navLink = 'rounded-full px-1.5 py-2 text-sm whitespace-nowrap sm:px-3 font-medium text-stone-700 hover:bg-stone-100 hover:text-stone-900';

export function SiteHeader() {
  const { user, loaded } = useSessionSummary();
  return (
    <header className="sticky top-0 z-30 border-b border-stone-200/80 bg-white/90 backdrop-blur supports-[backdrop-filter]:bg-white/75">
      <div className="container-page flex h-16 items-center justify-between gap-2">
        <Link href="/" className="rounded-lg" aria-label="Seedprint home">
          <Logo />
        </Link>
        <nav aria-label="Main" className="flex items-center gap-0.5 sm:gap-1">
          <Link href="/products" className={navLink}>
            Shop
          </Link>
          <Link href="/design" className={navLink}>
            Design
          </Link>
          <Link href="/sell" className={`${navLink} hidden sm:inline-flex`}>
            Sell
          </Link>
          {user?.role === 'ADMIN' ? (
            <Link href="/admin" className={`${navLink} hidden md:inline-flex`}>
              Admin
            </Link>
          ) : null}
          <CartLink />
          {user ? (
            <Link href="/account" className={`${navLink} inline-flex items-center`} aria-label={`Account (${user.email})`}>
              <span className="inline-flex items-center gap-1.5">
                <svg aria-hidden="true" viewBox="0 0 24 24" className="size-5" fill="none" stroke="currentColor" strokeWidth={1.8} strokeLinecap="round">
                  <circle cx="12" cy="8" r="3.5" />
                  <path d="M5 20c1.2-3.6 4-5.4 7-5.4s5.8 1.8 7 5.4" />
                </svg>
                <span className="hidden sm:inline">Account</span>
              </span>
            </Link>
          ) : (
            // Until the session is known the link keeps its place but stays hidden (no flash of "Sign in").
            <Link href="/signin" className={`${navLink} ${loaded ? '' : 'invisible'}`} aria-hidden={loaded ? undefined : true} tabIndex={loaded ? undefined : -1}>
              Sign in
            </Link>
          )}
        </nav>
      </div>
    </header>
  );
}
