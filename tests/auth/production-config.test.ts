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

describe('dev outbox availability', () => {
  it('is on outside production, with or without SMTP', async () => {
    expect((await fresh({ NODE_ENV: 'development', SMTP_URL: undefined })).email.isDevOutboxEnabled()).toBe(true);
    expect((await fresh({ NODE_ENV: 'test', SMTP_URL: 'smtp://127.0.0.1:2525' })).email.isDevOutboxEnabled()).toBe(true);
  });

  it('is on in production only for a test-mode store without SMTP', async () => {
    expect((await fresh({ NODE_ENV: 'production', SMTP_URL: undefined, STRIPE_SECRET_KEY: 'sk_test_local' })).email.isDevOutboxEnabled()).toBe(true);
    expect((await fresh({ NODE_ENV: 'production', SMTP_URL: 'smtp://mail:25', STRIPE_SECRET_KEY: 'sk_test_local' })).email.isDevOutboxEnabled()).toBe(false);
    expect(
      (await fresh({ NODE_ENV: 'production', SMTP_URL: undefined, STRIPE_SECRET_KEY: 'sk_live_123', AUTH_SECRET: 'a-real-secret-of-32-characters-xx' })).email.isDevOutboxEnabled(),
    ).toBe(false);
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
    const { magic } = await fresh({ NODE_ENV: 'production', PUBLIC_URL: 'https://shop.seedprint.example' });
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
