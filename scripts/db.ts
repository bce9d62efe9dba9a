// Database chores. `npm run db:diff -- <name>` writes a new migration from the difference
// between the schema as of the last migration commit and prisma/schema.prisma. (Prisma's
// shadow-database replay panics in the Wasm engine offline; a schema-to-schema diff needs no
// database.) `npm run db:migrate` applies pending migrations to DATABASE_URL.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { migrateDeploy, runPrisma } from '../lib/db/migrate';

const root = path.resolve(import.meta.dirname, '..');
const [cmd, name] = process.argv.slice(2);
const url = process.env.DATABASE_URL ?? 'postgresql://localhost:5432/seedprint';

if (cmd === 'migrate') {
  await migrateDeploy(url);
  console.log('migrations applied');
} else if (cmd === 'diff') {
  if (!name || !/^[a-z0-9_]+$/.test(name)) throw new Error('usage: npm run db:diff -- <snake_case_name>');
  const git = (...args: string[]) => execFileSync('git', args, { cwd: root, encoding: 'utf8' });
  const lastMigrationCommit = git('log', '-1', '--format=%H', '--', 'prisma/migrations').trim();
  const fromSchema = path.join(root, '.tmp', 'schema-at-last-migration.prisma');
  fs.mkdirSync(path.dirname(fromSchema), { recursive: true });
  fs.writeFileSync(fromSchema, lastMigrationCommit ? git('show', `${lastMigrationCommit}:prisma/schema.prisma`) : '');
  const sql = await runPrisma(['migrate', 'diff', lastMigrationCommit ? '--from-schema-datamodel' : '--from-empty', ...(lastMigrationCommit ? [fromSchema] : []), '--to-schema-datamodel', 'prisma/schema.prisma', '--script'], url, { quiet: true });
  const body = sql.split('\n').filter((l) => !l.startsWith('Loaded Prisma config')).join('\n').trim();
  if (!body || body.includes('This is an empty migration')) {
    console.log('schema unchanged: no migration written');
  } else {
    const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
    const dir = path.join(root, 'prisma', 'migrations', `${stamp}_${name}`);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'migration.sql'), body + '\n');
    console.log(`wrote ${path.relative(root, dir)}/migration.sql`);
  }
} else {
  console.error('usage: tsx scripts/db.ts migrate | diff <name>');
  process.exit(2);
}
