'use client';
// Site header: wordmark, main navigation, catalog search, cart count and account link. The user
// and the cart count come from the browser's session summary (see session-summary.tsx), so every
// page's HTML is the same for every visitor and can be cached.
import Link from 'next/link';
import { useState } from 'react';
import { CartLink, useSessionSummary } from './session-summary';
import { Logo } from './logo';

const navLink = 'rounded-full px-1.5 py-2 text-sm whitespace-nowrap sm:px-3 font-medium text-stone-700 hover:bg-stone-100 hover:text-stone-900';

function SearchIcon() {
  return (
    <svg aria-hidden="true" viewBox="0 0 24 24" className="size-5" fill="none" stroke="currentColor" strokeWidth={1.8} strokeLinecap="round">
      <circle cx="11" cy="11" r="6.5" />
      <path d="m16 16 4.5 4.5" />
    </svg>
  );
}

/** A plain GET form to /search, so it works before the page's script has loaded. */
function SearchForm({ id, className, autoFocus }: { id: string; className?: string; autoFocus?: boolean }) {
  return (
    <form role="search" action="/search" method="get" className={className}>
      <label htmlFor={id} className="sr-only">
        Search products and designs
      </label>
      <div className="relative w-full">
        <span className="pointer-events-none absolute inset-y-0 left-3 flex items-center text-stone-500">
          <SearchIcon />
        </span>
        <input
          id={id}
          name="q"
          type="search"
          maxLength={200}
          placeholder="Search"
          autoFocus={autoFocus}
          className="h-10 w-full rounded-full border border-stone-300 bg-white pr-3 pl-10 text-sm text-stone-900 placeholder:text-stone-500 focus:border-brand-600 focus:outline-2 focus:outline-brand-600"
        />
      </div>
    </form>
  );
}

export function SiteHeader() {
  const { user, loaded } = useSessionSummary();
  const [searchOpen, setSearchOpen] = useState(false);
  return (
    <header className="sticky top-0 z-30 border-b border-stone-200/80 bg-white/90 backdrop-blur supports-[backdrop-filter]:bg-white/75">
      <div className="container-page flex h-16 items-center justify-between gap-2">
        <Link href="/" className="rounded-lg" aria-label="Seedprint home">
          <Logo compact />
        </Link>
        <SearchForm id="site-search" className="hidden max-w-xs flex-1 md:flex" />
        <nav aria-label="Main" className="flex items-center gap-0.5 sm:gap-1">
          <Link href="/products" className={navLink}>
            Shop
          </Link>
          <Link href="/design" className={navLink}>
            Design
          </Link>
          <Link href="/my-designs" className={`${navLink} hidden lg:inline-flex`}>
            My designs
          </Link>
          <Link href="/sell" className={navLink}>
            Sell
          </Link>
          <button
            type="button"
            className={`${navLink} inline-flex items-center md:hidden`}
            aria-label="Search"
            aria-expanded={searchOpen}
            aria-controls="site-search-mobile-row"
            onClick={() => setSearchOpen((o) => !o)}
          >
            <SearchIcon />
          </button>
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
      {searchOpen ? (
        <div id="site-search-mobile-row" className="container-page pb-3 md:hidden">
          <SearchForm id="site-search-mobile" className="flex" autoFocus />
        </div>
      ) : null}
    </header>
  );
}
