// Starts a throw-away embedded PostgreSQL, applies the checked-in migrations, and hands its URL
// to every test worker through the environment.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startEmbeddedPostgres, type EmbeddedDb } from '../../lib/db/embedded-postgres';
import { migrateDeploy } from '../../lib/db/migrate';
import { freePort } from './free-port';

let server: EmbeddedDb | undefined;
let dir: string | undefined;

export async function setup() {
  if (process.env.TEST_DATABASE_URL) {
    process.env.DATABASE_URL = process.env.TEST_DATABASE_URL;
  } else {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'seedprint-test-pg-'));
    fs.chmodSync(dir, 0o777); // the embedded server may run as an unprivileged user
    server = await startEmbeddedPostgres({ dataDir: path.join(dir, 'pg'), port: await freePort(), database: 'seedprint_test' });
    process.env.DATABASE_URL = server.url;
  }
  await migrateDeploy(process.env.DATABASE_URL);
  process.env.DATA_DIR ??= fs.mkdtempSync(path.join(os.tmpdir(), 'seedprint-test-data-'));
}

export async function teardown() {
  await server?.stop();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
}
