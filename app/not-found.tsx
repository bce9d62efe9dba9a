import Link from 'next/link';

export default function NotFound() {
  return (
    <main className="container-page flex max-w-2xl flex-col items-start py-20">
      <p className="font-mono text-sm font-semibold text-brand-700">404</p>
      <h1 className="mt-2 text-3xl font-bold tracking-tight text-stone-900 sm:text-4xl">We couldn’t find that page</h1>
      <p className="mt-3 text-stone-600">
        The link may be old, or the product is no longer for sale. If you are looking for an order, use the link in your confirmation e-mail or sign in to see your order history.
      </p>
      <div className="mt-8 flex flex-wrap gap-3">
        <Link href="/" className="btn-primary">
          Go to the shop
        </Link>
        <Link href="/account/orders" className="btn-secondary">
          Your orders
        </Link>
      </div>
    </main>
  );
}
