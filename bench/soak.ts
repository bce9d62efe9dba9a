// `npm run soak [-- --minutes 10 --out bench/soak-results.json --set NAME=value]`: mixed shopper traffic for a while
// through HAProxy in front of two app and two worker processes (the topology of
// tests/cluster/support/cluster.ts): browsing (home, product, search, listing, shop pages), studio
// generations with their preview images, try-on uploads rendered by the workers, checkouts paid
// through the local Stripe-compatible server, and a factory polling the job list, claiming,
// downloading and shipping the print files. It counts every failed request and samples each app
// process's resident memory (its own /metrics) and each worker's (/proc) every 10 s. Goals: no
// errors, each app process's memory grows ≤ 10 % after the warm-up (the first fifth, at most
// 2 minutes) and stays ≤ 1 GB. Needs haproxy (see tests/cluster); run it niced on a shared machine.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { buildIfNeeded, haproxyBinary, root, startCluster, until, type Cluster } from '../tests/cluster/support/cluster';
import { Client, multipart, ndjson, p95 } from '../tests/cluster/support/client';
import { usesJemalloc } from '../scripts/jemalloc';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
};
const MINUTES = Number(arg('minutes', '10'));
const OUT = path.resolve(root, arg('out', 'bench/soak-results.json'));
if (!(MINUTES > 0 && MINUTES <= 240)) {
  console.error('usage: npm run soak -- [--minutes <0 < m ≤ 240, default 10>] [--out <file>] [--set NAME=value …]');
  process.exit(2);
}
// `--set NAME=value` (repeatable): a setting for every app and worker process, to compare runs.
const SETTINGS = Object.fromEntries(
  process.argv.flatMap((a, i) => (process.argv[i - 1] === '--set' && /^[A-Z][A-Z0-9_]*=/.test(a) ? [[a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)]] : [])),
) as Record<string, string>;
const DURATION_MS = MINUTES * 60_000;
const WARMUP_MS = Math.min(120_000, DURATION_MS / 5);
const SAMPLE_MS = 10_000;
const GROWTH_GOAL = 0.1;
const RSS_GOAL_MB = 1024;

const PROMPTS = ['red hearts on navy', 'lemons and leaves on cream', 'blue waves', 'tiny gold stars on black', 'mushrooms in a forest', 'coral stripes', 'cats with moons', 'daisies on mint'];
const PAGES = ['/', '/products/tee', '/products/mug', '/products/hoodie', '/search?q=hearts', '/search?q=mug', '/listings/scale-listing-2', '/listings/scale-listing-5', '/shops/scale-shop-1', '/shops/scale-shop-3', '/api/session', '/api/cart'];

type Kind = 'page' | 'generate' | 'preview' | 'tryon_upload' | 'tryon_render' | 'cart' | 'checkout' | 'pay' | 'factory_poll' | 'factory_claim' | 'factory_file' | 'factory_status';
const stats = new Map<Kind, { ok: number; busy: number; errors: number; ms: number[] }>();
const errorSamples: { kind: Kind; at_s: number; what: string }[] = [];
/** When the traffic starts (reset then); times in the results count from it. */
let t0 = Date.now();
const stat = (k: Kind) => {
  let s = stats.get(k);
  if (!s) stats.set(k, (s = { ok: 0, busy: 0, errors: 0, ms: [] }));
  return s;
};
function fail(kind: Kind, what: string) {
  stat(kind).errors++;
  if (errorSamples.length < 50) errorSamples.push({ kind, at_s: Math.round((Date.now() - t0) / 1000), what: what.slice(0, 300) });
  console.log(`[soak] error ${kind}: ${what.slice(0, 200)}`);
}
/** Times `fn`; its answer decides ok / busy (a correct refusal under load, e.g. the render queue's 503) / error. */
async function timed<T>(kind: Kind, fn: () => Promise<T>, judge: (v: T) => 'ok' | 'busy' | string): Promise<T | undefined> {
  const start = performance.now();
  try {
    const v = await fn();
    const verdict = judge(v);
    if (verdict === 'ok') {
      stat(kind).ok++;
      stat(kind).ms.push(performance.now() - start);
    } else if (verdict === 'busy') stat(kind).busy++;
    else fail(kind, verdict);
    return verdict === 'ok' ? v : undefined;
  } catch (err) {
    fail(kind, (err as Error).message);
    return undefined;
  }
}
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const pick = <T>(a: T[]) => a[Math.floor(Math.random() * a.length)];

let c: Cluster;
let nextAddress = 0;
const clients: Client[] = [];
/** A shopper from an address of its own (per-address limits see distinct clients behind the proxy). */
function shopper(): Client {
  nextAddress++;
  const cl = new Client(c.proxyUrl, `127.0.${2 + (Math.floor(nextAddress / 250) % 250)}.${1 + (nextAddress % 250)}`);
  clients.push(cl);
  if (clients.length > 200) clients.shift()!.close();
  return cl;
}

const designs: string[] = [];
const orders = new Set<string>();
const shipped = new Set<string>();
let tee = '';
const until_ = (end: number) => Date.now() < end;

async function browse(end: number) {
  let cl = shopper();
  for (let i = 0; until_(end); i++) {
    if (i % 20 === 0) cl = shopper();
    const page = pick(PAGES);
    await timed('page', () => cl.get(page), (r) => (r.status === 200 ? 'ok' : `${page}: ${r.status}`));
    await sleep(100);
  }
}

async function studio(end: number) {
  while (until_(end)) {
    const cl = shopper();
    const r = await timed(
      'generate',
      () => cl.post('/api/generate', { json: { prompt: pick(PROMPTS) } }),
      (r) => (r.status === 200 ? (ndjson(r).some((l) => l.type === 'done') ? 'ok' : `no done line: ${r.text().slice(-200)}`) : r.status === 503 ? 'busy' : `${r.status} ${r.text()}`),
    );
    const done = r ? (ndjson(r).find((l) => l.type === 'done') as { designIds: string[] } | undefined) : undefined;
    if (done?.designIds.length) {
      designs.push(...done.designIds);
      if (designs.length > 50) designs.splice(0, designs.length - 50);
      const id = pick(done.designIds);
      await timed('preview', () => cl.get(`/r/${id}.png?size=256`), (p) => (p.status === 200 && p.body.length > 1000 ? 'ok' : `${p.status}`));
    } else await sleep(1000);
  }
}

async function tryon(end: number, photo: Buffer) {
  while (until_(end)) {
    if (!designs.length) {
      await sleep(1000);
      continue;
    }
    const cl = shopper();
    const designId = pick(designs);
    const photoId = await timed(
      'tryon_upload',
      () => cl.post('/api/tryon/photos', multipart('photo', 'astronaut.png', 'image/png', photo, { consent: 'true' })),
      (up) => (up.status === 201 ? 'ok' : `upload ${up.status} ${up.text()}`),
    ).then((up) => up?.json<{ results: { photoId: string }[] }>().results[0].photoId);
    if (!photoId) {
      await sleep(2000);
      continue;
    }
    // The shopper's page asks for the photo's look with a design on a tee (queued for the workers
    // on the first ask) and polls until it is rendered.
    await timed(
      'tryon_render',
      async () => {
        const deadline = Date.now() + 180_000;
        for (;;) {
          const v = (await cl.get(`/api/tryon/photos?design=${designId}&product=tee`)).json<{ photos: { id: string; look: { status: string; error: { message: string } | null } | null }[] }>();
          const look = v.photos.find((p) => p.id === photoId)?.look;
          if (look?.status === 'DONE' || look?.status === 'FAILED' || Date.now() > deadline) return look;
          await sleep(1000);
        }
      },
      (look) => (look?.status === 'DONE' ? 'ok' : `look ${look?.status ?? 'missing'}: ${look?.error?.message ?? 'not rendered within 180 s'}`),
    );
  }
}

async function buyer(end: number) {
  let n = 0;
  while (until_(end)) {
    if (!designs.length) {
      await sleep(1000);
      continue;
    }
    const cl = shopper();
    const added = await timed('cart', () => cl.post('/api/cart/items', { json: { variantId: tee, designId: pick(designs) } }), (r) => (r.status === 201 ? 'ok' : `${r.status} ${r.text()}`));
    if (!added) continue;
    const out = await timed('checkout', () => cl.post('/api/checkout', { json: { email: `soak-${t0}-${n++}@example.com`, country: 'US' } }), (r) => (r.status === 201 ? 'ok' : `${r.status} ${r.text()}`));
    if (!out) continue;
    const { orderId, checkoutUrl } = out.json<{ orderId: string; checkoutUrl: string }>();
    const sessionId = /\/c\/pay\/([^/?#]+)/.exec(checkoutUrl)?.[1];
    await timed(
      'pay',
      () =>
        fetch(`${c.stripe.url}/_test/checkout/sessions/${sessionId}/pay`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: 'Bearer sk_test_local' },
          body: new URLSearchParams({ card: '4242424242424242', name: 'Soak Shopper', line1: '1 Main St', city: 'Springfield', postal_code: '12345', country: 'US' }),
        }),
      (r) => (r.status < 400 ? 'ok' : `${r.status}`),
    );
    orders.add(orderId);
    await sleep(3000);
  }
}

async function factory(end: number) {
  const cl = shopper();
  const headers = { authorization: `Bearer ${c.factoryKey}` };
  while (until_(end)) {
    const ready = await timed('factory_poll', () => cl.get('/api/factory/v1/jobs?status=ready&limit=50', { headers }), (r) => (r.status === 200 ? 'ok' : `${r.status} ${r.text()}`));
    const jobs = ready?.json<{ jobs: { id: string; orderId: string; files: { url: string }[] }[] }>().jobs.filter((j) => orders.has(j.orderId)) ?? [];
    for (const job of jobs.slice(0, 3)) {
      const claimed = await timed('factory_claim', () => cl.post(`/api/factory/v1/jobs/${job.id}/claim`, { headers }), (r) => (r.status === 200 ? 'ok' : `${r.status} ${r.text()}`));
      if (!claimed) continue;
      for (const f of job.files) await timed('factory_file', () => cl.get(new URL(f.url).pathname + new URL(f.url).search, { headers }), (r) => (r.status === 200 && r.body.length > 1000 ? 'ok' : `${r.status}`));
      for (const status of ['received', 'printed', 'shipped']) {
        const body = status === 'shipped' ? { status, carrier: 'UPS', trackingNumber: `1Z${job.id.slice(0, 8)}` } : { status };
        await timed('factory_status', () => cl.post(`/api/factory/v1/jobs/${job.id}/status`, { headers, json: body }), (r) => (r.status === 200 ? 'ok' : `${status}: ${r.status} ${r.text()}`));
      }
      shipped.add(job.orderId);
    }
    await sleep(2000);
  }
}

interface Sample {
  t_s: number;
  apps_mb: (number | null)[];
  /** The apps' V8 heap in use and memory held outside it (Buffers, native images): which one grows. */
  apps_heap_mb: (number | null)[];
  apps_external_mb: (number | null)[];
  workers_mb: (number | null)[];
}
const samples: Sample[] = [];
const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);
/** An app's resident memory, V8 heap in use and external memory, from its own /metrics. */
async function appMemory(url: string): Promise<{ rss: number | null; heap: number | null; external: number | null }> {
  try {
    const text = await (await fetch(`${url}/metrics`)).text();
    const read = (series: string) => {
      const m = new RegExp(`^${series}(?:\\{[^}]*\\})? (\\S+)`, 'gm');
      const values = [...text.matchAll(m)].map((x) => Number(x[1]));
      return values.length ? mb(values.reduce((a, b) => a + b, 0)) : null;
    };
    return { rss: read('process_resident_memory_bytes'), heap: read('nodejs_heap_size_used_bytes'), external: read('nodejs_external_memory_bytes') };
  } catch {
    return { rss: null, heap: null, external: null };
  }
}
/** A worker's resident memory: its node process (the spawned one, started with --import tsx). */
function procRss(pid: number | undefined): number | null {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Math.round(Number(m[1]) / 1024) : null;
  } catch {
    return null;
  }
}
async function sampler(end: number) {
  while (Date.now() < end + SAMPLE_MS / 2) {
    const apps = await Promise.all(c.appUrls.map(appMemory));
    samples.push({
      t_s: Math.round((Date.now() - t0) / 1000),
      apps_mb: apps.map((a) => a.rss),
      apps_heap_mb: apps.map((a) => a.heap),
      apps_external_mb: apps.map((a) => a.external),
      workers_mb: c.workers.map((w) => procRss(w.child.pid)),
    });
    const last = samples[samples.length - 1];
    console.log(`[soak] ${last.t_s} s: app RSS ${last.apps_mb.join(' / ')} MB (heap ${last.apps_heap_mb.join(' / ')}, external ${last.apps_external_mb.join(' / ')}), worker RSS ${last.workers_mb.join(' / ')} MB; ${[...stats.values()].reduce((n, s) => n + s.ok + s.busy + s.errors, 0)} requests, ${[...stats.values()].reduce((n, s) => n + s.errors, 0)} errors`);
    await sleep(SAMPLE_MS);
  }
}

const median = (a: number[]) => {
  const s = [...a].sort((x, y) => x - y);
  return s.length ? s[Math.floor(s.length / 2)] : NaN;
};

async function main() {
  const haproxy = haproxyBinary();
  if (!haproxy) {
    console.error('haproxy is not installed (Debian: apt-get install -y haproxy)');
    process.exit(2);
  }
  buildIfNeeded();
  const load0 = os.loadavg();
  c = await startCluster({ haproxy, env: SETTINGS });
  try {
    // A few shops and listings to browse (the smallest volume of scripts/seed-scale.ts).
    const seeded = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/seed-scale.ts', '0.0001'], { cwd: root, env: c.env, encoding: 'utf8' });
    if (seeded.status !== 0) throw new Error(`seed-scale failed: ${seeded.stdout}${seeded.stderr}`);
    tee = (await c.sql.query(`SELECT v.id FROM "ProductVariant" v JOIN "Product" p ON p.id = v."productId" WHERE p.slug = 'tee' ORDER BY v.sku LIMIT 1`)).rows[0].id as string;
    const photo = fs.readFileSync(path.join(root, 'tests/tryon/astronaut.png'));
    // Seeding loads the database: an instance whose readiness check timed out meanwhile is out of
    // HAProxy's rotation until two good checks. The traffic starts once the proxy serves again.
    await until(async () => {
      for (let i = 0; i < 6; i++) if ((await fetch(`${c.proxyUrl}/api/ready`)).status !== 200) return undefined;
      return true;
    }, 'the proxy to serve after seeding', 120_000, 500);
    t0 = Date.now();
    const end = t0 + DURATION_MS;
    console.log(`[soak] ${MINUTES} min of mixed traffic through ${c.proxyUrl} (apps ${c.appUrls.join(', ')})`);
    await Promise.all([...Array.from({ length: 4 }, () => browse(end)), studio(end), tryon(end, photo), buyer(end), factory(end), sampler(end)]);

    // The paid orders' print files: made by the workers once the load stops, within two minutes.
    const paid = await until(
      async () => {
        const r = await c.sql.query(`SELECT count(*) FILTER (WHERE status <> 'PENDING_PAYMENT')::int AS paid, count(*)::int AS n FROM "Order" WHERE id = ANY($1)`, [[...orders]]);
        return r.rows[0].paid === r.rows[0].n ? (r.rows[0].paid as number) : undefined;
      },
      'every paid order to leave PENDING_PAYMENT',
      120_000,
      1000,
    ).catch(() => -1);
    if (paid < 0) fail('pay', 'some paid orders were still pending payment two minutes after the load');
    const jobs = await c.sql.query(`SELECT status::text, count(*)::int AS n FROM "FulfillmentJob" WHERE "orderId" = ANY($1) GROUP BY status`, [[...orders]]);

    const apps = c.appUrls.map((url, i) => {
      const series = samples.map((s) => s.apps_mb[i]).filter((v): v is number => v !== null);
      const after = samples.filter((s) => s.t_s * 1000 >= WARMUP_MS && s.apps_mb[i] !== null);
      // Growth is read from the floor of each third after the warm-up: the lowest sample, which is
      // where a garbage collection leaves the process. A leak raises that floor; garbage the V8 heap
      // has not collected yet (a swing of a few hundred MB under load) does not. The medians of the
      // first and last minute are kept beside it.
      const mb = after.map((s) => s.apps_mb[i]!);
      const third = Math.max(1, Math.floor(mb.length / 3));
      const floorStart = Math.min(...mb.slice(0, third));
      const floorEnd = Math.min(...mb.slice(-third));
      const growth = Math.round(((floorEnd - floorStart) / floorStart) * 1000) / 10;
      const n = Math.max(1, Math.min(6, Math.floor(after.length / 3)));
      const base = median(mb.slice(0, n));
      const last = median(mb.slice(-n));
      const medianGrowth = Math.round(((last - base) / base) * 1000) / 10;
      return {
        app: `app${i + 1}`,
        url,
        floor_after_warmup_mb: floorStart,
        floor_end_mb: floorEnd,
        growth_pct: growth,
        median_after_warmup_mb: base,
        median_end_mb: last,
        median_growth_pct: medianGrowth,
        max_mb: Math.max(...series),
        pass: growth <= GROWTH_GOAL * 100 && Math.max(...series) <= RSS_GOAL_MB,
      };
    });
    const kinds = Object.fromEntries(
      [...stats].map(([k, s]) => [k, { ok: s.ok, busy: s.busy, errors: s.errors, p50_ms: Math.round(median(s.ms)), p95_ms: Math.round(p95(s.ms)) }]),
    );
    const errors = [...stats.values()].reduce((n, s) => n + s.errors, 0);
    const result = {
      started: new Date(t0).toISOString(),
      minutes: MINUTES,
      warmup_s: WARMUP_MS / 1000,
      machine: { cores: os.cpus().length, loadavg_start: load0.map((l) => Math.round(l * 10) / 10), loadavg_end: os.loadavg().map((l) => Math.round(l * 10) / 10), note: 'shared machine: other jobs ran beside the soak' },
      settings: SETTINGS,
      // The allocator each app and worker process ran with (the cluster starts them with jemalloc where it is installed).
      malloc: Object.fromEntries([...c.apps, ...c.workers].map((p) => [p.name, usesJemalloc(p.child.pid!) ? 'jemalloc' : 'glibc'])),
      topology: 'HAProxy (deploy/haproxy.cfg) → 2 app processes (next start, RUN_WORKER_IN_APP=0) + 2 workers (npm run worker), standalone PostgreSQL, s3rver, local Stripe-compatible server',
      goals: { errors: 0, app_rss_growth_after_warmup_pct_max: GROWTH_GOAL * 100, app_rss_mb_max: RSS_GOAL_MB },
      pass: errors === 0 && apps.every((a) => a.pass),
      errors,
      requests: kinds,
      orders: { placed: orders.size, shipped_by_factory: shipped.size, print_jobs: Object.fromEntries(jobs.rows.map((r) => [r.status, r.n])) },
      apps,
      rss_samples: samples,
      error_samples: errorSamples,
      // HAProxy's log lines for connections it ended abnormally (termination state not "----"): which
      // side closed first, for any error above.
      proxy_abnormal: c.haproxy.lines.filter((l) => /^[^-]|-[^-]/.test(/ ([A-Za-z-]{4}) \d+\/\d+\/\d+\/\d+\/\d+ /.exec(l)?.[1] ?? '----')).slice(-30),
    };
    fs.writeFileSync(OUT, `${JSON.stringify(result, null, 2)}\n`);
    console.log(`[soak] ${result.pass ? 'PASS' : 'FAIL'}: ${errors} errors; ${apps.map((a) => `${a.app} floor ${a.floor_after_warmup_mb} → ${a.floor_end_mb} MB (${a.growth_pct} %; medians ${a.median_after_warmup_mb} → ${a.median_end_mb} MB, ${a.median_growth_pct} %), max ${a.max_mb} MB`).join('; ')}`);
    console.log(`[soak] wrote ${path.relative(process.cwd(), OUT)}`);
    process.exitCode = result.pass ? 0 : 1;
  } finally {
    for (const cl of clients) cl.close();
    await c.stop();
  }
}

await main();
