import Link from 'next/link';

// Rendered with HTTP 401 when a page or server action calls unauthorized() (lib/http/action.ts).
export default function Unauthorized() {
  return (
    <main className="container-page flex max-w-2xl flex-col items-start py-20">
      <p className="font-mono text-sm font-semibold text-brand-700">401</p>
      <h1 className="mt-2 text-3xl font-bold tracking-tight text-stone-900 sm:text-4xl">Please sign in first</h1>
      <p className="mt-3 text-stone-600">This needs a signed-in account.</p>
      <div className="mt-8 flex flex-wrap gap-3">
        <Link href="/signin" className="btn-primary">
          Sign in
        </Link>
      </div>
    </main>
  );
}
