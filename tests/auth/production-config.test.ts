// Production safety switches, each read from a fresh env() (the config is cached per module load).
import { afterEach, describe, expect, it, vi } from 'vitest';

const saved = { ...process.env };
afterEach(() => {
  for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k];
  Object.assign(process.env, saved);
  vi.resetModules();
});

async function fresh(vars: Record<string, string | undefined>) {
  for (const [k, v] of Object.entries(vars)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  vi.resetModules();
  return { email: await import('../../lib/email/send'), magic: await import('../../lib/auth/magic-link') };
}

const SECRET = 'a-real-secret-of-32-characters-xx';

describe('dev outbox availability', () => {
  it('is on outside production, with or without SMTP, unless DEV_OUTBOX=0', async () => {
    expect((await fresh({ NODE_ENV: 'development', SMTP_URL: undefined, DEV_OUTBOX: undefined })).email.isDevOutboxEnabled()).toBe(true);
    expect((await fresh({ NODE_ENV: 'test', SMTP_URL: 'smtp://127.0.0.1:2525', DEV_OUTBOX: undefined })).email.isDevOutboxEnabled()).toBe(true);
    expect((await fresh({ NODE_ENV: 'development', DEV_OUTBOX: '0' })).email.isDevOutboxEnabled()).toBe(false);
  });

  it('is off in production, test keys or not, unless DEV_OUTBOX=1 enables it explicitly', async () => {
    const prod = { NODE_ENV: 'production', AUTH_SECRET: SECRET, SMTP_URL: undefined, DEV_OUTBOX: undefined };
    expect((await fresh({ ...prod, STRIPE_SECRET_KEY: 'sk_test_local' })).email.isDevOutboxEnabled()).toBe(false);
    expect((await fresh({ ...prod, STRIPE_SECRET_KEY: 'sk_live_123' })).email.isDevOutboxEnabled()).toBe(false);
    expect((await fresh({ ...prod, STRIPE_SECRET_KEY: 'sk_test_local', DEV_OUTBOX: '1' })).email.isDevOutboxEnabled()).toBe(true);
  });

  it('is readable only by an administrator or over loopback', async () => {
    const { email } = await fresh({ NODE_ENV: 'production', AUTH_SECRET: SECRET, DEV_OUTBOX: '1' });
    expect(email.canReadDevOutbox({ role: null, loopback: false })).toBe(false);
    expect(email.canReadDevOutbox({ role: 'SHOPPER', loopback: false })).toBe(false);
    expect(email.canReadDevOutbox({ role: 'SELLER', loopback: false })).toBe(false);
    expect(email.canReadDevOutbox({ role: 'ADMIN', loopback: false })).toBe(true);
    expect(email.canReadDevOutbox({ role: null, loopback: true })).toBe(true);
    // Switched off, nobody reads it.
    const off = await fresh({ NODE_ENV: 'production', AUTH_SECRET: SECRET, DEV_OUTBOX: undefined });
    expect(off.email.canReadDevOutbox({ role: 'ADMIN', loopback: true })).toBe(false);
  });
});

describe('AUTH_SECRET in production', () => {
  it('refuses the public default whatever the Stripe keys', async () => {
    for (const key of ['sk_test_local', 'sk_test_123', 'sk_live_123', undefined]) {
      await fresh({ NODE_ENV: 'production', AUTH_SECRET: undefined, STRIPE_SECRET_KEY: key });
      const { env } = await import('../../lib/env');
      expect(() => env(), `STRIPE_SECRET_KEY=${key}`).toThrow(/AUTH_SECRET must be set in production/);
    }
  });

  it('accepts the default outside production and a real secret in production', async () => {
    await fresh({ NODE_ENV: 'development', AUTH_SECRET: undefined });
    expect((await import('../../lib/env')).env().AUTH_SECRET).toMatch(/^seedprint-dev/);
    await fresh({ NODE_ENV: 'production', AUTH_SECRET: SECRET, STRIPE_SECRET_KEY: 'sk_test_local' });
    expect((await import('../../lib/env')).env().AUTH_SECRET).toBe(SECRET);
  });

  it('npm start on a test-mode store makes a random one, kept in DATA_DIR/auth-secret (0600)', async () => {
    const fs = await import('node:fs');
    const os = await import('node:os');
    const path = await import('node:path');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'seedprint-secret-'));
    try {
      await fresh({ AUTH_SECRET: undefined, STRIPE_SECRET_KEY: undefined, DATA_DIR: dir });
      const { ensureLocalAuthSecret } = await import('../../lib/env');
      expect(ensureLocalAuthSecret()).toBe(path.join(dir, 'auth-secret'));
      const first = process.env.AUTH_SECRET!;
      expect(first).toMatch(/^[0-9a-f]{64}$/);
      expect(fs.statSync(path.join(dir, 'auth-secret')).mode & 0o777).toBe(0o600);
      delete process.env.AUTH_SECRET;
      ensureLocalAuthSecret();
      expect(process.env.AUTH_SECRET).toBe(first); // same secret after a restart
      await fresh({ NODE_ENV: 'production' });
      expect((await import('../../lib/env')).env().AUTH_SECRET).toBe(first);
      // Live keys: no generated secret, the operator must set one.
      await fresh({ AUTH_SECRET: undefined, STRIPE_SECRET_KEY: 'sk_live_123', DATA_DIR: dir });
      expect((await import('../../lib/env')).ensureLocalAuthSecret()).toBeNull();
      expect(process.env.AUTH_SECRET).toBeUndefined();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('session cookie names', () => {
  it('are __Secure- when PUBLIC_URL is https', async () => {
    await fresh({ PUBLIC_URL: 'https://shop.seedprint.example' });
    const { authConfig } = await import('../../lib/auth/config');
    expect(authConfig().useSecureCookies).toBe(true);
    await fresh({ PUBLIC_URL: 'http://localhost:3000' });
    expect((await import('../../lib/auth/config')).authConfig().useSecureCookies).toBe(false);
  });
});

describe('sign-in link origin', () => {
  const link = 'http://evil.example:8080/api/auth/callback/nodemailer?callbackUrl=%2Faccount&token=t0k&email=a%40b.c';

  it('is pinned to PUBLIC_URL in production, whatever Host the request claimed', async () => {
    const { magic } = await fresh({ NODE_ENV: 'production', AUTH_SECRET: SECRET, PUBLIC_URL: 'https://shop.seedprint.example' });
    expect(magic.pinLinkOrigin(link)).toBe('https://shop.seedprint.example/api/auth/callback/nodemailer?callbackUrl=%2Faccount&token=t0k&email=a%40b.c');
  });

  it('follows the request outside production (any dev port works)', async () => {
    const { magic } = await fresh({ NODE_ENV: 'development', PUBLIC_URL: 'https://shop.seedprint.example' });
    expect(magic.pinLinkOrigin(link)).toBe(link);
  });

  it('allows 5 links per 15 minutes on a live store and more on a test-mode one', async () => {
    expect((await fresh({ STRIPE_SECRET_KEY: 'sk_live_1', NODE_ENV: 'development' })).magic.magicLinkLimit()).toEqual({ count: 5, windowMs: 900_000 });
    expect((await fresh({ STRIPE_SECRET_KEY: 'sk_test_local' })).magic.magicLinkLimit().count).toBeGreaterThan(5);
  });
});
