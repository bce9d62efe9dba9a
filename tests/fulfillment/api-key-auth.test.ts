// Factory API keys resolve to their factory, with the request counted against the key's budget,
// in one statement: revoked and unknown keys are refused and count nothing, and lastUsedAt is
// stamped on use but at most once a minute (a busy key does not write its row on every request).
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../lib/db/client';
import { authenticateFactory, createApiKey, createFactory, revokeApiKey } from '../../lib/fulfillment';
import { HttpError } from '../../lib/http/errors';
import { resetDatabase } from '../setup/db';

beforeEach(async () => {
  await resetDatabase();
});

const lastUsed = async (id: string) => (await db.factoryApiKey.findUniqueOrThrow({ where: { id } })).lastUsedAt;

describe('authenticateFactory', () => {
  it('resolves a key to its factory and stamps lastUsedAt at most once a minute', async () => {
    const a = await createFactory('Factory A');
    const b = await createFactory('Factory B');
    const keyA = await createApiKey(a.id, 'a');
    const keyB = await createApiKey(b.id, 'b');
    expect(await lastUsed(keyA.id)).toBeNull();
    const before = Date.now();
    expect(await authenticateFactory(`Bearer ${keyA.key}`)).toMatchObject({ id: a.id, name: 'Factory A', keyId: keyA.id, limit: { ok: true, remaining: 299 } });
    expect(await authenticateFactory(`bearer ${keyB.key}`)).toMatchObject({ id: b.id, name: 'Factory B', keyId: keyB.id, limit: { ok: true, remaining: 299 } });
    const first = (await lastUsed(keyA.id))!;
    expect(Math.abs(first.getTime() - before)).toBeLessThan(60_000);
    expect((await authenticateFactory(`Bearer ${keyA.key}`)).limit.remaining).toBe(298); // counted in the same statement
    expect((await lastUsed(keyA.id))!.getTime()).toBe(first.getTime());
    // A stamp older than a minute is renewed.
    await db.factoryApiKey.update({ where: { id: keyA.id }, data: { lastUsedAt: new Date(before - 5 * 60_000) } });
    await authenticateFactory(`Bearer ${keyA.key}`);
    expect(Math.abs((await lastUsed(keyA.id))!.getTime() - Date.now())).toBeLessThan(60_000);
  });

  it('refuses unknown, malformed and revoked keys with 401', async () => {
    const a = await createFactory('Factory A');
    const key = await createApiKey(a.id, 'a');
    const refused = async (h: string | null) => {
      const err = await authenticateFactory(h).then(() => null, (e: unknown) => e);
      expect(err).toBeInstanceOf(HttpError);
      expect((err as HttpError).status).toBe(401);
    };
    await refused(null);
    await refused(`Bearer ${key.key}x`);
    await refused(`Basic ${key.key}`);
    await revokeApiKey(key.id);
    await refused(`Bearer ${key.key}`);
    expect(await db.factoryApiRateLimit.count()).toBe(0); // refused keys count nothing
  });
});
