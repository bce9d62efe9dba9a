import Link from 'next/link';
import { Logo } from './logo';

export function SiteFooter({ testMode }: { testMode: boolean }) {
  return (
    <footer className="border-t border-stone-200 bg-white">
      <div className="container-page grid gap-8 py-12 sm:grid-cols-[2fr_1fr_1fr]">
        <div className="max-w-sm">
          <Logo />
          <p className="mt-3 text-sm text-stone-600">
            Patterns nobody has designed yet. Every design is a recipe — prompt, seed and model — so we can print it again, exactly, at full resolution.
          </p>
        </div>
        <nav aria-label="Shop">
          <h2 className="text-sm font-semibold text-stone-900">Shop</h2>
          <ul className="mt-3 space-y-2 text-sm text-stone-600">
            <li><Link className="hover:text-stone-900 hover:underline" href="/products">All products</Link></li>
            <li><Link className="hover:text-stone-900 hover:underline" href="/design">Design a pattern</Link></li>
            <li><Link className="hover:text-stone-900 hover:underline" href="/my-designs">My designs</Link></li>
            <li><Link className="hover:text-stone-900 hover:underline" href="/cart">Cart</Link></li>
            <li><Link className="hover:text-stone-900 hover:underline" href="/sell">Sell your patterns</Link></li>
          </ul>
        </nav>
        <nav aria-label="Account">
          <h2 className="text-sm font-semibold text-stone-900">Your orders</h2>
          <ul className="mt-3 space-y-2 text-sm text-stone-600">
            <li><Link className="hover:text-stone-900 hover:underline" href="/account/orders">Order history</Link></li>
            <li><Link className="hover:text-stone-900 hover:underline" href="/account">Account</Link></li>
          </ul>
        </nav>
      </div>
      <div className="border-t border-stone-100">
        <p className="container-page py-4 text-xs text-stone-500">
          © {new Date().getFullYear()} Seedprint · Printed on demand{testMode ? ' · Test mode: no real charges' : ''} ·{' '}
          <Link className="hover:text-stone-900 hover:underline" href="/attributions">
            Attributions
          </Link>
        </p>
      </div>
    </footer>
  );
}
