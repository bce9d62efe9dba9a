// Request ids, JSON logs, /metrics and readiness, through a real HTTP server (support/serve.ts
// answers as `next start` does, with the store's route modules) and the test database.
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileTemplates, routeOf, setLogDestination } from '../../lib/observability';
import { enqueue, QUEUES, stopBoss } from '../../lib/queue';
import { freePort } from '../setup/free-port';
import { parseExposition, type Family } from './support/exposition';
import { serve, storeRoutes } from './support/serve';

const root = path.resolve(import.meta.dirname, '../..');
const lines: Record<string, unknown>[] = [];
let server: { url: string; close: () => Promise<void> };

beforeAll(async () => {
  setLogDestination(new Writable({ write: (chunk, _enc, done) => (lines.push(...String(chunk).trim().split('\n').map((l) => JSON.parse(l))), done()) }), 'info');
  server = await serve(await storeRoutes());
});
afterAll(async () => {
  await server?.close();
  await stopBoss();
  setLogDestination();
});

const series = (f: Family | undefined, labels: Record<string, string>) =>
  f?.samples.filter((s) => Object.entries(labels).every(([k, v]) => s.labels[k] === v)) ?? [];

async function until<T>(fn: () => T | undefined, ms = 2000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = fn();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('request id', () => {
  it('takes the proxy’s X-Request-Id, echoes it and writes it on the JSON access line', async () => {
    const res = await fetch(`${server.url}/api/health`, { headers: { 'X-Request-Id': 'abc' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-request-id')).toBe('abc');
    const line = await until(() => lines.find((l) => l.requestId === 'abc' && l.msg === 'request'));
    expect(line).toMatchObject({ level: 'info', method: 'GET', path: '/api/health', route: '/api/health', status: 200 });
    expect(typeof line.ms).toBe('number');
    expect(typeof line.time).toBe('string');
  });

  it('makes one when there is none, and replaces one a client could write into the logs with', async () => {
    const made = (await fetch(`${server.url}/api/health`)).headers.get('x-request-id');
    expect(made).toMatch(/^[0-9a-f-]{36}$/);
    const forged = (await fetch(`${server.url}/api/health`, { headers: { 'X-Request-Id': 'a" {"level":"fatal"}' } })).headers.get('x-request-id');
    expect(forged).toMatch(/^[0-9a-f-]{36}$/);
    expect((await fetch(`${server.url}/api/health`)).headers.get('x-request-id')).not.toBe(made);
  });
});

describe('/metrics', () => {
  it('is Prometheus text with request latency per route, queues, render time, webhook failures and process memory', async () => {
    for (let i = 0; i < 3; i++) await fetch(`${server.url}/api/health`);
    await fetch(`${server.url}/api/ready`);
    // A webhook with a bad signature is refused and counted.
    const hook = await fetch(`${server.url}/api/webhooks/stripe`, { method: 'POST', headers: { 'stripe-signature': 't=1,v1=00', 'content-type': 'application/json' }, body: '{}' });
    expect(hook.status).toBeGreaterThanOrEqual(400);

    // Two print jobs waiting (no worker runs here; they are due in an hour).
    for (let i = 0; i < 2; i++) await enqueue(QUEUES.renderPrintFiles, { jobId: `waiting-${i}` }, { startAfter: 3600 });

    const res = await fetch(`${server.url}/metrics`); // from loopback, test mode: no token needed
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const fams = parseExposition(await res.text());

    const http = fams.get('seedprint_http_request_duration_seconds');
    expect(http?.type).toBe('histogram');
    const health = series(http, { route: '/api/health', method: 'GET', status: '200' });
    expect(health.find((s) => s.name.endsWith('_count'))!.value).toBeGreaterThanOrEqual(3);
    expect(series(http, { route: '/api/ready', status: '200' }).length).toBeGreaterThan(0);
    expect(series(http, { route: '/api/webhooks/stripe', method: 'POST', status: String(hook.status) }).length).toBeGreaterThan(0);

    expect(fams.get('seedprint_render_queue')?.type).toBe('gauge');
    expect(series(fams.get('seedprint_render_queue'), { state: 'running' })[0].value).toBe(0);
    expect(series(fams.get('seedprint_render_queue'), { state: 'waiting' })[0].value).toBe(0);
    expect(fams.get('seedprint_render_duration_seconds')?.type).toBe('histogram');
    const jobs = fams.get('seedprint_job_queue_jobs');
    expect(series(jobs, { queue: 'fulfillment-render', state: 'created' }).map((s) => s.value)).toEqual([2]);
    expect(series(jobs, { queue: 'fulfillment-render', state: 'active' }).map((s) => s.value)).toEqual([0]);
    expect(series(jobs, { queue: 'order-paid', state: 'created' }).map((s) => s.value)).toEqual([0]);
    const failures = series(fams.get('seedprint_webhook_failures_total'), { direction: 'stripe' });
    expect(failures.reduce((n, s) => n + s.value, 0)).toBeGreaterThanOrEqual(1);
    const rss = fams.get('process_resident_memory_bytes')?.samples[0].value ?? 0;
    expect(rss).toBeGreaterThan(10 * 1024 * 1024);
    expect(fams.get('nodejs_heap_size_used_bytes')?.samples[0].value).toBeGreaterThan(0);
  });

  it('labels paths by route template, so ids do not make new series', () => {
    const t = compileTemplates(['/api/listings', '/api/listings/[id]', '/api/listings/[id]/photos', '/api/listings/photos/[photoId]', '/api/auth/[...nextauth]', '/']);
    expect(routeOf('/api/listings/ck12345/photos', t)).toBe('/api/listings/[id]/photos');
    expect(routeOf('/api/listings/photos/p1', t)).toBe('/api/listings/photos/[photoId]');
    expect(routeOf('/api/listings/ck1', t)).toBe('/api/listings/[id]');
    expect(routeOf('/api/auth/callback/email', t)).toBe('/api/auth/[...nextauth]');
    expect(routeOf('/', t)).toBe('/');
    expect(routeOf('/wp-login.php', t)).toBe('unmatched');
    expect(routeOf('/_next/static/chunks/a.js', t)).toBe('static');
    // The real app folder: product pages and factory files.
    expect(routeOf('/products/hoodie')).toBe('/products/[slug]');
    expect(routeOf('/api/factory/v1/jobs/j1/files/front')).toBe('/api/factory/v1/jobs/[id]/files/[placement]');
    // Every address no page has is one series, the catch-all 404's, which loses to every other route.
    expect(routeOf('/wp-login.php')).toBe('/[...missing]');
    expect(routeOf('/no/such/page')).toBe('/[...missing]');
  });
});

describe('/api/ready', () => {
  it('is ready with the test database and local storage', async () => {
    const res = await fetch(`${server.url}/api/ready`);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ ready: true, checks: { database: { ok: true }, storage: { ok: true } } });
  });
});

// Each child serves the same routes with a different environment.
const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
});

async function child(env: Record<string, string | undefined>): Promise<string> {
  const c = spawn(process.execPath, ['--import', 'tsx', 'tests/observability/support/serve-main.ts'], {
    cwd: root,
    env: Object.fromEntries(Object.entries({ ...process.env, LOG_LEVEL: 'silent', ...env }).filter(([, v]) => v !== undefined)) as NodeJS.ProcessEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(c);
  let err = '';
  c.stderr!.on('data', (d) => (err += d));
  return new Promise((resolve, reject) => {
    let out = '';
    c.stdout!.on('data', (d) => {
      out += d;
      const m = /listening (\S+)/.exec(out);
      if (m) resolve(m[1]);
    });
    c.once('exit', (code) => reject(new Error(`server exited ${code}: ${err}`)));
  });
}

async function closedPort(): Promise<number> {
  const port = await freePort();
  await new Promise<void>((resolve, reject) => {
    const s = net.connect(port, '127.0.0.1');
    s.once('connect', () => reject(new Error('port is open')));
    s.once('error', () => resolve());
  });
  return port;
}

describe('readiness when a dependency is down, and /metrics in production (child processes)', () => {
  it('503 with the reason when the database is not there; liveness still answers', async () => {
    const url = await child({ DATABASE_URL: `postgresql://seedprint@127.0.0.1:${await closedPort()}/seedprint` });
    const res = await fetch(`${url}/api/ready`);
    expect(res.status).toBe(503);
    const body = await res.json();
    expect(body.ready).toBe(false);
    expect(body.checks.database.ok).toBe(false);
    expect(body.checks.database.reason).toMatch(/^database unreachable: \S/);
    expect(body.checks.storage.ok).toBe(true);
    expect((await fetch(`${url}/api/health`)).status).toBe(200);
  }, 60_000);

  it('503 when S3 storage does not answer', async () => {
    const url = await child({ STORAGE_BACKEND: 's3', S3_ENDPOINT: `http://127.0.0.1:${await closedPort()}`, S3_BUCKET: 'prints', S3_ACCESS_KEY_ID: 'k', S3_SECRET_ACCESS_KEY: 's' });
    // The database check is given time to answer once (a child starting on a busy machine), so
    // only the storage fails.
    const body = await (async () => {
      for (const end = Date.now() + 30_000; ; ) {
        const res = await fetch(`${url}/api/ready`);
        expect(res.status).toBe(503);
        const b = await res.json();
        if (b.checks.database.ok || Date.now() > end) return b;
      }
    })();
    expect(body.checks.database.ok).toBe(true);
    expect(body.checks.storage).toMatchObject({ ok: false });
    expect(body.checks.storage.reason).toMatch(/^s3 storage unreachable/);
  }, 60_000);

  it('in production needs the METRICS_TOKEN bearer token, even from loopback', async () => {
    const token = 'metrics-token-0123456789abcdef';
    const url = await child({ NODE_ENV: 'production', STRIPE_SECRET_KEY: 'sk_live_observability', AUTH_SECRET: 'a'.repeat(40), METRICS_TOKEN: token });
    expect((await fetch(`${url}/metrics`)).status).toBe(401);
    expect((await fetch(`${url}/metrics`, { headers: { authorization: 'Bearer wrong-token-0123456789' } })).status).toBe(401);
    const ok = await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${token}` } });
    expect(ok.status).toBe(200);
    expect(parseExposition(await ok.text()).get('process_resident_memory_bytes')).toBeDefined();
  }, 60_000);

  it('a live production store without a token shows its metrics to nobody', async () => {
    const url = await child({ NODE_ENV: 'production', STRIPE_SECRET_KEY: 'sk_live_observability', AUTH_SECRET: 'a'.repeat(40), METRICS_TOKEN: undefined });
    const res = await fetch(`${url}/metrics`);
    expect(res.status).toBe(403);
    expect((await res.json()).error.message).toMatch(/METRICS_TOKEN/);
  }, 60_000);
});
