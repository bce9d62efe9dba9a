'use client';
import Link from 'next/link';
import { useEffect } from 'react';

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <main className="container-page flex max-w-2xl flex-col items-start py-20">
      <p className="font-mono text-sm font-semibold text-red-700">Something went wrong</p>
      <h1 className="mt-2 text-3xl font-bold tracking-tight text-stone-900">Sorry — this page didn’t load</h1>
      <p className="mt-3 text-stone-600">
        It is probably temporary. Please try again; your cart is safe.
        {error.digest ? <span className="mt-2 block font-mono text-xs text-stone-500">Reference: {error.digest}</span> : null}
      </p>
      <div className="mt-8 flex flex-wrap gap-3">
        <button type="button" onClick={() => reset()} className="btn-primary">
          Try again
        </button>
        <Link href="/" className="btn-secondary">
          Go home
        </Link>
      </div>
    </main>
  );
}
