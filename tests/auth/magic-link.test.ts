// The real e-mail sign-in flow, driven through Auth.js with the store's own config (the same
// object the /api/auth route handlers use): ask for a link, read it from the outbox, follow it,
// get a database session, use it with withAuth, sign out.
import { Auth } from '@auth/core';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '../../lib/db/client';
import { resetDatabase } from '../setup/db';

delete process.env.SMTP_URL;
delete process.env.AUTH_URL;
const ORIGIN = 'http://localhost:3000';

beforeEach(async () => {
  await resetDatabase();
  vi.restoreAllMocks();
  vi.spyOn(console, 'info').mockImplementation(() => {});
  vi.spyOn(console, 'error').mockImplementation(() => {}); // Auth.js logs refused links as errors
});

const lib = () => import('../../lib/auth');

/** A tiny cookie jar: what a browser would send back. */
class Jar {
  private cookies = new Map<string, string>();
  take(res: Response) {
    for (const c of res.headers.getSetCookie()) {
      const [pair, ...attrs] = c.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attrs.some((a) => /^\s*max-age=0\s*$/i.test(a) || (/^\s*expires=/i.test(a) && new Date(a.split('=')[1]).getTime() < Date.now()));
      if (expired || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
  get(name: string) {
    return this.cookies.get(name);
  }
  header() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
}

async function call(jar: Jar, path: string, init: { method?: string; form?: Record<string, string> } = {}) {
  const { authConfig } = await lib();
  const headers = new Headers({ cookie: jar.header() });
  let body: string | undefined;
  if (init.form) {
    headers.set('content-type', 'application/x-www-form-urlencoded');
    body = new URLSearchParams(init.form).toString();
  }
  const url = path.startsWith('http') ? path : `${ORIGIN}${path}`;
  const res = await Auth(new Request(url, { method: init.method ?? (body ? 'POST' : 'GET'), headers, body }), authConfig());
  jar.take(res);
  return res;
}

async function requestLink(jar: Jar, email: string, callbackUrl = `${ORIGIN}/account`) {
  const csrf = await call(jar, '/api/auth/csrf');
  expect(csrf.status).toBe(200);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  expect(csrfToken).toMatch(/^[0-9a-f]{32,}$/);
  return call(jar, '/api/auth/signin/nodemailer', { form: { email, csrfToken, callbackUrl } });
}

async function linkFromOutbox(to: string): Promise<string> {
  const mail = await db.outboxEmail.findFirstOrThrow({ where: { to, kind: 'auth.magic-link' }, orderBy: { createdAt: 'desc' } });
  const link = /http:\/\/\S+\/api\/auth\/callback\/nodemailer\?\S+/.exec(mail.text)?.[0];
  if (!link) throw new Error(`no sign-in link in:\n${mail.text}`);
  return link;
}

async function whoAmI(cookie: string) {
  const { withAuth } = await lib();
  const route = withAuth(null, ({ user }) => Response.json(user));
  return route(new Request(`${ORIGIN}/api/me`, { headers: { cookie } }), undefined);
}

describe('magic-link sign-in', () => {
  it('mails a link, and following it creates the user and a database session', async () => {
    const jar = new Jar();
    const res = await requestLink(jar, 'New.Shopper@Example.com');
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe(`${ORIGIN}/api/auth/verify-request?provider=nodemailer&type=email`);
    const verify = await call(jar, res.headers.get('location')!);
    expect(verify.headers.get('location')).toBe('/signin/check-email?provider=nodemailer&type=email');

    // The e-mail is in the outbox (no SMTP), addressed to the normalised address.
    const mail = await db.outboxEmail.findFirstOrThrow({ where: { kind: 'auth.magic-link' } });
    expect(mail).toMatchObject({ to: 'new.shopper@example.com', subject: 'Your Seedprint sign-in link', sentAt: null });
    const link = await linkFromOutbox('new.shopper@example.com');
    expect(mail.html).toContain(link.replace(/&/g, '&amp;'));
    expect(new URL(link).searchParams.get('callbackUrl')).toBe(`${ORIGIN}/account`);
    // …and the server log carries the link too.
    expect(vi.mocked(console.info).mock.calls.some((c) => String(c[0]) === `[auth] sign-in link for new.shopper@example.com: ${link}`)).toBe(true);

    // Nobody exists until the link is followed; the stored token is a hash, not the mailed one.
    expect(await db.user.count()).toBe(0);
    const [vt] = await db.verificationToken.findMany();
    expect(vt.identifier).toBe('new.shopper@example.com');
    expect(vt.token).not.toBe(new URL(link).searchParams.get('token'));
    expect(vt.expires.getTime() - Date.now()).toBeGreaterThan(29 * 60_000);
    expect(vt.expires.getTime() - Date.now()).toBeLessThanOrEqual(30 * 60_000);

    const browser = new Jar(); // the link may be opened in another browser
    const back = await call(browser, link);
    expect(back.status).toBe(302);
    expect(back.headers.get('location')).toBe(`${ORIGIN}/account`);
    const sessionToken = browser.get('authjs.session-token');
    expect(sessionToken).toBeTruthy();

    const user = await db.user.findUniqueOrThrow({ where: { email: 'new.shopper@example.com' }, include: { sessions: true } });
    expect(user.role).toBe('SHOPPER');
    expect(user.emailVerified).not.toBeNull();
    expect(user.sessions.map((s) => s.sessionToken)).toEqual([sessionToken]);
    expect(await db.verificationToken.count()).toBe(0); // used up

    const me = await whoAmI(browser.header());
    expect(me.status).toBe(200);
    expect(await me.json()).toEqual({ id: user.id, email: 'new.shopper@example.com', name: null, role: 'SHOPPER' });

    // The session endpoint (what /api/auth/session serves) agrees and carries the role.
    const session = (await (await call(browser, '/api/auth/session')).json()) as { user: { role: string; id: string } };
    expect(session.user).toMatchObject({ id: user.id, role: 'SHOPPER' });
  });

  it('refuses a link the second time', async () => {
    const jar = new Jar();
    await requestLink(jar, 'twice@example.com');
    const link = await linkFromOutbox('twice@example.com');
    expect((await call(new Jar(), link)).headers.get('location')).toBe(`${ORIGIN}/account`);
    const again = new Jar();
    const res = await call(again, link);
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe(`${ORIGIN}/signin?error=Verification`);
    expect(again.get('authjs.session-token')).toBeUndefined();
    expect(await db.session.count()).toBe(1);
  });

  it('refuses a tampered token', async () => {
    const jar = new Jar();
    await requestLink(jar, 'tamper@example.com');
    const link = new URL(await linkFromOutbox('tamper@example.com'));
    link.searchParams.set('token', 'a'.repeat(64));
    const res = await call(new Jar(), link.toString());
    expect(res.headers.get('location')).toBe(`${ORIGIN}/signin?error=Verification`);
    expect(await db.user.count()).toBe(0);
  });

  it('signs a seeded staff account in with its role, and signing out ends the session', async () => {
    const { ensureUserWithRole, withAuth } = await lib();
    await ensureUserWithRole('admin@seedprint.local', 'ADMIN');
    const jar = new Jar();
    await requestLink(jar, 'admin@seedprint.local', `${ORIGIN}/admin`);
    await call(jar, await linkFromOutbox('admin@seedprint.local'));
    const cookie = jar.header();

    const adminOnly = withAuth(['ADMIN'], ({ user }) => Response.json({ role: user.role }));
    const ok = await adminOnly(new Request(`${ORIGIN}/api/admin/x`, { headers: { cookie } }), undefined);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ role: 'ADMIN' });
    expect(await db.user.count()).toBe(1);

    const { csrfToken } = (await (await call(jar, '/api/auth/csrf')).json()) as { csrfToken: string };
    const out = await call(jar, '/api/auth/signout', { form: { csrfToken, callbackUrl: `${ORIGIN}/` } });
    expect(out.status).toBe(302);
    expect(await db.session.count()).toBe(0);
    const after = await adminOnly(new Request(`${ORIGIN}/api/admin/x`, { headers: { cookie } }), undefined);
    expect(after.status).toBe(401);
  });

  it('does not redirect to another site after sign-in', async () => {
    const jar = new Jar();
    await requestLink(jar, 'redirect@example.com', 'https://evil.example/steal');
    const link = await linkFromOutbox('redirect@example.com');
    const res = await call(new Jar(), link);
    expect(res.headers.get('location')).toBe(`${ORIGIN}/`);
  });

  // Next.js gives route handlers a URL on the bind address (next start -H 0.0.0.0), so Auth.js
  // saw http://0.0.0.0:PORT as its origin and sent everyone there, whatever the callbackUrl.
  it('lands on PUBLIC_URL + callbackUrl even when the request arrives on the bind address', async () => {
    const { publicAuthUrl } = await import('../../lib/auth/callback-url');
    const BIND = 'http://0.0.0.0:3000';
    const jar = new Jar();
    const csrf = await call(jar, `${BIND}/api/auth/csrf`);
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const asked = await call(jar, `${BIND}/api/auth/signin/nodemailer`, { form: { email: 'lands@example.com', csrfToken, callbackUrl: '/account?tab=orders' } });
    expect(asked.status).toBe(302);
    const link = await linkFromOutbox('lands@example.com');
    expect(new URL(link).searchParams.get('callbackUrl')).toBe(`${ORIGIN}/account?tab=orders`);
    // The link as Next.js hands it to the route handler: on the bind address.
    const seen = `${BIND}${new URL(link).pathname}${new URL(link).search}`;
    const res = await call(new Jar(), seen);
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe(`${ORIGIN}/account?tab=orders`);
    // The route handlers re-address the request to PUBLIC_URL before Auth.js sees it, so its own
    // pages (check your e-mail, errors) are on PUBLIC_URL too.
    expect(publicAuthUrl(`${BIND}/api/auth/callback/nodemailer?token=t`, 'https://shop.example')).toBe('https://shop.example/api/auth/callback/nodemailer?token=t');
    const used = await call(new Jar(), publicAuthUrl(seen, ORIGIN));
    expect(used.headers.get('location')).toBe(`${ORIGIN}/signin?error=Verification`);
  });

  it('refuses foreign or sneaky callbackUrls and keeps same-site ones (resolveAuthRedirect)', async () => {
    const { resolveAuthRedirect } = await import('../../lib/auth/callback-url');
    const pub = 'https://shop.example';
    expect(resolveAuthRedirect('/account', pub)).toBe('https://shop.example/account');
    expect(resolveAuthRedirect('https://shop.example/orders/1?x=1#y', pub)).toBe('https://shop.example/orders/1?x=1#y');
    expect(resolveAuthRedirect('http://0.0.0.0:3000/account', pub)).toBe('https://shop.example/');
    for (const bad of ['https://evil.example/steal', '//evil.example/x', '/\\evil.example', 'https://shop.example.evil.example/', 'javascript:alert(1)', 'http://shop.example/account', 'not a url']) {
      expect(resolveAuthRedirect(bad, pub), bad).toBe('https://shop.example/');
    }
  });

  it('limits how many links one address gets', async () => {
    const { assertMagicLinkQuota } = await import('../../lib/auth/magic-link');
    const jar = new Jar();
    await requestLink(jar, 'busy@example.com');
    await requestLink(jar, 'busy@example.com');
    await expect(assertMagicLinkQuota('busy@example.com', { count: 3, windowMs: 60_000 })).resolves.toBeUndefined();
    await expect(assertMagicLinkQuota('BUSY@example.com', { count: 2, windowMs: 60_000 })).rejects.toMatchObject({ status: 429 });
    await expect(assertMagicLinkQuota('other@example.com', { count: 2, windowMs: 60_000 })).resolves.toBeUndefined();
  });
});
