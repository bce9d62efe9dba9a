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

/**
 * Stores the e-mail unless one with the same recipient, kind and subject is already there; null
 * when it was. A transaction-scoped advisory lock on that triple makes two senders at once (two
 * settle jobs, a retried job) agree on which one stores it.
 */
export function insertOutboxEmailOnce(data: { to: string; subject: string; text: string; html: string | null; kind: string }): Promise<OutboxRow | null> {
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${JSON.stringify([data.to, data.kind, data.subject])}, 0))`;
    if ((await tx.outboxEmail.count({ where: { to: data.to, kind: data.kind, subject: data.subject } })) > 0) return null;
    return tx.outboxEmail.create({ data });
  });
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
