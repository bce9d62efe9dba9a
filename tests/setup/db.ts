// Database helpers for integration tests. Each test file already runs on its own copy of the
// migrated database (per-file-db.ts), so a file only needs to empty its tables between tests.
import { db } from '../../lib/db/client';

/** Empties every table except Prisma's migration bookkeeping. */
export async function resetDatabase() {
  const rows = await db.$queryRawUnsafe<{ tablename: string }[]>(
    `SELECT tablename::text AS tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`,
  );
  if (rows.length === 0) return;
  await db.$executeRawUnsafe(`TRUNCATE ${rows.map((r) => `"${r.tablename}"`).join(', ')} RESTART IDENTITY CASCADE`);
}
