// sendEmail: every message is written to the outbox table first, then sent over SMTP when
// SMTP_URL is configured. Without SMTP the outbox is the mailbox: see /dev/outbox.
import { z } from 'zod';
import { env } from '../env';
import { parseOrThrow } from '../http/errors';
import { insertOutboxEmail, insertOutboxEmailOnce, markOutboxEmailSent, type OutboxRow } from './outbox-repository';
import { deliverViaSmtp } from './smtp';

export const sendEmailSchema = z.object({
  to: z.string().trim().toLowerCase().pipe(z.email()),
  subject: z.string().trim().min(1).max(300),
  text: z.string().min(1),
  html: z.string().optional(),
  /** What the message is, for filtering and tests: 'auth.magic-link', 'order.confirmation', … */
  kind: z.string().trim().min(1).max(64),
  /**
   * Replace the stored body once SMTP has accepted the message (sign-in links and other
   * secrets should not outlive their delivery in the database). Ignored without SMTP, where
   * the outbox is the only way to read the message.
   */
  redactAfterSend: z.boolean().optional(),
});

export type SendEmailInput = z.input<typeof sendEmailSchema>;
export type SentEmail = OutboxRow & { delivered: 'smtp' | 'outbox' };

export class EmailDeliveryError extends Error {
  constructor(
    readonly outboxId: string,
    cause: unknown,
  ) {
    super(`E-mail ${outboxId} was stored in the outbox but SMTP delivery failed: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'EmailDeliveryError';
  }
}

export async function sendEmail(input: SendEmailInput): Promise<SentEmail> {
  const msg = parseOrThrow(sendEmailSchema, input);
  return deliver(msg, await insertOutboxEmail(outboxData(msg)));
}

/**
 * sendEmail at most once per recipient, kind and subject (a notice several jobs may decide to
 * send at the same moment); null when it was sent before.
 */
export async function sendEmailOnce(input: SendEmailInput): Promise<SentEmail | null> {
  const msg = parseOrThrow(sendEmailSchema, input);
  const row = await insertOutboxEmailOnce(outboxData(msg));
  return row ? deliver(msg, row) : null;
}

const outboxData = (msg: z.output<typeof sendEmailSchema>) => ({ to: msg.to, subject: msg.subject, text: msg.text, html: msg.html ?? null, kind: msg.kind });

async function deliver(msg: z.output<typeof sendEmailSchema>, row: OutboxRow): Promise<SentEmail> {
  const { SMTP_URL: smtpUrl, MAIL_FROM: from } = env();

  if (!smtpUrl) {
    console.info(`[outbox] to ${msg.to} subject "${msg.subject}" (${msg.kind}; see /dev/outbox)`);
    return { ...row, delivered: 'outbox' };
  }

  try {
    await deliverViaSmtp(smtpUrl, { from, to: msg.to, subject: msg.subject, text: msg.text, html: msg.html, headers: { 'X-Seedprint-Kind': msg.kind } });
  } catch (err) {
    console.error(`[email] SMTP delivery of ${row.id} (${msg.kind}) to ${msg.to} failed`, err);
    throw new EmailDeliveryError(row.id, err);
  }
  const redacted = msg.redactAfterSend ? { text: '[redacted after delivery]', html: null } : undefined;
  const sent = await markOutboxEmailSent(row.id, new Date(), redacted);
  console.info(`[email] sent to ${msg.to} subject "${msg.subject}" (${msg.kind})`);
  return { ...sent, delivered: 'smtp' };
}

/**
 * Whether /dev/outbox is served at all. Outside production: yes unless DEV_OUTBOX=0. In
 * production: only when DEV_OUTBOX=1 (npm start sets it for a test-mode store without SMTP).
 * Who may read it is canReadDevOutbox's question.
 */
export function isDevOutboxEnabled(): boolean {
  const e = env();
  if (e.NODE_ENV !== 'production') return e.DEV_OUTBOX !== false;
  return e.DEV_OUTBOX === true;
}

/**
 * The outbox holds sign-in links and order links: it is for the person running the store, so
 * only an administrator or a request over a loopback socket (the store's own machine) reads it.
 */
export function canReadDevOutbox(reader: { role: string | null; loopback: boolean }): boolean {
  if (!isDevOutboxEnabled()) return false;
  return reader.role === 'ADMIN' || reader.loopback;
}
