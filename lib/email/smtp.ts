// SMTP delivery through nodemailer. One pooled transport per SMTP_URL, created on first use.
import nodemailer, { type Transporter } from 'nodemailer';

const transports = new Map<string, Transporter>();

export function smtpTransport(smtpUrl: string): Transporter {
  let t = transports.get(smtpUrl);
  if (!t) {
    t = nodemailer.createTransport(smtpUrl);
    transports.set(smtpUrl, t);
  }
  return t;
}

export type SmtpMessage = { from: string; to: string; subject: string; text: string; html?: string; headers?: Record<string, string> };

/** Sends one message; throws when the server rejects any recipient. */
export async function deliverViaSmtp(smtpUrl: string, msg: SmtpMessage): Promise<{ messageId: string }> {
  const info = await smtpTransport(smtpUrl).sendMail(msg);
  const failed = [...(info.rejected ?? []), ...((info as { pending?: unknown[] }).pending ?? [])].filter(Boolean);
  if (failed.length) throw new Error(`SMTP server refused ${failed.map(String).join(', ')}`);
  return { messageId: info.messageId };
}

/** Closes every transport (tests, graceful shutdown). */
export function closeSmtpTransports(): void {
  for (const t of transports.values()) t.close();
  transports.clear();
}
