// Print artwork: tee front at 300 DPI (time and peak memory, in a separate process), and how
// much sharper the SR stage is than bicubic by an edge measure (mean Sobel gradient).
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import sharp from 'sharp';
import type { Metrics } from './types';

const root = path.resolve(import.meta.dirname, '..');

async function meanGradient(png: Buffer): Promise<number> {
  const { data, info } = await sharp(png).greyscale().raw().toBuffer({ resolveWithObject: true });
  const w = info.width;
  const h = info.height;
  let sum = 0;
  for (let y = 1; y < h - 1; y++) {
    for (let x = 1; x < w - 1; x++) {
      const p = (dx: number, dy: number) => data[(y + dy) * w + x + dx];
      const gx = p(1, -1) + 2 * p(1, 0) + p(1, 1) - p(-1, -1) - 2 * p(-1, 0) - p(-1, 1);
      const gy = p(-1, 1) + 2 * p(0, 1) + p(1, 1) - p(-1, -1) - 2 * p(0, -1) - p(1, -1);
      sum += Math.hypot(gx, gy);
    }
  }
  return sum / ((w - 2) * (h - 2));
}

export async function benchPrint(): Promise<Metrics> {
  const out = execFileSync(process.execPath, ['--import', 'tsx', 'bench/print-child.ts'], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 24 });
  const r = JSON.parse(out.trim().split('\n').at(-1)!);

  const gen = await import('../lib/generation/generate');
  const info = await gen.getModelInfo();
  const ratios: number[] = [];
  for (const [seed, prompt] of [[7, 'red hearts on navy'], [8, 'small white dots on black, grid'], [9, 'orange cats on cream, scattered']] as const) {
    const recipe = { prompt, seed, modelId: info.id, modelSha256: info.modelSha256, scheduler: 'ddim', steps: 8, guidance: 3, width: 64, height: 64, tileable: true };
    const low = await gen.renderRecipe(recipe);
    const sr = await gen.upscale(recipe, 4);
    const bicubic = await sharp(low).resize(256, 256, { kernel: 'cubic' }).png().toBuffer();
    ratios.push((await meanGradient(sr)) / (await meanGradient(bicubic)));
  }
  const ratio = ratios.reduce((a, b) => a + b, 0) / ratios.length;
  return {
    'print.tee_front_ms': { value: Math.round(r.ms), unit: 'ms', goal: 6000, better: 'lower', note: `${r.widthPx}×${r.heightPx} px, ${(r.bytes / 1e6).toFixed(1)} MB PNG` },
    'print.tee_front_peak_rss_mb': { value: Math.round(r.peakRssMb), unit: 'MB', goal: 500, better: 'lower' },
    'print.sr_vs_bicubic_edge_ratio': { value: Math.round(ratio * 100) / 100, unit: 'x', goal: 1, better: 'higher', note: 'mean Sobel gradient, SR x4 / bicubic x4' },
  };
}
