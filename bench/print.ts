// Print artwork: the tee front at 300 DPI (time and peak memory in a separate process), its
// crispness (off-palette share of a 1200 px crop) side by side with SR ×4 and bicubic made from
// the same tile in the same run, and its fidelity to the preview over several designs. Writes
// bench/print-crops.png: the same 400 px at 100 % from each.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { decodeRgb, matchPreview, offPaletteShare, vectoriseTile } from '../lib/print';
import { BENCH_RECIPE } from './print-recipe';
import type { Metrics } from './types';

const root = path.resolve(import.meta.dirname, '..');
const r3 = (v: number) => Math.round(v * 1000) / 1000;

/** A seamless tile enlarged to `size` by a 3×3 mosaic resize (no edge artefacts). */
async function enlargeSeamless(png: Buffer, size: number, kernel: 'cubic' | 'lanczos3'): Promise<Buffer> {
  const { data, width: w } = await decodeRgb(png);
  const mosaic = Buffer.alloc(w * 3 * w * 3 * 3);
  for (let y = 0; y < w * 3; y++) for (let k = 0; k < 3; k++) mosaic.set(data.subarray((y % w) * w * 3, ((y % w) + 1) * w * 3), (y * w * 3 + k * w) * 3);
  return sharp(mosaic, { raw: { width: w * 3, height: w * 3, channels: 3 } }).resize(size * 3, size * 3, { kernel }).extract({ left: size, top: size, width: size, height: size }).png().toBuffer();
}

const FIDELITY_PROMPTS = ['red hearts on navy', 'small white dots on black, grid', 'orange cats on cream, scattered', 'green zigzag on cream', 'yellow stars on black', 'pink flowers on mint'];

export async function benchPrint(): Promise<Metrics> {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bench-print-')), 'front.png');
  const child = (kind: string, out: string) => JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', 'bench/print-child.ts', out, kind], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 24 }).trim().split('\n').at(-1)!);
  const r = child('diffusion', file);
  const p = child('pattern', `${file}.pattern.png`);
  const front = fs.readFileSync(file);

  const gen = await import('../lib/generation/generate');
  const info = await gen.getModelInfo();
  const recipe = { ...BENCH_RECIPE, modelId: info.id, modelSha256: info.modelSha256 };
  const preview = await gen.renderRecipe(recipe);
  const crop = { left: 600, top: 600, width: 1200, height: 1200 };
  const vectorShare = offPaletteShare(await decodeRgb(front, crop));
  const sr4 = await enlargeSeamless(await gen.upscale(preview, 4), 1200, 'lanczos3');
  const bicubic = await enlargeSeamless(preview, 1200, 'cubic');
  const srShare = offPaletteShare(await decodeRgb(sr4));
  const bicubicShare = offPaletteShare(await decodeRgb(bicubic));

  // The same 400 px of the repeat at 100 %, from each: print file | SR ×4 | bicubic.
  const part = { left: 300, top: 300, width: 400, height: 400 };
  const tiles = [await sharp(front, { limitInputPixels: false }).extract(part).png().toBuffer(), await sharp(sr4).extract(part).png().toBuffer(), await sharp(bicubic).extract(part).png().toBuffer()];
  await sharp({ create: { width: 3 * 400 + 2 * 12, height: 400, channels: 3, background: '#ffffff' } })
    .composite(tiles.map((input, i) => ({ input, left: i * 412, top: 0 })))
    .png()
    .toFile(path.join(root, 'bench', 'print-crops.png'));

  // Fidelity: each design's vector print, shrunk to the preview's size, against the preview.
  const ssim: number[] = [];
  const iou: number[] = [];
  for (const [i, prompt] of FIDELITY_PROMPTS.entries()) {
    const png = await gen.renderRecipe({ ...recipe, prompt, seed: 100 + i });
    const rgb = await decodeRgb(png);
    const tile = await sharp(Buffer.from(vectoriseTile(rgb.data, rgb.width, rgb.height).svg(1200, 1200))).removeAlpha().png().toBuffer();
    const m = await matchPreview(tile, png, { left: 0, top: 0, sizePx: 1200 });
    ssim.push(m.ssim);
    iou.push(m.minIoU);
  }
  const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;
  return {
    'print.tee_front_ms': { value: Math.round(r.ms), unit: 'ms', goal: 2000, better: 'lower', note: `diffusion design: ${r.widthPx}×${r.heightPx} px, ${(r.bytes / 1e6).toFixed(1)} MB PNG, ${r.engine}, preflight included` },
    'print.tee_front_peak_rss_mb': { value: Math.round(r.peakRssMb), unit: 'MB', goal: 400, better: 'lower', note: 'diffusion design: the model is loaded to re-render the preview' },
    'print.tee_front_pattern_ms': { value: Math.round(p.ms), unit: 'ms', goal: 2000, better: 'lower', note: `pattern-engine design, ${p.engine}, printed from its vectors` },
    'print.tee_front_pattern_peak_rss_mb': { value: Math.round(p.peakRssMb), unit: 'MB', goal: 400, better: 'lower' },
    'print.offpalette_share': { value: r3(vectorShare), unit: 'share', goal: 0.03, better: 'lower', note: 'pixels > ΔE76 12 from the crop’s 6 main colours, 1200 px crop of the tee front' },
    'print.offpalette_share_sr4': { value: r3(srShare), unit: 'share', better: 'lower', note: 'same tile, SR ×4 + Lanczos to the 1200 px repeat' },
    'print.offpalette_share_bicubic': { value: r3(bicubicShare), unit: 'share', better: 'lower', note: 'same tile, bicubic to the 1200 px repeat' },
    'print.preview_ssim_mean': { value: r3(mean(ssim)), unit: 'ssim', goal: 0.9, better: 'higher', note: `min ${r3(Math.min(...ssim))} over ${ssim.length} designs, print shrunk to 64 px vs preview` },
    'print.preview_min_iou_mean': { value: r3(mean(iou)), unit: 'iou', goal: 0.9, better: 'higher', note: `min ${r3(Math.min(...iou))}: each colour's mask, print vs preview` },
  };
}
