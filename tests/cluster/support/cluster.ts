// The deploy topology of deploy/README.md on one machine, for tests/cluster: a standalone
// PostgreSQL server (the embedded binaries run as an ordinary server), s3rver, the local
// Stripe-compatible server, HAProxy with deploy/haproxy.cfg, two `next start` app processes
// (RUN_WORKER_IN_APP=0) and two `npm run worker` processes. Every process it starts is stopped
// by `stop()`, also when start-up fails half-way.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import S3rver from 's3rver';
import { canReach, ensurePostgresUser, packagedBinaries, runtimeCopy, startAsUser, type Owner } from '../../../lib/db/pg-as-user';
import { needsBuild } from '../../../scripts/build-freshness';
import { withJemalloc } from '../../../scripts/jemalloc';
import { KEEP_ALIVE_ARGS } from '../../../scripts/keep-alive';
import { startLocalStripe, type LocalStripe } from '../../../tools/local-stripe';
import { freePort } from '../../setup/free-port';

export const root = path.resolve(import.meta.dirname, '../../..');
const HAPROXY_PATHS = ['/usr/sbin/haproxy', '/usr/local/sbin/haproxy', '/usr/bin/haproxy'];

/** The haproxy binary; as root on Debian it is installed when missing (as the e2e setup does for Chromium). */
export function haproxyBinary(): string | undefined {
  const found = () => HAPROXY_PATHS.find((p) => fs.existsSync(p));
  if (!found() && process.getuid?.() === 0 && fs.existsSync('/usr/bin/apt-get')) {
    spawnSync('sh', ['-c', 'apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q haproxy'], { stdio: 'ignore' });
  }
  return found();
}

/** `next build` when .next is missing or older than the sources (the rule scripts/start.ts uses). */
export function buildIfNeeded(): void {
  if (!needsBuild(root)) return;
  const r = spawnSync(process.execPath, [path.join(root, 'node_modules/next/dist/bin/next'), 'build'], { cwd: root, stdio: 'ignore', env: { ...baseEnv(), NEXT_TELEMETRY_DISABLED: '1' } });
  if (r.status !== 0) throw new Error('next build failed');
}

/** What every child process inherits: the machine's basics, none of vitest's settings. */
function baseEnv(): NodeJS.ProcessEnv {
  const keep = ['PATH', 'HOME', 'LANG', 'TMPDIR', 'CHROMIUM_PATH'];
  return Object.fromEntries(keep.filter((k) => process.env[k] !== undefined).map((k) => [k, process.env[k]])) as NodeJS.ProcessEnv;
}

/** A child process with its output kept as lines (the app and worker logs are JSON lines). */
export class Proc {
  readonly lines: string[] = [];
  readonly exited: Promise<void>;
  private waiters: { re: RegExp; resolve: (line: string) => void }[] = [];

  constructor(
    readonly name: string,
    readonly child: ChildProcess,
  ) {
    let partial = '';
    const onData = (d: Buffer) => {
      partial += d.toString('utf8');
      const parts = partial.split('\n');
      partial = parts.pop() ?? '';
      for (const line of parts) {
        this.lines.push(line);
        this.waiters = this.waiters.filter((w) => (w.re.test(line) ? (w.resolve(line), false) : true));
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    this.exited = new Promise((r) => child.once('exit', () => r()));
  }

  get alive(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** The first line (already seen or still to come) matching `re`. */
  waitFor(re: RegExp, ms: number): Promise<string> {
    const seen = this.lines.find((l) => re.test(l));
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const t = setTimeout(() => reject(new Error(`${this.name}: no line matching ${re} within ${ms} ms; last lines:\n${this.lines.slice(-15).join('\n')}`)), ms);
      this.waiters.push({ re, resolve: (l) => (clearTimeout(t), resolve(l)) });
    });
  }

  /** The JSON log lines. */
  json(): Record<string, unknown>[] {
    return this.lines.flatMap((l) => {
      if (!l.startsWith('{')) return [];
      try {
        return [JSON.parse(l) as Record<string, unknown>];
      } catch {
        return [];
      }
    });
  }

  async kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    if (!this.alive) return;
    // Its own process group: `next start` and tsx have children of their own.
    try {
      process.kill(-this.child.pid!, signal);
    } catch {
      this.child.kill(signal);
    }
    await this.exited;
  }
}

export interface Db {
  url: string;
  restart(): Promise<void>;
  stop(): Promise<void>;
  start(): Promise<void>;
}

/** The embedded package's PostgreSQL binaries started as a standalone server on `port`. */
async function startPostgres(dir: string, port: number): Promise<Db> {
  const root = process.getuid?.() === 0;
  const owner: Owner = root ? await ensurePostgresUser() : { uid: process.getuid!(), gid: process.getgid!() };
  const bin = await packagedBinaries();
  const binDir = canReach(bin.initdb, owner) ? path.dirname(bin.initdb) : runtimeCopy(bin, path.join(dir, 'pg-runtime'), owner);
  const opts = { binDir, dataDir: path.join(dir, 'pg'), port, user: 'seedprint', password: 'seedprint', owner };
  let server: { stop(): Promise<void> } | undefined = await startAsUser(opts);
  const admin = new pg.Client({ host: '127.0.0.1', port, user: 'seedprint', password: 'seedprint', database: 'postgres' });
  await admin.connect();
  await admin.query('CREATE DATABASE seedprint');
  await admin.end();
  const stop = async () => {
    await server?.stop();
    server = undefined;
  };
  const start = async () => {
    server ??= await startAsUser(opts);
  };
  return { url: `postgresql://seedprint:seedprint@127.0.0.1:${port}/seedprint`, stop, start, restart: async () => (await stop(), await start()) };
}

export interface Cluster {
  proxyUrl: string;
  apps: Proc[];
  appUrls: string[];
  workers: Proc[];
  db: Db;
  sql: pg.Pool;
  stripe: LocalStripe;
  s3Dir: string;
  bucket: string;
  factoryKey: string;
  haproxy: Proc;
  env: NodeJS.ProcessEnv;
  startWorker(name: string): Promise<Proc>;
  /** Starts app instance `i` again on its port (after it was killed); resolves once it is ready. */
  startApp(i: number): Promise<Proc>;
  stop(): Promise<void>;
}

export interface ClusterOptions {
  haproxy: string;
  /** Extra settings for every app and worker process. */
  env?: Record<string, string>;
  log?: (line: string) => void;
}

export async function startCluster(o: ClusterOptions): Promise<Cluster> {
  const cleanups: (() => unknown)[] = [];
  const stop = async () => {
    for (const c of cleanups.splice(0).reverse()) {
      try {
        await c();
      } catch (err) {
        o.log?.(`cleanup failed: ${(err as Error).message}`);
      }
    }
  };
  try {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'seedprint-cluster-'));
    fs.chmodSync(dir, 0o777); // the PostgreSQL server may run as the unprivileged postgres user
    cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));

    const db = await startPostgres(dir, await freePort());
    cleanups.push(() => db.stop());
    const sql = new pg.Pool({ connectionString: db.url, max: 4 });
    sql.on('error', () => {}); // a pooled client whose server restarted
    cleanups.push(() => sql.end());

    const bucket = 'seedprint-cluster';
    const s3Dir = path.join(dir, 's3');
    const s3Port = await freePort();
    const s3 = new S3rver({ port: s3Port, address: '127.0.0.1', silent: true, directory: s3Dir, configureBuckets: [{ name: bucket, configs: [] }] });
    await s3.run();
    cleanups.push(() => s3.close());

    const proxyPort = await freePort();
    const proxyUrl = `http://127.0.0.1:${proxyPort}`;
    const webhookSecret = `whsec_cluster_${randomBytes(8).toString('hex')}`;
    const stripe = await startLocalStripe({ port: 0, webhookSecret, webhookUrl: `${proxyUrl}/api/webhooks/stripe`, log: () => {} });
    cleanups.push(() => stripe.close());

    const env: NodeJS.ProcessEnv = {
      ...baseEnv(),
      DATABASE_URL: db.url,
      DATA_DIR: path.join(dir, 'data'),
      AUTH_SECRET: randomBytes(32).toString('hex'),
      PUBLIC_URL: proxyUrl,
      TRUSTED_PROXIES: '127.0.0.1',
      RUN_WORKER_IN_APP: '0',
      STORAGE_BACKEND: 's3',
      S3_ENDPOINT: `http://127.0.0.1:${s3Port}`,
      S3_BUCKET: bucket,
      S3_REGION: 'us-east-1',
      S3_ACCESS_KEY_ID: 'S3RVER',
      S3_SECRET_ACCESS_KEY: 'S3RVER',
      S3_FORCE_PATH_STYLE: '1',
      STRIPE_SECRET_KEY: 'sk_test_local',
      STRIPE_API_BASE: stripe.url,
      STRIPE_WEBHOOK_SECRET: webhookSecret,
      DEV_OUTBOX: '1',
      LOG_LEVEL: 'info',
      NEXT_TELEMETRY_DISABLED: '1',
      ...o.env,
    };
    fs.mkdirSync(env.DATA_DIR!, { recursive: true });

    // Once per deploy, before any instance starts: migrations, catalog, a factory API key.
    const once = (script: string, ...args: string[]) => {
      const r = spawnSync(process.execPath, ['--import', 'tsx', script, ...args], { cwd: root, env, encoding: 'utf8' });
      if (r.status !== 0) throw new Error(`${script} failed: ${r.stdout}${r.stderr}`);
      return r.stdout;
    };
    once('scripts/db.ts', 'migrate');
    once('scripts/seed.ts');
    const factoryKey = /api key (\S+)/.exec(once('scripts/factory-key.ts', 'create', 'Cluster Factory'))![1];

    const started: Proc[] = [];
    cleanups.push(() => Promise.all(started.map((p) => p.kill('SIGKILL'))));
    const launch = (name: string, args: string[], extra: Record<string, string> = {}) => {
      // With jemalloc where installed, as scripts/start.ts and deploy/systemd run them.
      const p = new Proc(name, spawn(process.execPath, args, { cwd: root, env: withJemalloc({ ...env, ...extra }), stdio: ['ignore', 'pipe', 'pipe'], detached: true }));
      started.push(p);
      return p;
    };
    const nextBin = path.join(root, 'node_modules/next/dist/bin/next');
    const appPorts = [await freePort(), await freePort()];
    const apps = appPorts.map((port, i) => launch(`app${i + 1}`, [nextBin, 'start', '-p', String(port), '-H', '127.0.0.1', ...KEEP_ALIVE_ARGS]));
    const startApp = async (i: number) => {
      apps[i] = launch(`app${i + 1}`, [nextBin, 'start', '-p', String(appPorts[i]), '-H', '127.0.0.1', ...KEEP_ALIVE_ARGS]);
      await until(async () => ((await fetch(`http://127.0.0.1:${appPorts[i]}/api/ready`)).status === 200 ? true : undefined), `${apps[i].name} to be ready`, 120_000);
      return apps[i];
    };
    const startWorker = async (name: string) => {
      const w = launch(name, ['--import', 'tsx', 'scripts/worker.ts']);
      await w.waitFor(/worker ready|\[worker\] \d+ ready/, 120_000);
      return w;
    };
    // One after the other: two workers creating pg-boss's queues at once on a fresh database can
    // deadlock in pgboss.create_queue, and the loser exits.
    const workers = [await startWorker('worker1'), await startWorker('worker2')];
    const appUrls = appPorts.map((p) => `http://127.0.0.1:${p}`);
    for (const [i, url] of appUrls.entries()) await until(async () => ((await fetch(`${url}/api/ready`)).status === 200 ? true : undefined), `${apps[i].name} to be ready`, 120_000);

    // The shipped HAProxy file with this cluster's ports in place of :80, :3001 and :3002.
    const cfg = fs
      .readFileSync(path.join(root, 'deploy/haproxy.cfg'), 'utf8')
      .replace(/^(\s*)bind :80$/m, `$1bind 127.0.0.1:${proxyPort}`)
      .replace('127.0.0.1:3001', appUrls[0].replace('http://', ''))
      .replace('127.0.0.1:3002', appUrls[1].replace('http://', ''));
    if (!cfg.includes(`bind 127.0.0.1:${proxyPort}`)) throw new Error('deploy/haproxy.cfg has no `bind :80` line to replace');
    fs.writeFileSync(path.join(dir, 'haproxy.cfg'), cfg);
    const haproxy = new Proc('haproxy', spawn(o.haproxy, ['-db', '-f', path.join(dir, 'haproxy.cfg')], { stdio: ['ignore', 'pipe', 'pipe'], detached: true }));
    started.push(haproxy);
    // Both servers in rotation: requests through the proxy reach each instance.
    await until(async () => {
      for (let i = 0; i < 6; i++) if ((await fetch(`${proxyUrl}/api/ready`)).status !== 200) return undefined;
      const ids = await Promise.all([0, 1, 2, 3].map(async () => (await fetch(`${proxyUrl}/api/health`)).headers.get('x-request-id')!));
      const served = ids.map((id) => servedBy(apps, id));
      return served.includes(0) && served.includes(1) ? true : undefined;
    }, 'HAProxy to send traffic to both instances', 60_000);

    return { proxyUrl, apps, appUrls, workers, db, sql, stripe, s3Dir, bucket, factoryKey, haproxy, env, startWorker, startApp, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}

/** Which app (index) logged the request with X-Request-Id `id`, or -1. */
export function servedBy(apps: Proc[], id: string | null): number {
  if (!id) return -1;
  return apps.findIndex((a) => a.lines.some((l) => l.includes(id) && l.includes('"msg":"request"')));
}

export async function until<T>(fn: () => Promise<T | undefined>, what: string, ms: number, everyMs = 200): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn().catch(() => undefined);
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
