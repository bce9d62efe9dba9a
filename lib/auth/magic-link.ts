// The sign-in e-mail. Sent through lib/email, so without SMTP it lands in /dev/outbox and the
// server log says so.
import { countOutboxEmailsSince, emailButton, emailParagraph, emailSmallPrint, renderEmailLayout, sendEmail } from '../email';
import { tooMany } from '../http/errors';
import { env } from '../env';

export const MAGIC_LINK_KIND = 'auth.magic-link';
/** How long a sign-in link works. */
export const MAGIC_LINK_MAX_AGE_S = 30 * 60;

export function magicLinkEmail(url: string, expires: Date): { subject: string; text: string; html: string } {
  const minutes = Math.max(1, Math.round((expires.getTime() - Date.now()) / 60_000));
  const subject = 'Your Seedprint sign-in link';
  const text = [
    'Sign in to Seedprint by opening this link:',
    '',
    url,
    '',
    `The link works once and expires in ${minutes} minutes.`,
    'If you did not ask to sign in, you can ignore this e-mail.',
  ].join('\n');
  const html = renderEmailLayout({
    title: 'Sign in to Seedprint',
    preheader: `Your sign-in link (valid for ${minutes} minutes)`,
    bodyHtml:
      emailParagraph('Click the button below to sign in. The link works once.') +
      emailButton(url, 'Sign in') +
      emailSmallPrint(`Or paste this address into your browser: ${url}`) +
      emailSmallPrint(`It expires in ${minutes} minutes. If you did not ask to sign in, you can ignore this e-mail.`),
  });
  return { subject, text, html };
}

/**
 * Auth.js builds the link from the request's Host (trustHost). In production the link is pinned
 * to PUBLIC_URL, so a forged Host header cannot make us mail someone a link to another site
 * that carries their sign-in token.
 */
export function pinLinkOrigin(url: string): string {
  const e = env();
  if (e.NODE_ENV !== 'production') return url;
  const link = new URL(url);
  const pub = new URL(e.PUBLIC_URL);
  if (link.origin === pub.origin) return url;
  return `${pub.origin}${link.pathname}${link.search}${link.hash}`;
}

/**
 * At most this many sign-in e-mails per address per 15 minutes (stops mail-bombing an inbox).
 * Generous on a test-mode store (Stripe test keys), where end-to-end suites sign in a lot.
 */
export function magicLinkLimit(): { count: number; windowMs: number } {
  return { count: env().testMode ? 100 : 5, windowMs: 15 * 60_000 };
}

/** Throws HttpError 429 when `email` has had too many sign-in links lately. */
export async function assertMagicLinkQuota(email: string, limit = magicLinkLimit()): Promise<void> {
  const since = new Date(Date.now() - limit.windowMs);
  const recent = await countOutboxEmailsSince({ to: email.trim().toLowerCase(), kind: MAGIC_LINK_KIND, since });
  if (recent >= limit.count) {
    throw tooMany('Too many sign-in links were sent to this address. Please use the latest one, or try again in 15 minutes.');
  }
}

export async function sendMagicLink({ identifier, url, expires }: { identifier: string; url: string; expires: Date }): Promise<void> {
  await assertMagicLinkQuota(identifier);
  const link = pinLinkOrigin(url);
  const mail = magicLinkEmail(link, expires);
  const sent = await sendEmail({ to: identifier, ...mail, kind: MAGIC_LINK_KIND, redactAfterSend: true });
  // Without SMTP the link must be reachable by whoever runs the server: the log is private,
  // unlike /dev/outbox, which a live store does not serve.
  if (sent.delivered === 'outbox') console.info(`[auth] sign-in link for ${identifier}: ${link}`);
}
