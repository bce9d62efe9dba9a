// The server-action counterpart of handle() (lib/http/route): one place that turns what an action
// throws into an answer. 401/403 HttpErrors become Next.js's unauthorized()/forbidden(), so the
// action answers HTTP 401/403 (and renders app/unauthorized.tsx / app/forbidden.tsx) instead of a
// 500; other HttpErrors hand their sentence to `onError` (form state or a redirect with ?error=);
// anything else is logged and `onError` gets a generic sentence. Next's own control flow
// (redirect(), notFound()) passes through untouched.
import { forbidden as forbiddenInterrupt, unauthorized as unauthorizedInterrupt, unstable_rethrow } from 'next/navigation';
import { HttpError } from './errors';

export const ACTION_FAILED = 'Something went wrong on our side. Please try again.';

type ActionFn<A extends unknown[], R> = (...args: A) => Promise<R>;

/**
 * `export const saveAction = serverAction(async (prev, form) => …, (message) => ({ error: message }))`
 * `onError` may return the action's result or throw (e.g. redirect(`…?error=${message}`)).
 */
export function serverAction<A extends unknown[], R>(
  fn: ActionFn<A, R>,
  onError: (message: string, ...args: A) => R | Promise<R>,
  opts: { fallback?: string; label?: string } = {},
): ActionFn<A, R> {
  return async (...args: A): Promise<R> => {
    let message: string;
    try {
      return await fn(...args);
    } catch (err) {
      unstable_rethrow(err);
      if (err instanceof HttpError) {
        if (err.status === 401) unauthorizedInterrupt();
        if (err.status === 403) forbiddenInterrupt();
        message = err.message;
      } else {
        console.error(`[seedprint] ${opts.label ?? 'server action'} failed`, err);
        message = opts.fallback ?? ACTION_FAILED;
      }
    }
    return onError(message, ...args);
  };
}
