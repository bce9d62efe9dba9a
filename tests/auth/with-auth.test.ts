// withAuth / role checks against real database sessions: a Session row is created the way the
// Prisma adapter stores it, and the request carries its cookie. Auth.js (real config, real
// adapter) resolves it; nothing of ours is mocked.
import { randomBytes } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../lib/db/client';
import { resetDatabase } from '../setup/db';

const ORIGIN = 'http://localhost:3000';

beforeEach(async () => {
  await resetDatabase();
});

const lib = () => import('../../lib/auth');

async function sessionFor(email: string, role: 'SHOPPER' | 'SELLER' | 'FACTORY' | 'ADMIN', expiresInMs = 60 * 60_000) {
  const { ensureUserWithRole } = await lib();
  const user = await ensureUserWithRole(email, role);
  const sessionToken = randomBytes(32).toString('hex');
  await db.session.create({ data: { sessionToken, userId: user.id, expires: new Date(Date.now() + expiresInMs) } });
  return { user, sessionToken, cookie: `authjs.session-token=${sessionToken}` };
}

function request(path: string, cookie?: string, init: RequestInit = {}) {
  const headers = new Headers(init.headers);
  if (cookie) headers.set('cookie', cookie);
  return new Request(`${ORIGIN}${path}`, { ...init, headers });
}

type Ctx = { params: Promise<{ id: string }> };

async function factoryRoute() {
  const { withAuth } = await lib();
  const seen: unknown[] = [];
  const handler = withAuth<Ctx>(['FACTORY', 'ADMIN'], async ({ req, ctx, user }) => {
    seen.push({ user, id: (await ctx.params).id, method: req.method });
    return Response.json({ ok: true, email: user.email, role: user.role });
  });
  return { handler, seen };
}

const ctx = (id = 'job-1'): Ctx => ({ params: Promise.resolve({ id }) });

describe('withAuth', () => {
  it('answers 401 without a session cookie, and never runs the handler', async () => {
    const { handler, seen } = await factoryRoute();
    const res = await handler(request('/api/factory/jobs/job-1'), ctx());
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ error: { message: 'Please sign in first.', code: 'unauthorized' } });
    expect(seen).toHaveLength(0);
  });

  it('answers 401 for a cookie that matches no session', async () => {
    const { handler, seen } = await factoryRoute();
    const res = await handler(request('/api/factory/jobs/job-1', `authjs.session-token=${'f'.repeat(64)}`), ctx());
    expect(res.status).toBe(401);
    expect(seen).toHaveLength(0);
  });

  it('answers 403 with a clear message for the wrong role', async () => {
    const { handler, seen } = await factoryRoute();
    const { cookie } = await sessionFor('shopper@example.com', 'SHOPPER');
    const res = await handler(request('/api/factory/jobs/job-1', cookie), ctx());
    expect(res.status).toBe(403);
    const body = (await res.json()) as { error: { message: string; code: string } };
    expect(body.error.code).toBe('forbidden');
    expect(body.error.message).toBe('This is only available to factory or administrator accounts; you are signed in as shopper@example.com (shopper).');
    expect(seen).toHaveLength(0);
  });

  it('runs the handler with req, ctx and the user for an allowed role', async () => {
    const { handler, seen } = await factoryRoute();
    const { cookie, user } = await sessionFor('factory@seedprint.local', 'FACTORY');
    const res = await handler(request('/api/factory/jobs/job-7', cookie, { method: 'POST' }), ctx('job-7'));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, email: 'factory@seedprint.local', role: 'FACTORY' });
    expect(seen).toEqual([{ user: { id: user.id, email: 'factory@seedprint.local', name: null, role: 'FACTORY' }, id: 'job-7', method: 'POST' }]);
  });

  it('reads the role from the database on every request (a promotion applies at once)', async () => {
    const { handler } = await factoryRoute();
    const { cookie } = await sessionFor('sam@example.com', 'SHOPPER');
    expect((await handler(request('/x', cookie), ctx())).status).toBe(403);
    const { ensureUserWithRole } = await lib();
    await ensureUserWithRole('sam@example.com', 'ADMIN');
    expect((await handler(request('/x', cookie), ctx())).status).toBe(200);
  });

  it('treats an expired session as signed out and deletes it', async () => {
    const { handler } = await factoryRoute();
    const { cookie, sessionToken } = await sessionFor('old@example.com', 'ADMIN', -60_000);
    const res = await handler(request('/x', cookie), ctx());
    expect(res.status).toBe(401);
    expect(await db.session.findUnique({ where: { sessionToken } })).toBeNull();
  });

  it('accepts any signed-in user with roles = null, and maps thrown HttpErrors', async () => {
    const { withAuth } = await lib();
    const { badRequest } = await import('../../lib/http/errors');
    const handler = withAuth(null, ({ user }) => {
      if (user.role === 'SELLER') throw badRequest('Sellers cannot do that here.');
      return new Response(user.email);
    });
    const shopper = await sessionFor('a@example.com', 'SHOPPER');
    const seller = await sessionFor('b@example.com', 'SELLER');
    const ok = await handler(request('/x', shopper.cookie), undefined);
    expect(ok.status).toBe(200);
    expect(await ok.text()).toBe('a@example.com');
    const bad = await handler(request('/x', seller.cookie), undefined);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toBe('Sellers cannot do that here.');
  });

  it('uses the cookie name PUBLIC_URL implies (plain for http), whatever protocol the request claims', async () => {
    const { getUserFromRequest } = await lib();
    const { sessionToken } = await sessionFor('tls@example.com', 'ADMIN');
    const plain = new Request('https://shop.example/x', { headers: { cookie: `authjs.session-token=${sessionToken}`, 'x-forwarded-proto': 'https' } });
    const secure = new Request('https://shop.example/x', { headers: { cookie: `__Secure-authjs.session-token=${sessionToken}` } });
    expect((await getUserFromRequest(plain))?.email).toBe('tls@example.com');
    expect(await getUserFromRequest(secure)).toBeNull();
  });
});

describe('assertRole', () => {
  it('throws 401 without a user and 403 for a role outside the list', async () => {
    const { assertRole } = await lib();
    const u = { id: 'u1', email: 'x@example.com', name: null, role: 'SELLER' as const };
    expect(() => assertRole(null, ['ADMIN'])).toThrow(expect.objectContaining({ status: 401 }));
    expect(() => assertRole(u, 'ADMIN')).toThrow(expect.objectContaining({ status: 403, message: expect.stringContaining('administrator accounts') }));
    expect(() => assertRole(u, ['SELLER', 'ADMIN'])).not.toThrow();
    expect(() => assertRole(u, [])).not.toThrow();
  });
});

describe('ensureUserWithRole', () => {
  it('creates the user once, normalises the address and updates the role', async () => {
    const { ensureUserWithRole } = await lib();
    const a = await ensureUserWithRole(' Admin@Seedprint.Local ', 'ADMIN');
    const b = await ensureUserWithRole('admin@seedprint.local', 'FACTORY');
    expect(a.id).toBe(b.id);
    expect(b).toEqual({ id: a.id, email: 'admin@seedprint.local', name: null, role: 'FACTORY' });
    expect(await db.user.count()).toBe(1);
    await expect(ensureUserWithRole('nope', 'ADMIN')).rejects.toThrow(/not an e-mail address/);
  });
});

describe('safeCallbackPath', () => {
  it('keeps local paths and drops other origins', async () => {
    const { safeCallbackPath } = await lib();
    expect(safeCallbackPath('/orders/1?tab=x#top')).toBe('/orders/1?tab=x#top');
    for (const bad of ['https://evil.test/', '//evil.test/x', '/\\evil.test', 'javascript:alert(1)', '', 42, null, '/a\nb']) {
      expect(safeCallbackPath(bad, '/fallback')).toBe('/fallback');
    }
  });
});

