// Outbox data access: the only module in lib/email that touches the database.
import { db } from '../db/client';

export type OutboxRow = {
  id: string;
  to: string;
  subject: string;
  text: string;
  html: string | null;
  kind: string;
  sentAt: Date | null;
  createdAt: Date;
};

export function insertOutboxEmail(data: { to: string; subject: string; text: string; html: string | null; kind: string }): Promise<OutboxRow> {
  return db.outboxEmail.create({ data });
}

export function markOutboxEmailSent(id: string, sentAt: Date, redacted?: { text: string; html: string | null }): Promise<OutboxRow> {
  return db.outboxEmail.update({ where: { id }, data: { sentAt, ...(redacted ?? {}) } });
}

export function listRecentOutboxEmails(opts: { limit?: number; to?: string; kind?: string } = {}): Promise<OutboxRow[]> {
  return db.outboxEmail.findMany({
    where: { ...(opts.to ? { to: opts.to } : {}), ...(opts.kind ? { kind: opts.kind } : {}) },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: Math.min(Math.max(opts.limit ?? 50, 1), 500),
  });
}

export function countOutboxEmailsSince(opts: { to: string; kind: string; since: Date }): Promise<number> {
  return db.outboxEmail.count({ where: { to: opts.to, kind: opts.kind, createdAt: { gte: opts.since } } });
}

/** Whether an e-mail of this kind, whose subject contains `subjectContains`, already went to `to`. */
export async function outboxHasEmail(opts: { to: string; kind: string; subjectContains: string }): Promise<boolean> {
  return (await db.outboxEmail.count({ where: { to: opts.to, kind: opts.kind, subject: { contains: opts.subjectContains } } })) > 0;
}
