// Server actions answer 401/403 (Next.js's unauthorized()/forbidden(), which set the HTTP status
// of the action's response) instead of a 500 when the caller lacks the role; other HttpErrors
// and unexpected errors become the form's error sentence, through one wrapper (lib/http/action).
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CurrentUser } from '../../lib/auth/roles';

// What `experimental.authInterrupts` in next.config.ts defines in the built app.
process.env.__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS = 'true';

// The signed-in person, as the actions' session lookup would find them (no request scope here).
const who = vi.hoisted(() => ({ user: null as CurrentUser | null }));
vi.mock('../../lib/auth', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../lib/auth')>();
  const assertRole: typeof real.assertRole = real.assertRole;
  return {
    ...real,
    getCurrentUser: async () => who.user,
    requireRole: async (...roles: CurrentUser['role'][]) => {
      assertRole(who.user, roles);
      return who.user;
    },
  };
});
vi.mock('next/cache', () => ({ revalidatePath: () => {} }));

const FORBIDDEN = 'NEXT_HTTP_ERROR_FALLBACK;403';
const UNAUTHORIZED = 'NEXT_HTTP_ERROR_FALLBACK;401';
const shopper: CurrentUser = { id: 'u1', email: 'shopper@example.com', name: null, role: 'SHOPPER' };

afterEach(() => {
  who.user = null;
  vi.restoreAllMocks();
});

function form(fields: Record<string, string>): FormData {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.set(k, v);
  return fd;
}

async function digestOf(p: Promise<unknown>): Promise<string | undefined> {
  try {
    await p;
    return 'resolved';
  } catch (err) {
    return (err as { digest?: string }).digest ?? `no digest: ${(err as Error).message}`;
  }
}

describe('serverAction wrapper', () => {
  it('maps 403/401 HttpErrors to forbidden()/unauthorized(), others to onError', async () => {
    const { serverAction } = await import('../../lib/http/action');
    const { HttpError, forbidden, unauthorized, badRequest } = await import('../../lib/http/errors');
    const onError = (message: string) => ({ error: message });
    await expect(digestOf(serverAction(async () => Promise.reject(forbidden()), onError)())).resolves.toBe(FORBIDDEN);
    await expect(digestOf(serverAction(async () => Promise.reject(unauthorized()), onError)())).resolves.toBe(UNAUTHORIZED);
    await expect(serverAction(async () => Promise.reject(badRequest('quantity: too big')), onError)()).resolves.toEqual({ error: 'quantity: too big' });
    await expect(serverAction(async () => Promise.reject(new HttpError(409, 'Already claimed.')), onError)()).resolves.toEqual({ error: 'Already claimed.' });
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    await expect(serverAction(async () => Promise.reject(new Error('db down')), onError, { fallback: 'Try later.' })()).resolves.toEqual({ error: 'Try later.' });
    expect(logged).toHaveBeenCalledOnce();
    await expect(serverAction(async (a: number, b: number): Promise<{ sum?: number; error?: string }> => ({ sum: a + b }), onError)(2, 3)).resolves.toEqual({ sum: 5 });
  });

  it('lets redirect() through', async () => {
    const { serverAction } = await import('../../lib/http/action');
    const { redirect } = await import('next/navigation');
    await expect(digestOf(serverAction(async () => redirect('/somewhere'), () => undefined)())).resolves.toMatch(/^NEXT_REDIRECT;.*\/somewhere/);
  });

  it('is switched on in next.config.ts (experimental.authInterrupts)', async () => {
    const file = '../../next.config.ts';
    const config = ((await import(/* @vite-ignore */ file)) as { default: { experimental?: { authInterrupts?: boolean } } }).default;
    expect(config.experimental?.authInterrupts).toBe(true);
  });
});

describe('staff actions called without the role', () => {
  const cases: [string, () => Promise<unknown>][] = [
    ['admin: create factory key', async () => (await import('../../app/admin/factories/actions')).createKeyAction({}, form({ factory: 'Acme', label: 'main' }))],
    ['admin: revoke key', async () => (await import('../../app/admin/factories/actions')).revokeKeyAction(form({ keyId: 'k1' }))],
    ['admin: order status', async () => (await import('../../app/admin/orders/actions')).changeOrderStatusAction(form({ orderId: 'o1', to: 'REFUNDED' }))],
    ['admin: product', async () => (await import('../../app/admin/products/actions')).updateProductAction(form({ id: 'p1', name: 'Hoodie', description: 'A warm hoodie.' }))],
    ['factory: claim', async () => (await import('../../app/factory/actions')).claimJobAction({}, form({ jobId: 'j1' }))],
  ];

  it.each(cases)('%s: 403 for a shopper', async (_name, call) => {
    who.user = shopper;
    await expect(digestOf(call())).resolves.toBe(FORBIDDEN);
  });

  it.each(cases)('%s: 401 when signed out', async (_name, call) => {
    who.user = null;
    await expect(digestOf(call())).resolves.toBe(UNAUTHORIZED);
  });
});
