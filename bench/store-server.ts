// Starts the real store (scripts/start.ts) on a throw-away data folder for benchmarks.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../tests/setup/free-port';

const root = path.resolve(import.meta.dirname, '..');

export interface RunningStore {
  url: string;
  /** The store's embedded PostgreSQL (for benchmarks that fill it). */
  databaseUrl: string;
  stop(): Promise<void>;
}

export async function startStore(extraEnv: Record<string, string> = {}): Promise<RunningStore> {
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'seedprint-bench-'));
  fs.chmodSync(dataDir, 0o777);
  const url = `http://127.0.0.1:${port}`;
  const pgPort = await freePort();
  const child: ChildProcess = spawn(process.execPath, [path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'scripts/start.ts'], {
    cwd: root,
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), PUBLIC_URL: url, EMBEDDED_PG_PORT: String(pgPort), LOCAL_STRIPE_PORT: String(await freePort()), NEXT_TELEMETRY_DISABLED: '1', ...extraEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // The tail of the store's output, for the error message if it does not start (the store writes an
  // access line per request: the load generator runs in this process and should not keep them all).
  let log = '';
  const keep = (d: Buffer) => (log = (log + d).slice(-64_000));
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  // A first start builds the app: on a busy 2-core machine that alone can take ten minutes.
  const deadline = Date.now() + 1_200_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`store exited early:\n${log}`);
    try {
      const r = await fetch(`${url}/api/health`);
      if (r.ok) break;
    } catch {
      /* not up yet */
    }
    if (Date.now() > deadline) {
      child.kill('SIGTERM');
      throw new Error(`store did not start:\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  return {
    url,
    databaseUrl: extraEnv.DATABASE_URL ?? `postgresql://seedprint:seedprint@127.0.0.1:${pgPort}/seedprint`,
    stop: async () => {
      await new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      });
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
