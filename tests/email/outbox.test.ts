// sendEmail without SMTP: the outbox table is the mailbox, and the server log says so.
import pg from 'pg';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '../../lib/db/client';
import { HttpError } from '../../lib/http/errors';
import { resetDatabase } from '../setup/db';

delete process.env.SMTP_URL;

beforeEach(async () => {
  await resetDatabase();
  vi.restoreAllMocks();
});

const email = () => import('../../lib/email');

describe('sendEmailOnce', () => {
  it('stores a notice once when two senders on two database connections check the outbox at the same moment', async () => {
    const { sendEmailOnce } = await email();
    vi.spyOn(console, 'info').mockImplementation(() => {});
    const notice = { to: 'cy@example.com', subject: 'Your pre-order SP-1 was not charged', text: 'Not charged.', kind: 'campaign.failed' };
    // A third connection holds the outbox table, so both senders' transactions start and then
    // wait inside, each on its own connection of the store's pool; released together, they race
    // for real. Without the advisory lock both would read "not sent yet" and store the notice.
    // The pool opens its two connections first: its transactions give up after 5 s.
    await Promise.all([db.$executeRaw`SELECT pg_sleep(0.2)`, db.$executeRaw`SELECT pg_sleep(0.2)`]);
    const gate = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await gate.connect();
    try {
      await gate.query('BEGIN');
      await gate.query('LOCK TABLE "OutboxEmail" IN ACCESS EXCLUSIVE MODE');
      const senders = Promise.all([sendEmailOnce(notice), sendEmailOnce(notice)]);
      const waiting = async () =>
        (await gate.query<{ pid: number }>(`SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND wait_event_type = 'Lock'`)).rows;
      await expect.poll(async () => (await waiting()).length, { timeout: 10_000 }).toBe(2);
      await gate.query('COMMIT');
      const results = await senders;
      expect(results.filter((r) => r !== null)).toHaveLength(1);
    } finally {
      await gate.end();
    }
    expect(await db.outboxEmail.count({ where: { kind: 'campaign.failed' } })).toBe(1);
    expect(await sendEmailOnce(notice)).toBeNull();
    await sendEmailOnce({ ...notice, subject: 'Your pre-order SP-2 was not charged' });
    await sendEmailOnce({ ...notice, to: 'dee@example.com' });
    expect(await db.outboxEmail.count({ where: { kind: 'campaign.failed' } })).toBe(3);
  });
});

describe('sendEmail without SMTP_URL', () => {
  it('records the message in the outbox, unsent, and logs where to find it', async () => {
    const { sendEmail } = await email();
    const info = vi.spyOn(console, 'info').mockImplementation(() => {});
    const sent = await sendEmail({ to: ' Ada@Example.COM ', subject: 'Your order', text: 'Thanks!\nhttp://localhost:3000/orders/1', html: '<p>Thanks!</p>', kind: 'order.confirmation' });

    expect(sent.delivered).toBe('outbox');
    const rows = await db.outboxEmail.findMany();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ id: sent.id, to: 'ada@example.com', subject: 'Your order', text: 'Thanks!\nhttp://localhost:3000/orders/1', html: '<p>Thanks!</p>', kind: 'order.confirmation', sentAt: null });
    const logged = info.mock.calls.map((c) => String(c[0]));
    expect(logged.some((l) => l.startsWith('[outbox] to ada@example.com') && l.includes('"Your order"') && l.includes('/dev/outbox'))).toBe(true);
  });

  it('keeps the body even when asked to redact after delivery (nothing was delivered)', async () => {
    const { sendEmail } = await email();
    vi.spyOn(console, 'info').mockImplementation(() => {});
    await sendEmail({ to: 'b@example.com', subject: 'Link', text: 'secret link', kind: 'auth.magic-link', redactAfterSend: true });
    const row = await db.outboxEmail.findFirstOrThrow({ where: { to: 'b@example.com' } });
    expect(row.text).toBe('secret link');
  });

  it('rejects invalid input with a 400 and stores nothing', async () => {
    const { sendEmail } = await email();
    await expect(sendEmail({ to: 'not-an-address', subject: 'x', text: 'y', kind: 'k' })).rejects.toMatchObject({ status: 400 });
    await expect(sendEmail({ to: 'a@example.com', subject: '  ', text: 'y', kind: 'k' })).rejects.toBeInstanceOf(HttpError);
    expect(await db.outboxEmail.count()).toBe(0);
  });

  it('lists recent e-mails newest first, filtered by recipient', async () => {
    const { sendEmail, listRecentOutboxEmails } = await email();
    vi.spyOn(console, 'info').mockImplementation(() => {});
    await sendEmail({ to: 'a@example.com', subject: 'first', text: '1', kind: 'k' });
    await sendEmail({ to: 'b@example.com', subject: 'second', text: '2', kind: 'k' });
    await sendEmail({ to: 'a@example.com', subject: 'third', text: '3', kind: 'k' });
    expect((await listRecentOutboxEmails()).map((m) => m.subject)).toEqual(['third', 'second', 'first']);
    expect((await listRecentOutboxEmails({ to: 'a@example.com' })).map((m) => m.subject)).toEqual(['third', 'first']);
    expect(await listRecentOutboxEmails({ limit: 1 })).toHaveLength(1);
  });

  it('shows the dev outbox outside production', async () => {
    const { isDevOutboxEnabled } = await email();
    expect(isDevOutboxEnabled()).toBe(true);
  });
});

describe('renderEmailLayout', () => {
  it('wraps the body and escapes the title', async () => {
    const { renderEmailLayout, emailButton } = await email();
    const html = renderEmailLayout({ title: 'Order <#42> & co', bodyHtml: `<p>Body</p>${emailButton('https://x.test/?a=1&b="2"', 'Go')}` });
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('<title>Order &lt;#42&gt; &amp; co</title>');
    expect(html).toContain('<h1 style="margin:0 0 16px;font-size:22px;line-height:30px;color:#18181b;">Order &lt;#42&gt; &amp; co</h1>');
    expect(html).toContain('<p>Body</p>');
    expect(html).toContain('href="https://x.test/?a=1&amp;b=&quot;2&quot;"');
    expect(html).not.toContain('<#42>');
  });
});
