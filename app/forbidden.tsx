import Link from 'next/link';

// Rendered with HTTP 403 when a page or server action calls forbidden() (lib/http/action.ts).
export default function Forbidden() {
  return (
    <main className="container-page flex max-w-2xl flex-col items-start py-20">
      <p className="font-mono text-sm font-semibold text-brand-700">403</p>
      <h1 className="mt-2 text-3xl font-bold tracking-tight text-stone-900 sm:text-4xl">This is not available to your account</h1>
      <p className="mt-3 text-stone-600">You are signed in with an account that may not do this. Sign in with another account, or go back to the shop.</p>
      <div className="mt-8 flex flex-wrap gap-3">
        <Link href="/signin" className="btn-primary">
          Sign in with another account
        </Link>
        <Link href="/" className="btn-secondary">
          Go to the shop
        </Link>
      </div>
    </main>
  );
}
