// sendEmail with SMTP_URL: delivered to a real SMTP server over TCP, and the outbox row marked sent.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '../../lib/db/client';
import { resetDatabase } from '../setup/db';
import { startSmtpSink, type SmtpSink } from './support/smtp-sink';

let smtp: SmtpSink;

beforeAll(async () => {
  smtp = await startSmtpSink();
  process.env.SMTP_URL = smtp.url; // read by env() on first use in this file
  process.env.MAIL_FROM = 'Seedprint Tests <shop@seedprint.test>';
});
afterAll(async () => {
  const { closeSmtpTransports } = await import('../../lib/email');
  closeSmtpTransports();
  await smtp?.close();
});
beforeEach(async () => {
  await resetDatabase();
  smtp.messages.length = 0;
  vi.restoreAllMocks();
  vi.spyOn(console, 'info').mockImplementation(() => {});
});

describe('sendEmail with SMTP_URL', () => {
  it('delivers the message over SMTP and marks the outbox row sent', async () => {
    const { sendEmail } = await import('../../lib/email');
    const before = Date.now();
    const sent = await sendEmail({
      to: 'grace@example.com',
      subject: 'Your Seedprint order SP-1001',
      text: 'Thank you for your order.\nFollow it: http://localhost:3000/orders/abc',
      html: '<p>Thank you for your order.</p>',
      kind: 'order.confirmation',
    });

    expect(sent.delivered).toBe('smtp');
    expect(smtp.messages).toHaveLength(1);
    const m = smtp.messages[0];
    expect(m.from).toBe('shop@seedprint.test');
    expect(m.to).toEqual(['grace@example.com']);
    expect(m.headers.subject).toBe('Your Seedprint order SP-1001');
    expect(m.headers.to).toContain('grace@example.com');
    expect(m.headers.from).toContain('shop@seedprint.test');
    expect(m.headers['x-seedprint-kind']).toBe('order.confirmation');
    expect(m.headers['content-type']).toMatch(/^multipart\/alternative/);
    expect(m.body).toContain('Follow it: http://localhost:3000/orders/abc');
    expect(m.body).toContain('<p>Thank you for your order.</p>');

    const row = await db.outboxEmail.findUniqueOrThrow({ where: { id: sent.id } });
    expect(row.sentAt).not.toBeNull();
    expect(row.sentAt!.getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(row.text).toContain('Follow it:'); // kept: not a secret
  });

  it('redacts a secret body once SMTP accepted it', async () => {
    const { sendEmail } = await import('../../lib/email');
    const sent = await sendEmail({ to: 'h@example.com', subject: 'Sign in', text: 'http://localhost:3000/api/auth/callback/nodemailer?token=SECRET', html: '<a href="x?token=SECRET">x</a>', kind: 'auth.magic-link', redactAfterSend: true });
    expect(smtp.messages[0].body).toContain('token=SECRET');
    const row = await db.outboxEmail.findUniqueOrThrow({ where: { id: sent.id } });
    expect(row.sentAt).not.toBeNull();
    expect(row.text).not.toContain('SECRET');
    expect(row.html).toBeNull();
  });

  it('throws when the server refuses the recipient, leaving the row unsent', async () => {
    const { sendEmail, EmailDeliveryError } = await import('../../lib/email');
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const err = await sendEmail({ to: 'reject-me@example.com', subject: 'Nope', text: 'x', kind: 'test' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(EmailDeliveryError);
    expect(smtp.messages).toHaveLength(0);
    const rows = await db.outboxEmail.findMany();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ id: (err as InstanceType<typeof EmailDeliveryError>).outboxId, to: 'reject-me@example.com', sentAt: null });
  });

  it('keeps the dev outbox available outside production even with SMTP', async () => {
    const { isDevOutboxEnabled } = await import('../../lib/email');
    expect(isDevOutboxEnabled()).toBe(true);
  });
});
