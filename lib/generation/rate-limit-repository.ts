// Token buckets in PostgreSQL (RateLimitBucket), so a limit holds across app instances. Each take
// is ONE statement: an upsert whose DO UPDATE branch runs on the locked, latest row and only when
// the refilled bucket still holds `cost` tokens, so concurrent takes never both spend the last token.
// Time is the database's clock (one clock for every instance), or `at` in tests.
import { db, Prisma } from '../db/client';

export interface BucketSpec {
  key: string;
  capacity: number;
  perMinute: number;
}

const f8 = (n: number) => Prisma.sql`${n}::float8`;

/** Takes `cost` tokens: the tokens left, or null when the bucket holds fewer than `cost`. */
export async function takeTokens(b: BucketSpec, cost: number, at?: Date): Promise<number | null> {
  if (cost > b.capacity) return null;
  const perSec = b.perMinute / 60;
  const now = at ? Prisma.sql`${at.toISOString()}::timestamptz` : Prisma.sql`clock_timestamp()`;
  // the refilled bucket of the existing row (EXCLUDED."updatedAt" carries this statement's time)
  const refilled = Prisma.sql`LEAST(${f8(b.capacity)}, r."tokens" + GREATEST(0, EXTRACT(EPOCH FROM (EXCLUDED."updatedAt" - r."updatedAt"))) * ${f8(perSec)})`;
  const rows = await db.$queryRaw<{ tokens: number }[]>`
    INSERT INTO "RateLimitBucket" AS r ("key", "tokens", "updatedAt", "expiresAt")
    SELECT ${b.key}, ${f8(b.capacity)} - ${f8(cost)}, n.t, n.t + make_interval(secs => ${f8(cost)} / ${f8(perSec)})
    FROM (SELECT ${now} AS t) n
    ON CONFLICT ("key") DO UPDATE SET
      "tokens" = ${refilled} - ${f8(cost)},
      "updatedAt" = GREATEST(EXCLUDED."updatedAt", r."updatedAt"),
      "expiresAt" = GREATEST(EXCLUDED."updatedAt", r."updatedAt") + make_interval(secs => (${f8(b.capacity)} - (${refilled} - ${f8(cost)})) / ${f8(perSec)})
    WHERE ${refilled} >= ${f8(cost)}
    RETURNING "tokens"`;
  return rows.length ? Number(rows[0].tokens) : null;
}

/** The tokens a bucket holds now (refilled), without taking any: for "wait N s" messages. */
export async function peekTokens(b: BucketSpec, at?: Date): Promise<number> {
  const now = at ? Prisma.sql`${at.toISOString()}::timestamptz` : Prisma.sql`clock_timestamp()`;
  const rows = await db.$queryRaw<{ tokens: number }[]>`
    SELECT LEAST(${f8(b.capacity)}, "tokens" + GREATEST(0, EXTRACT(EPOCH FROM (${now} - "updatedAt"))) * ${f8(b.perMinute / 60)}) AS tokens
    FROM "RateLimitBucket" WHERE "key" = ${b.key}`;
  return rows.length ? Number(rows[0].tokens) : b.capacity;
}

/** Gives `cost` tokens back (a request refused by a later bucket of the same check). */
export async function returnTokens(b: BucketSpec, cost: number): Promise<void> {
  await db.$executeRaw`UPDATE "RateLimitBucket" SET "tokens" = LEAST(${f8(b.capacity)}, "tokens" + ${f8(cost)}) WHERE "key" = ${b.key}`;
}

/** Deletes buckets that are full again (they would behave exactly like a missing row). */
export async function sweepBuckets(): Promise<number> {
  return db.$executeRaw`DELETE FROM "RateLimitBucket" WHERE "expiresAt" < clock_timestamp()`;
}
