// Where Auth.js sends people who used its built-in POST /api/auth/signin/nodemailer form.
// The /signin page itself shows the same message in place.
import type { Metadata } from 'next';
import Link from 'next/link';
import { isDevOutboxEnabled } from '@/lib/email/send';

export const metadata: Metadata = { title: 'Check your e-mail · Seedprint' };
export const dynamic = 'force-dynamic';

export default function CheckEmailPage() {
  const outbox = isDevOutboxEnabled();
  return (
    <main className="mx-auto w-full max-w-md px-4 py-12 sm:py-16">
      <div className="rounded-2xl border border-stone-200 bg-white p-6 shadow-sm sm:p-8">
        <h1 className="text-2xl font-semibold tracking-tight text-stone-900">Check your e-mail</h1>
        <p className="mt-2 text-sm leading-6 text-stone-700">We sent you a sign-in link. It works once and expires in 30 minutes.</p>
        {outbox && (
          <p className="mt-4 rounded-lg border border-dashed border-stone-300 px-3 py-2.5 text-sm leading-6 text-stone-700">
            <span className="font-semibold text-stone-900">Test mode:</span> read the link in the{' '}
            <Link href="/dev/outbox" className="font-medium text-stone-900 underline underline-offset-4 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-stone-900">
              dev outbox
            </Link>
            .
          </p>
        )}
        <p className="mt-6 text-sm">
          <Link href="/signin" className="font-medium text-stone-900 underline underline-offset-4 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-stone-900">
            Use a different address
          </Link>
        </p>
      </div>
    </main>
  );
}
