// getCurrentUser's session lookup (one query by the cookie's token) against real database
// sessions, side by side with Auth.js resolving the same cookie: the same user and role, expired
// sessions refused and deleted, the expiry moved forward once per update age.
import { randomBytes } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../lib/db/client';
import { resetDatabase } from '../setup/db';

const lib = () => import('../../lib/auth');
const DAY = 24 * 3600_000;

beforeEach(async () => {
  await resetDatabase();
});

async function sessionFor(email: string, role: 'SHOPPER' | 'ADMIN', expires: Date) {
  const { ensureUserWithRole } = await lib();
  const user = await ensureUserWithRole(email, role);
  const sessionToken = randomBytes(32).toString('hex');
  await db.session.create({ data: { sessionToken, userId: user.id, expires } });
  return { user, sessionToken };
}

/** What Auth.js itself answers for the cookie. */
async function viaAuthJs(sessionToken: string) {
  const { getUserFromHeaders } = await lib();
  return getUserFromHeaders(new Headers({ cookie: `authjs.session-token=${sessionToken}` }), { fallbackUrl: 'http://localhost:3000/' });
}

describe('getUserFromSessionToken', () => {
  it('finds the same user and role as Auth.js', async () => {
    const { getUserFromSessionToken } = await lib();
    const admin = await sessionFor('Admin@Example.com', 'ADMIN', new Date(Date.now() + 29 * DAY + 3600_000));
    const shopper = await sessionFor('shopper@example.com', 'SHOPPER', new Date(Date.now() + 29 * DAY + 3600_000));
    const a = await getUserFromSessionToken(admin.sessionToken);
    expect(a).toEqual({ id: admin.user.id, email: 'admin@example.com', name: null, role: 'ADMIN' });
    expect(a).toEqual(await viaAuthJs(admin.sessionToken));
    const s = await getUserFromSessionToken(shopper.sessionToken);
    expect(s?.id).toBe(shopper.user.id);
    expect(s?.role).toBe('SHOPPER');
    expect(s).toEqual(await viaAuthJs(shopper.sessionToken));
  });

  it('refuses a token that matches no session', async () => {
    const { getUserFromSessionToken } = await lib();
    await sessionFor('a@example.com', 'ADMIN', new Date(Date.now() + DAY));
    expect(await getUserFromSessionToken('f'.repeat(64))).toBeNull();
    expect(await viaAuthJs('f'.repeat(64))).toBeNull();
  });

  it('refuses an expired session and deletes it', async () => {
    const { getUserFromSessionToken } = await lib();
    const { sessionToken } = await sessionFor('late@example.com', 'ADMIN', new Date(Date.now() - 1000));
    expect(await getUserFromSessionToken(sessionToken)).toBeNull();
    expect(await db.session.count({ where: { sessionToken } })).toBe(0);
  });

  it('moves the expiry forward once a day has passed since it was set, like Auth.js', async () => {
    const { getUserFromSessionToken, SESSION_MAX_AGE_S } = await lib();
    const fresh = new Date(Date.now() + SESSION_MAX_AGE_S * 1000 - 3600_000); // set an hour ago
    const old = new Date(Date.now() + SESSION_MAX_AGE_S * 1000 - 2 * DAY); // set two days ago
    const a = await sessionFor('fresh@example.com', 'SHOPPER', fresh);
    const b = await sessionFor('old@example.com', 'SHOPPER', old);
    const c = await sessionFor('old2@example.com', 'SHOPPER', old);
    expect(await getUserFromSessionToken(a.sessionToken)).not.toBeNull();
    expect(await getUserFromSessionToken(b.sessionToken)).not.toBeNull();
    expect(await viaAuthJs(c.sessionToken)).not.toBeNull();
    const expiry = async (t: string) => (await db.session.findUniqueOrThrow({ where: { sessionToken: t } })).expires.getTime();
    expect(await expiry(a.sessionToken)).toBe(fresh.getTime());
    const slid = Date.now() + SESSION_MAX_AGE_S * 1000;
    expect(Math.abs((await expiry(b.sessionToken)) - slid)).toBeLessThan(60_000);
    expect(Math.abs((await expiry(b.sessionToken)) - (await expiry(c.sessionToken)))).toBeLessThan(60_000);
  });
});
