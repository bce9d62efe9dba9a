// Store-wide render slots (RenderSlot rows): one per studio generation admitted on any app
// instance. Taking one is serialised by a transaction-scoped advisory lock, so two instances
// never both take the last slot; time is the database's clock.
import { db } from '../db/client';

// 'seedprint:render-slots' hashed once into a fixed advisory lock key.
const LOCK_KEY = 734_215_901;

/** Takes slot `id` when fewer than `capacity` unexpired slots are held; false when the store is full. */
export async function takeRenderSlot(id: string, capacity: number, leaseS: number): Promise<boolean> {
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT 1 AS ok FROM (SELECT pg_advisory_xact_lock(${LOCK_KEY}::bigint)) l`;
    await tx.$executeRaw`DELETE FROM "RenderSlot" WHERE "expiresAt" < clock_timestamp()`;
    const rows = await tx.$queryRaw<{ id: string }[]>`
      INSERT INTO "RenderSlot" ("id", "expiresAt")
      SELECT ${id}, clock_timestamp() + make_interval(secs => ${leaseS}::float8)
      WHERE (SELECT count(*) FROM "RenderSlot") < ${capacity}
      RETURNING "id"`;
    return rows.length > 0;
  });
}

/** Extends a held slot's lease (its holder is still working). */
export async function renewRenderSlot(id: string, leaseS: number): Promise<void> {
  await db.$executeRaw`UPDATE "RenderSlot" SET "expiresAt" = clock_timestamp() + make_interval(secs => ${leaseS}::float8) WHERE "id" = ${id}`;
}

export async function releaseRenderSlot(id: string): Promise<void> {
  await db.$executeRaw`DELETE FROM "RenderSlot" WHERE "id" = ${id}`;
}

/** Unexpired slots held across the store. */
export async function heldRenderSlots(): Promise<number> {
  const rows = await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM "RenderSlot" WHERE "expiresAt" >= clock_timestamp()`;
  return rows[0]?.n ?? 0;
}
