// Account data access for auth: the only module in lib/auth that touches the database.
import { PrismaAdapter } from '@auth/prisma-adapter';
import type { Adapter } from 'next-auth/adapters';
import { db, type Prisma } from '../db/client';
import type { CurrentUser, Role } from './roles';

/** The Auth.js adapter over our Prisma client (User, Account, Session, VerificationToken). */
export function createAuthAdapter(): Adapter {
  // `db` is a lazy proxy: the adapter only reaches the database when Auth.js calls it.
  return PrismaAdapter(db) as Adapter;
}

const userSelect = { id: true, email: true, name: true, role: true } as const;

/** Creates the user if needed and sets the role (idempotent). For seeding and admin tools. */
export async function ensureUserWithRole(email: string, role: Role, opts: { name?: string } = {}): Promise<CurrentUser> {
  const normalized = email.normalize('NFKC').trim().toLowerCase();
  if (!/^[^\s@"]+@[^\s@"]+$/.test(normalized)) throw new Error(`ensureUserWithRole: "${email}" is not an e-mail address`);
  return db.user.upsert({
    where: { email: normalized },
    create: { email: normalized, role, name: opts.name ?? null },
    update: { role, ...(opts.name !== undefined ? { name: opts.name } : {}) },
    select: userSelect,
  });
}

export function findUserById(id: string): Promise<CurrentUser | null> {
  return db.user.findUnique({ where: { id }, select: userSelect });
}

/** Makes a shopper a seller (admins and staff keep their role); in the caller's transaction when given. */
export async function promoteShopperToSeller(userId: string, tx: Prisma.TransactionClient = db): Promise<void> {
  await tx.user.updateMany({ where: { id: userId, role: 'SHOPPER' }, data: { role: 'SELLER' } });
}

/** The factory a staff account works for, or null. */
export async function factoryIdOfUser(userId: string): Promise<string | null> {
  return (await db.user.findUnique({ where: { id: userId }, select: { factoryId: true } }))?.factoryId ?? null;
}

/** Links an account (by e-mail) to a factory. */
export async function assignUserToFactory(email: string, factoryId: string): Promise<void> {
  await db.user.update({ where: { email }, data: { factoryId } });
}

/**
 * A database session with its user (Auth.js' Session table), by the token in the session cookie.
 * Raw SQL: it runs on every signed-in page, and a one-row join costs a third of Prisma's findUnique.
 */
export async function findSessionUser(sessionToken: string): Promise<{ expires: Date; user: CurrentUser } | null> {
  const rows = await db.$queryRaw<(CurrentUser & { expires: Date })[]>`
    SELECT s.expires, u.id, u.email, u.name, u.role::text AS role
    FROM "Session" s JOIN "User" u ON u.id = s."userId"
    WHERE s."sessionToken" = ${sessionToken}`;
  if (rows.length === 0) return null;
  const { expires, ...user } = rows[0];
  return { expires, user };
}

export async function deleteSession(sessionToken: string): Promise<void> {
  await db.session.deleteMany({ where: { sessionToken } });
}

export async function extendSession(sessionToken: string, expires: Date): Promise<void> {
  await db.session.updateMany({ where: { sessionToken }, data: { expires } });
}
