// Gives one test file its own database on the PostgreSQL that global-setup started, with the
// checked-in migrations applied. Test files run in parallel and other files TRUNCATE every table
// (resetDatabase) between their tests; a private database keeps those from deleting our rows
// halfway through a flow (and ours from deleting theirs).
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { disconnectDb } from '../../../lib/db/client';

const root = path.resolve(import.meta.dirname, '..', '..', '..');

export type IsolatedDb = { url: string; reset: () => Promise<void>; drop: () => Promise<void> };

export async function useIsolatedDatabase(label: string): Promise<IsolatedDb> {
  const base = process.env.DATABASE_URL;
  if (!base) throw new Error('DATABASE_URL is not set: run through vitest (tests/setup/global-setup.ts)');
  const baseUrl = new URL(base);
  const name = `${baseUrl.pathname.slice(1)}_${label}_${process.pid}_${Date.now().toString(36)}`
    .toLowerCase()
    .replace(/[^a-z0-9_]/g, '_')
    .slice(0, 63);

  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }

  const url = new URL(base);
  url.pathname = `/${name}`;
  const migrations = path.join(root, 'prisma', 'migrations');
  const dirs = fs
    .readdirSync(migrations, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    for (const dir of dirs) await client.query(fs.readFileSync(path.join(migrations, dir, 'migration.sql'), 'utf8'));
  } finally {
    await client.end();
  }

  await disconnectDb(); // the lazy Prisma client must connect to the new database
  process.env.DATABASE_URL = url.toString();

  return {
    url: url.toString(),
    /** Empties every table of this database (like tests/setup/db.ts resetDatabase, which trips on
     *  Prisma's "Failed to deserialize column of type 'name'" for pg_tables.tablename). */
    async reset() {
      const c = new pg.Client({ connectionString: url.toString() });
      await c.connect();
      try {
        const { rows } = await c.query<{ t: string }>(`SELECT tablename::text AS t FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`);
        if (rows.length) await c.query(`TRUNCATE ${rows.map((r) => `"${r.t}"`).join(', ')} RESTART IDENTITY CASCADE`);
      } finally {
        await c.end();
      }
    },
    async drop() {
      await disconnectDb();
      process.env.DATABASE_URL = base;
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}
