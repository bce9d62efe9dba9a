// The dev outbox: every e-mail the store wrote (sign-in links, order confirmations…), newest
// first. Served outside production, and in production only with DEV_OUTBOX=1 (see
// isDevOutboxEnabled); only to an administrator or over loopback (canReadDevOutbox); else 404.
import type { Metadata } from 'next';
import { headers } from 'next/headers';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getCurrentUser } from '@/lib/auth';
import { Fragment, type ReactNode } from 'react';
import { canReadDevOutbox, isDevOutboxEnabled, listRecentOutboxEmails } from '@/lib/email';
import { isLoopbackRequest } from '@/lib/http/peer';
import { env } from '@/lib/env';

export const metadata: Metadata = { title: 'Dev outbox · Seedprint', robots: { index: false, follow: false } };
export const dynamic = 'force-dynamic';

type Search = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

const URL_RE = /(https?:\/\/[^\s<>"']+)/g;

/** Plain text with its URLs as links (React escapes everything else). */
function Linkified({ text }: { text: string }) {
  const parts = text.split(URL_RE);
  return (
    <>
      {parts.map((part, i): ReactNode =>
        i % 2 === 1 ? (
          <a key={i} href={part} className="break-all font-medium text-stone-900 underline underline-offset-4 hover:text-stone-600 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-stone-900">
            {part}
          </a>
        ) : (
          <Fragment key={i}>{part}</Fragment>
        ),
      )}
    </>
  );
}

function formatTime(d: Date): string {
  return `${d.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

export default async function DevOutboxPage({ searchParams }: { searchParams: Promise<Search> }) {
  if (!isDevOutboxEnabled()) notFound();
  const loopback = isLoopbackRequest(await headers());
  const user = loopback ? null : await getCurrentUser();
  if (!canReadDevOutbox({ role: user?.role ?? null, loopback })) notFound();
  const q = await searchParams;
  const to = one(q.to)?.trim().toLowerCase() || undefined;
  const emails = await listRecentOutboxEmails({ to, limit: 50 });
  const smtp = Boolean(env().SMTP_URL);

  return (
    <main className="mx-auto w-full max-w-4xl px-4 py-10">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight text-stone-900">Dev outbox</h1>
          <p className="mt-1 max-w-prose text-sm leading-6 text-stone-600">
            {smtp
              ? 'Every e-mail the store sends, as stored before SMTP delivery. Sign-in links are removed once delivered.'
              : 'SMTP is not configured, so e-mails stay here instead of being sent. Newest first; links are clickable.'}
          </p>
        </div>
        <form method="get" className="flex items-end gap-2" role="search">
          <div>
            <label htmlFor="outbox-to" className="mb-1 block text-xs font-medium text-stone-700">
              Recipient
            </label>
            <input
              id="outbox-to"
              name="to"
              type="email"
              defaultValue={to}
              placeholder="you@example.com"
              className="w-56 rounded-lg border border-stone-300 bg-white px-3 py-1.5 text-sm text-stone-900 placeholder:text-stone-500 focus:border-stone-900 focus:outline-2 focus:outline-stone-900/20"
            />
          </div>
          <button type="submit" className="rounded-lg bg-stone-900 px-3 py-1.5 text-sm font-semibold text-white hover:bg-stone-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-stone-900">
            Filter
          </button>
          {to && (
            <Link href="/dev/outbox" className="px-2 py-1.5 text-sm font-medium text-stone-700 underline underline-offset-4 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-stone-900">
              Show all
            </Link>
          )}
        </form>
      </div>

      {emails.length === 0 ? (
        <p className="mt-8 rounded-xl border border-dashed border-stone-300 bg-white px-4 py-8 text-center text-sm text-stone-600">
          {to ? `No e-mails to ${to} yet.` : 'No e-mails yet. Ask for a sign-in link on the sign-in page and it will appear here.'}
        </p>
      ) : (
        <ol className="mt-8 space-y-4" aria-label="E-mails, newest first">
          {emails.map((m) => (
            <li key={m.id}>
              <article aria-labelledby={`mail-${m.id}`} className="rounded-2xl border border-stone-200 bg-white shadow-sm" data-testid="outbox-email" data-kind={m.kind} data-to={m.to}>
                <header className="flex flex-wrap items-start justify-between gap-x-4 gap-y-1 border-b border-stone-200 px-5 py-3">
                  <div className="min-w-0">
                    <h2 id={`mail-${m.id}`} className="text-base font-semibold text-stone-900">
                      {m.subject}
                    </h2>
                    <p className="mt-0.5 text-sm text-stone-700">
                      To <span className="font-medium text-stone-900">{m.to}</span>
                    </p>
                  </div>
                  <div className="flex flex-col items-end gap-1 text-xs text-stone-600">
                    <time dateTime={m.createdAt.toISOString()}>{formatTime(m.createdAt)}</time>
                    <span className="flex gap-1.5">
                      <span className="rounded-full bg-stone-100 px-2 py-0.5 font-mono text-stone-800">{m.kind}</span>
                      <span className={`rounded-full px-2 py-0.5 font-medium ${m.sentAt ? 'bg-emerald-50 text-emerald-900' : 'bg-stone-100 text-stone-800'}`}>
                        {m.sentAt ? 'sent via SMTP' : 'not sent'}
                      </span>
                    </span>
                  </div>
                </header>
                <div className="px-5 py-4">
                  <p className="text-sm leading-6 whitespace-pre-wrap text-stone-800">
                    <Linkified text={m.text} />
                  </p>
                  {m.html && (
                    <details className="mt-4 group">
                      <summary className="cursor-pointer text-sm font-medium text-stone-700 underline underline-offset-4 hover:text-stone-900 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-stone-900">
                        HTML version
                      </summary>
                      {/* Sandboxed: no scripts, no same-origin access. */}
                      <iframe title={`HTML version of “${m.subject}”`} sandbox="" srcDoc={m.html} className="mt-3 h-[28rem] w-full rounded-lg border border-stone-200 bg-white" />
                    </details>
                  )}
                </div>
              </article>
            </li>
          ))}
        </ol>
      )}
    </main>
  );
}
