// Product page latency under 50 concurrent connections on loopback against `next start`.
import autocannon from 'autocannon';
import type { Metrics } from './types';
import { startStore } from './store-server';

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export async function benchHttp(): Promise<Metrics> {
  const store = await startStore();
  try {
    const target = `${store.url}/products/tee`;
    for (let i = 0; i < 20; i++) await (await fetch(target)).arrayBuffer(); // warm caches and JIT
    const latencies: number[] = [];
    const result = await new Promise<autocannon.Result>((resolve, reject) => {
      const instance = autocannon({ url: target, connections: 50, duration: 10 }, (err, res) => (err ? reject(err) : resolve(res)));
      instance.on('response', (_client, _status, _bytes, ms) => latencies.push(ms));
    });
    latencies.sort((a, b) => a - b);
    const errors = result.errors + result.timeouts + (result.non2xx ?? 0);
    return {
      'http.product_page_p95_ms': { value: round(percentile(latencies, 95)), unit: 'ms', goal: 100, better: 'lower', note: `${latencies.length} requests, 50 connections` },
      'http.product_page_p50_ms': { value: round(percentile(latencies, 50)), unit: 'ms', better: 'lower' },
      'http.product_page_rps': { value: round(result.requests.average), unit: 'req/s', better: 'higher' },
      'http.product_page_errors': { value: errors, unit: 'count', goal: 0, better: 'lower' },
    };
  } finally {
    await store.stop();
  }
}

const round = (n: number) => Math.round(n * 10) / 10;
