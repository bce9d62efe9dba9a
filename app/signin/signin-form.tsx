'use client';
import { useActionState, useEffect, useRef, useState } from 'react';
import { requestMagicLink, type SignInState } from './actions';

type Props = {
  callbackUrl: string;
  defaultEmail?: string;
  /** Set when the dev outbox is available: where the link can be read without a mailbox. */
  outbox: { href: string; smtp: boolean } | null;
  /** A message from the URL (e.g. an expired link), shown until the form is used. */
  notice?: string | null;
};

const initial: SignInState = { status: 'idle' };

export function SignInForm({ callbackUrl, defaultEmail, outbox, notice }: Props) {
  const [state, formAction, pending] = useActionState(requestMagicLink, initial);
  const [editing, setEditing] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const sent = state.status === 'sent' && !editing;

  useEffect(() => {
    if (sent) headingRef.current?.focus();
    else if (editing || state.status === 'error') inputRef.current?.focus();
  }, [sent, editing, state.status]);

  if (sent) {
    return (
      <div aria-live="polite" className="space-y-5">
        <div className="flex items-start gap-3 rounded-xl border border-stone-200 bg-stone-50 p-4">
          <svg aria-hidden="true" viewBox="0 0 24 24" className="mt-0.5 size-6 shrink-0 text-stone-700" fill="none" stroke="currentColor" strokeWidth="1.8">
            <path d="M3 7l9 6 9-6M4 5h16a1 1 0 011 1v12a1 1 0 01-1 1H4a1 1 0 01-1-1V6a1 1 0 011-1z" strokeLinecap="round" strokeLinejoin="round" />
          </svg>
          <div>
            <h2 ref={headingRef} tabIndex={-1} className="text-lg font-semibold text-stone-900 outline-none">
              Check your e-mail
            </h2>
            <p className="mt-1 text-sm leading-6 text-stone-700">
              We sent a sign-in link to <strong className="font-semibold text-stone-900">{state.email}</strong>. It works once and expires in 30 minutes.
            </p>
          </div>
        </div>
        {outbox && <OutboxNote href={`${outbox.href}?to=${encodeURIComponent(state.email)}`} smtp={outbox.smtp} />}
        <div className="flex flex-wrap items-center gap-3">
          <form action={formAction}>
            <input type="hidden" name="email" value={state.email} />
            <input type="hidden" name="callbackUrl" value={callbackUrl} />
            <button
              type="submit"
              disabled={pending}
              className="rounded-lg border border-stone-300 bg-white px-4 py-2 text-sm font-medium text-stone-900 shadow-sm hover:bg-stone-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-stone-900 disabled:opacity-60"
            >
              {pending ? 'Sending…' : 'Send another link'}
            </button>
          </form>
          <button
            type="button"
            onClick={() => setEditing(true)}
            className="rounded-lg px-3 py-2 text-sm font-medium text-stone-700 underline underline-offset-4 hover:text-stone-900 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-stone-900"
          >
            Use a different address
          </button>
        </div>
      </div>
    );
  }

  const error = state.status === 'error' ? state.message : null;
  const value = state.status === 'idle' ? (state.email ?? defaultEmail) : state.email;
  return (
    <form action={formAction} onSubmit={() => setEditing(false)} className="space-y-4">
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      {notice && state.status === 'idle' && (
        <p role="alert" className="rounded-lg border border-red-200 bg-red-50 px-3 py-2.5 text-sm text-red-900">
          {notice}
        </p>
      )}
      <div>
        <label htmlFor="signin-email" className="mb-1.5 block text-sm font-medium text-stone-900">
          E-mail address
        </label>
        <input
          ref={inputRef}
          id="signin-email"
          name="email"
          type="email"
          inputMode="email"
          autoComplete="email"
          required
          maxLength={254}
          defaultValue={value}
          placeholder="you@example.com"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'signin-email-error signin-email-hint' : 'signin-email-hint'}
          className="block w-full rounded-lg border border-stone-300 bg-white px-3 py-2.5 text-base text-stone-900 shadow-sm placeholder:text-stone-500 focus:border-stone-900 focus:outline-2 focus:outline-offset-0 focus:outline-stone-900/20 aria-invalid:border-red-700"
        />
        <p id="signin-email-hint" className="mt-1.5 text-sm text-stone-600">
          We&rsquo;ll e-mail you a link that signs you in. No password needed.
        </p>
        {error && (
          <p id="signin-email-error" role="alert" className="mt-1.5 text-sm font-medium text-red-800">
            {error}
          </p>
        )}
      </div>
      <button
        type="submit"
        disabled={pending}
        className="inline-flex w-full items-center justify-center rounded-lg bg-stone-900 px-4 py-2.5 text-sm font-semibold text-white shadow-sm hover:bg-stone-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-stone-900 disabled:cursor-wait disabled:opacity-70"
      >
        {pending ? 'Sending link…' : 'E-mail me a sign-in link'}
      </button>
      {outbox && <OutboxNote href={outbox.href} smtp={outbox.smtp} />}
    </form>
  );
}

function OutboxNote({ href, smtp }: { href: string; smtp: boolean }) {
  return (
    <p className="rounded-lg border border-dashed border-stone-300 bg-white px-3 py-2.5 text-sm leading-6 text-stone-700">
      <span className="font-semibold text-stone-900">Test mode:</span>{' '}
      {smtp ? 'sign-in e-mails are also copied to the ' : 'no e-mail leaves this server. Read the link in the '}
      <a href={href} className="font-medium text-stone-900 underline underline-offset-4 hover:text-stone-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-stone-900">
        dev outbox
      </a>
      {smtp ? '.' : ' (it is also printed in the server log).'}
    </p>
  );
}
