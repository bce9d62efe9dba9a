// Mockup benchmark: ms per 1024 px view (ours: sharp + typed arrays, templates cached in memory,
// tile decoded cold every run) against ImageMagick doing the same composite (tools/imagemagick.ts),
// measured side by side on the same views, tile, colour and repeat.
// Run alone: npx tsx bench/mockup.ts
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { clearTileCache, getTemplate, listTemplates, renderMockup } from '../lib/mockup';
import { imagemagickBinary, prepareImAssets, renderWithImageMagick } from '../tools/imagemagick';
import type { Metrics } from './types';

/** A seamless 512 px test tile (random shapes, wrapped), different bytes per call so no cache helps. */
async function makeTile(seed: number): Promise<Buffer> {
  const n = 512;
  const px = Buffer.alloc(n * n * 3);
  let s = seed * 2654435761 >>> 0;
  const rnd = () => ((s = (s * 1664525 + 1013904223) >>> 0) / 4294967296);
  const blobs = Array.from({ length: 24 }, () => ({ x: rnd() * n, y: rnd() * n, r: 20 + rnd() * 70, c: [rnd() * 255, rnd() * 255, rnd() * 255] }));
  for (let y = 0; y < n; y++)
    for (let x = 0; x < n; x++) {
      let c = [240, 236, 228];
      for (const b of blobs) {
        const dx = Math.min(Math.abs(x - b.x), n - Math.abs(x - b.x)), dy = Math.min(Math.abs(y - b.y), n - Math.abs(y - b.y));
        if (dx * dx + dy * dy < b.r * b.r) c = b.c;
      }
      const o = (y * n + x) * 3;
      px[o] = c[0];
      px[o + 1] = c[1];
      px[o + 2] = c[2];
    }
  return sharp(px, { raw: { width: n, height: n, channels: 3 } }).png().toBuffer();
}

const median = (a: number[]) => [...a].sort((x, y) => x - y)[a.length >> 1];

export async function benchMockup(): Promise<Metrics> {
  const views = listTemplates();
  const colors = ['#a8a29e', '#1c1917', '#fafaf9'];
  const repeatIn = 3;
  // warm the template cache (decode once per process, as the server does)
  for (const v of views) await getTemplate(v.product, v.view);
  const tiles = await Promise.all(Array.from({ length: 4 }, (_, i) => makeTile(i + 1)));

  const ours: number[] = [];
  const oursCpu: number[] = [];
  const oursWarm: number[] = [];
  const perView: Record<string, number> = {};
  const runs = 5;
  const cpuMs = () => {
    const c = process.cpuUsage();
    return (c.user + c.system) / 1000;
  };
  for (const v of views) {
    const ts: number[] = [], cs: number[] = [], ws: number[] = [];
    for (let r = 0; r < runs + 1; r++) {
      clearTileCache();
      const c0 = cpuMs();
      const t0 = performance.now();
      await renderMockup({ product: v.product, view: v.view, variantColorHex: colors[r % colors.length], tile: tiles[r % tiles.length], repeatIn, size: 1024 });
      if (r === 0) continue; // the first run warms the JIT
      ts.push(performance.now() - t0);
      cs.push(cpuMs() - c0);
      // the same tile again (decoded tile cached: a product page asks for several views of one design)
      const t1 = performance.now();
      await renderMockup({ product: v.product, view: v.view, variantColorHex: colors[(r + 1) % colors.length], tile: tiles[r % tiles.length], repeatIn, size: 1024 });
      ws.push(performance.now() - t1);
    }
    perView[`${v.product}/${v.view}`] = median(ts);
    ours.push(median(ts));
    oursCpu.push(median(cs));
    oursWarm.push(median(ws));
  }
  const mean = (a: number[]) => a.reduce((x, y) => x + y, 0) / a.length;
  const oursMs = mean(ours);

  const metrics: Metrics = {
    'mockup.view1024_ms': { value: round(oursMs), unit: 'ms', goal: 100, better: 'lower', note: `wall, mean over ${views.length} views of the median of ${runs} renders (tile decoded cold, PNG out); slowest ${maxKey(perView)}; load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores` },
    'mockup.view1024_warm_tile_ms': { value: round(mean(oursWarm)), unit: 'ms', better: 'lower', note: 'same, decoded tile already cached' },
    'mockup.view1024_cpu_ms': { value: round(mean(oursCpu)), unit: 'ms', better: 'lower', note: 'process CPU time per cold-tile render (less sensitive to other load on the machine)' },
  };

  if (imagemagickBinary()) {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'mockup-im-'));
    try {
      const tileFile = path.join(tmp, 'tile.png');
      fs.writeFileSync(tileFile, tiles[0]);
      const im: number[] = [];
      const oursSame: number[] = [];
      for (const v of views) {
        const t = (await getTemplate(v.product, v.view))!;
        const assets = await prepareImAssets(t, path.join(tmp, v.product, v.view));
        const ts: number[] = [];
        for (let r = 0; r < 2; r++) {
          const t0 = performance.now();
          await renderWithImageMagick(assets, t, tileFile, 512, 512, colors[0], repeatIn, path.join(tmp, 'out.png'));
          ts.push(performance.now() - t0);
        }
        im.push(median(ts));
        oursSame.push(perView[`${v.product}/${v.view}`]);
      }
      const imMs = im.reduce((a, b) => a + b, 0) / im.length;
      metrics['mockup.imagemagick_view1024_ms'] = { value: round(imMs), unit: 'ms', better: 'lower', note: 'convert: resize tile, tile canvas, -compose Displace (UV as displacement), mask, Multiply, Screen, CopyOpacity, Over, PNG level 1' };
      metrics['mockup.vs_imagemagick_speedup'] = { value: round(imMs / oursMs), unit: 'x', goal: 2, better: 'higher' };
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  }
  return metrics;
}

const round = (x: number) => Math.round(x * 10) / 10;
const maxKey = (o: Record<string, number>) => {
  const [k, v] = Object.entries(o).sort((a, b) => b[1] - a[1])[0];
  return `${k} ${round(v)} ms`;
};

if (import.meta.url === `file://${process.argv[1]}`) {
  const m = await benchMockup();
  for (const [k, v] of Object.entries(m)) console.log(k.padEnd(32), String(v.value).padStart(8), v.unit, v.note ?? '');
}
