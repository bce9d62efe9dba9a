import Link from 'next/link';

export default function SharedDesignNotFound() {
  return (
    <main className="container-page flex max-w-2xl flex-col items-start py-20">
      <p className="font-mono text-sm font-semibold text-brand-700">404</p>
      <h1 className="mt-2 text-3xl font-bold tracking-tight text-stone-900 sm:text-4xl">This design link does not work</h1>
      <p className="mt-3 text-stone-600">The design may have been deleted by the person who shared it, or the link was copied only in part.</p>
      <div className="mt-8 flex flex-wrap gap-3">
        <Link href="/design" className="btn-primary">
          Design your own pattern
        </Link>
        <Link href="/products" className="btn-secondary">
          Go to the shop
        </Link>
      </div>
    </main>
  );
}
