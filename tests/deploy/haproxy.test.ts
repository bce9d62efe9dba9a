// deploy/haproxy.cfg: valid for HAProxy, and, run for real in front of two servers, it sets the
// request id and forwarded headers, keeps an instance whose /api/ready fails out of rotation
// and takes it back when it is ready, and keeps /metrics internal. Needs the haproxy binary
// (Debian: apt-get install -y haproxy); skipped with that reason where it is absent.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../setup/free-port';
import { serve } from '../observability/support/serve';

const root = path.resolve(import.meta.dirname, '../..');
const config = path.join(root, 'deploy/haproxy.cfg');
const haproxy = ['/usr/sbin/haproxy', '/usr/local/sbin/haproxy', '/usr/bin/haproxy'].find((p) => fs.existsSync(p));
const MISSING = 'haproxy is not installed (Debian: apt-get install -y haproxy)';

const cleanups: (() => unknown)[] = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
});

async function until<T>(fn: () => Promise<T | undefined>, what: string, ms: number): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn().catch(() => undefined);
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('deploy/haproxy.cfg', () => {
  it('is a valid HAProxy configuration (haproxy -c)', (ctx) => {
    if (!haproxy) return ctx.skip(MISSING);
    const r = spawnSync(haproxy, ['-c', '-f', config], { encoding: 'utf8' });
    expect(r.status, r.stdout + r.stderr).toBe(0);
  });

  it('routes to ready instances only, with X-Request-Id and X-Forwarded-For/Proto set, and /metrics kept internal', async (ctx) => {
    if (!haproxy) return ctx.skip(MISSING);
    let bReady = false;
    const instance = (name: string, ready: () => boolean) =>
      serve({
        '/api/ready': { GET: () => Response.json({ ready: ready() }, { status: ready() ? 200 : 503 }) },
        '/echo': { GET: (req) => Response.json({ name, headers: Object.fromEntries(req.headers) }) },
        '/metrics': { GET: () => new Response('secret_series 1\n') },
      });
    const a = await instance('a', () => true);
    const b = await instance('b', () => bReady);
    cleanups.push(a.close, b.close);

    // The shipped file, with this test's ports in place of :80, :3001 and :3002.
    const port = await freePort();
    const text = fs
      .readFileSync(config, 'utf8')
      .replace(/^(\s*)bind :80$/m, `$1bind 127.0.0.1:${port}`)
      .replace('127.0.0.1:3001', a.url.replace('http://', ''))
      .replace('127.0.0.1:3002', b.url.replace('http://', ''));
    expect(text).toContain(`bind 127.0.0.1:${port}`);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'seedprint-haproxy-'));
    cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
    fs.writeFileSync(path.join(dir, 'haproxy.cfg'), text);
    const proc: ChildProcess = spawn(haproxy, ['-db', '-f', path.join(dir, 'haproxy.cfg')], { stdio: ['ignore', 'pipe', 'pipe'] });
    let log = '';
    proc.stdout!.on('data', (d) => (log += d));
    proc.stderr!.on('data', (d) => (log += d));
    cleanups.push(() => proc.kill('SIGKILL'));
    const base = `http://127.0.0.1:${port}`;

    // b fails its readiness checks: after them every request goes to a.
    const names = async (n: number) => {
      const out: string[] = [];
      for (let i = 0; i < n; i++) out.push((await (await fetch(`${base}/echo`)).json()).name);
      return out;
    };
    await until(async () => ((await names(6)).every((n) => n === 'a') ? true : undefined), 'b to be taken out', 15_000);

    const res = await fetch(`${base}/echo`, { headers: { 'X-Request-Id': 'chosen-by-client', 'X-Forwarded-For': '6.6.6.6', 'X-Forwarded-Proto': 'https' } });
    const seen = (await res.json()).headers as Record<string, string>;
    expect(seen['x-request-id']).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(res.headers.get('x-request-id')).toBe(seen['x-request-id']); // echoed by the app
    expect(seen['x-forwarded-for']).toBe('127.0.0.1');
    expect(seen['x-forwarded-proto']).toBe('http');
    // HAProxy's own log line (written once the response is done) has the same id.
    await until(async () => (log.includes(`id=${seen['x-request-id']}`) ? true : undefined), 'the proxy log line', 5_000);

    expect((await fetch(`${base}/metrics`)).status).toBe(404);

    // b becomes ready: it is put back and gets traffic again.
    bReady = true;
    await until(async () => ((await names(6)).includes('b') ? true : undefined), 'b to be back', 30_000);
  }, 60_000);
});
