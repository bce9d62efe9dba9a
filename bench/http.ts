// Page latency on loopback against `next start` (the real store, scripts/start.ts):
//   - the product page under 50 connections (10 s);
//   - the home page under 50 connections for 30 s (goal p95 ≤ 100 ms, 0 errors);
//   - the product page under 50 connections while 30 generation requests run (goal p95 ≤ 100 ms).
// The store runs with a generation rate limit high enough that the 30 requests are not refused by
// it (they all come from 127.0.0.1); the render queue's own limits (2 running, 16 waiting, the
// rest 503) stay as shipped, and the loop keeps 30 requests in flight the whole time.
import autocannon from 'autocannon';
import type { Metrics } from './types';
import { startStore } from './store-server';

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function load(url: string, duration: number): Promise<{ latencies: number[]; result: autocannon.Result }> {
  for (let i = 0; i < 20; i++) await (await fetch(url)).arrayBuffer(); // warm caches and JIT
  const latencies: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({ url, connections: 50, duration }, (err, res) => (err ? reject(err) : resolve(res)));
    instance.on('response', (_client, _status, _bytes, ms) => latencies.push(ms));
  });
  latencies.sort((a, b) => a - b);
  return { latencies, result };
}

const errorsOf = (r: autocannon.Result) => r.errors + r.timeouts + (r.non2xx ?? 0);

/** Keeps `n` POST /api/generate requests in flight until stopped; counts how they ended. */
function generationLoad(base: string, n: number) {
  let stop = false;
  const counts = { done: 0, busy: 0, limited: 0, other: 0 };
  let seed = 1;
  const one = async () => {
    while (!stop) {
      try {
        const res = await fetch(`${base}/api/generate`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ prompt: 'red hearts on navy', seed: seed++ * 4 }) });
        await res.arrayBuffer();
        if (res.status === 200) counts.done++;
        else if (res.status === 503) counts.busy++;
        else if (res.status === 429) counts.limited++;
        else counts.other++;
        if (res.status !== 200) await new Promise((r) => setTimeout(r, 200));
      } catch {
        counts.other++;
      }
    }
  };
  const running = Array.from({ length: n }, one);
  return { counts, stop: async () => ((stop = true), await Promise.all(running)) };
}

export async function benchHttp(): Promise<Metrics> {
  const store = await startStore({ GENERATION_RATE_BURST: '100000', GENERATION_RATE_PER_MINUTE: '100000' });
  try {
    const product = `${store.url}/products/tee`;
    const p = await load(product, 10);
    const home = await load(`${store.url}/`, 30);
    await (await fetch(`${store.url}/api/generate`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ prompt: 'red hearts on navy', seed: 0 }) })).arrayBuffer(); // model loaded
    const gen = generationLoad(store.url, 30);
    await new Promise((r) => setTimeout(r, 2000)); // the 30 requests are running / queued
    const under = await load(product, 15);
    await gen.stop();
    const g = gen.counts;
    return {
      'http.product_page_p95_ms': { value: round(percentile(p.latencies, 95)), unit: 'ms', goal: 100, better: 'lower', note: `${p.latencies.length} requests, 50 connections` },
      'http.product_page_p50_ms': { value: round(percentile(p.latencies, 50)), unit: 'ms', better: 'lower' },
      'http.product_page_rps': { value: round(p.result.requests.average), unit: 'req/s', better: 'higher' },
      'http.product_page_errors': { value: errorsOf(p.result), unit: 'count', goal: 0, better: 'lower' },
      'http.home_p95_ms': { value: round(percentile(home.latencies, 95)), unit: 'ms', goal: 100, better: 'lower', note: `${home.latencies.length} requests, 50 connections, 30 s` },
      'http.home_p50_ms': { value: round(percentile(home.latencies, 50)), unit: 'ms', better: 'lower' },
      'http.home_errors': { value: errorsOf(home.result), unit: 'count', goal: 0, better: 'lower' },
      'http.product_page_p95_under_generation_ms': {
        value: round(percentile(under.latencies, 95)),
        unit: 'ms',
        goal: 100,
        better: 'lower',
        note: `${under.latencies.length} requests, 50 connections, 15 s, 30 generation requests in flight (${g.done} finished, ${g.busy} answered 503 busy, ${g.limited} 429, ${g.other} other)`,
      },
      'http.product_page_p50_under_generation_ms': { value: round(percentile(under.latencies, 50)), unit: 'ms', better: 'lower' },
      'http.product_page_max_under_generation_ms': { value: round(under.latencies.at(-1) ?? NaN), unit: 'ms', better: 'lower' },
      'http.product_page_errors_under_generation': { value: errorsOf(under.result), unit: 'count', goal: 0, better: 'lower' },
    };
  } finally {
    await store.stop();
  }
}

const round = (n: number) => Math.round(n * 10) / 10;
