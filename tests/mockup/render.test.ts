import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { poolStats } from '../../lib/mockup/pool';
import { clearTileCache, compositeRaw, compositeRawParallel, decodeTile, getTemplate, loadTemplateDir, registerTemplate, renderMockup, type LoadedTemplate } from '../../lib/mockup';

/** A tile whose red channel is a sine with one period across x (or y); green and blue constant. */
async function sineTile(n: number, axis: 'x' | 'y'): Promise<Buffer> {
  const px = Buffer.alloc(n * n * 3);
  for (let y = 0; y < n; y++)
    for (let x = 0; x < n; x++) {
      const t = axis === 'x' ? x : y;
      const o = (y * n + x) * 3;
      px[o] = Math.round(128 + 100 * Math.sin((2 * Math.PI * (t + 0.5)) / n));
      px[o + 1] = 128;
      px[o + 2] = 128;
    }
  return sharp(px, { raw: { width: n, height: n, channels: 3 } }).png().toBuffer();
}

async function solidTile(rgb: [number, number, number]): Promise<Buffer> {
  return sharp({ create: { width: 64, height: 64, channels: 3, background: { r: rgb[0], g: rgb[1], b: rgb[2] } } }).png().toBuffer();
}

/** Mean distance between rising zero crossings of (R/G - 1) along a line of pixels. */
function period(raw: Buffer, W: number, pts: [number, number][]): number {
  const sig = pts.map(([x, y]) => {
    const o = (y * W + x) * 3;
    return raw[o] / Math.max(1, raw[o + 1]) - 1;
  });
  const cross: number[] = [];
  for (let i = 1; i < sig.length; i++) if (sig[i - 1] < 0 && sig[i] >= 0) cross.push(i - 1 + -sig[i - 1] / (sig[i] - sig[i - 1]));
  expect(cross.length).toBeGreaterThanOrEqual(3);
  return (cross[cross.length - 1] - cross[0]) / (cross.length - 1);
}

/** The pixel run along a row (or column) inside the fully printable area around (cx, cy). */
function line(t: LoadedTemplate, cx: number, cy: number, axis: 'x' | 'y', half: number): [number, number][] {
  const out: [number, number][] = [];
  for (let d = -half; d <= half; d++) out.push(axis === 'x' ? [cx + d, cy] : [cx, cy + d]);
  return out;
}

function fullMaskCentre(t: LoadedTemplate): [number, number] {
  // centre of mass of fully printable pixels
  let sx = 0, sy = 0, n = 0;
  for (let k = 0; k < t.idx.length; k++)
    if (t.mask[k] >= 0.999) {
      sx += t.idx[k] % t.width;
      sy += Math.floor(t.idx[k] / t.width);
      n++;
    }
  return [Math.round(sx / n), Math.round(sy / n)];
}

describe('mockup UV mapping', () => {
  it('prints at true scale on a flat poster: period = repeatIn x ppi (within 3%)', async () => {
    const t = (await getTemplate('poster', '18x24'))!;
    const ppi = t.json.ppi!;
    const [cx, cy] = fullMaskCentre(t);
    for (const [axis, repeatIn] of [['x', 2], ['y', 3], ['x', 0.75]] as const) {
      const tile = await decodeTile(await sineTile(64, axis));
      const raw = compositeRaw(t, tile, [255, 255, 255], repeatIn);
      const p = period(raw, t.width, line(t, cx, cy, axis, 150));
      expect(Math.abs(p / (repeatIn * ppi) - 1)).toBeLessThan(0.03);
    }
  });

  it('prints at true scale on the tee front (cylinder wrap + folds) at the chest centre', async () => {
    const t = (await getTemplate('tee', 'front'))!;
    const ppi = t.json.ppi!;
    const [cx, cy] = fullMaskCentre(t);
    const tile = await decodeTile(await sineTile(128, 'y'));
    const raw = compositeRaw(t, tile, [255, 255, 255], 1.5);
    const p = period(raw, t.width, line(t, cx, cy, 'y', 180));
    expect(Math.abs(p / (1.5 * ppi) - 1)).toBeLessThan(0.03);
    const tileX = await decodeTile(await sineTile(128, 'x'));
    const rawX = compositeRaw(t, tileX, [255, 255, 255], 1);
    const px = period(rawX, t.width, line(t, cx, cy, 'x', 50));
    expect(Math.abs(px / (1 * ppi) - 1)).toBeLessThan(0.03);
  });

  it('maps a photo template given only a quad (homography), at the quad scale', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mockup-quad-'));
    try {
      await sharp({ create: { width: 400, height: 300, channels: 3, background: { r: 200, g: 200, b: 200 } } }).png().toFile(path.join(dir, 'photo.png'));
      fs.writeFileSync(
        path.join(dir, 'template.json'),
        JSON.stringify({
          version: 1, product: 'test-photo', view: 'front', width: 400, height: 300,
          printArea: { name: 'front', widthIn: 10, heightIn: 5 },
          layers: { background: 'photo.png' },
          mapping: { type: 'quad', quad: [[100, 50], [300, 50], [300, 150], [100, 150]] },
        }),
      );
      registerTemplate('test-photo', 'front', dir);
      const t = await loadTemplateDir(dir);
      const tile = await decodeTile(await sineTile(32, 'x'));
      const raw = compositeRaw(t, tile, [255, 255, 255], 2); // 200 px / 10 in = 20 px per inch
      const p = period(raw, t.width, line(t, 200, 100, 'x', 95));
      expect(Math.abs(p / 40 - 1)).toBeLessThan(0.03);
      // outside the quad: the photo, untouched
      expect([raw[(20 * 400 + 20) * 3], raw[(20 * 400 + 20) * 3 + 1]]).toEqual([200, 200]);
      const png = await renderMockup({ product: 'test-photo', view: 'front', variantColorHex: 'ffffff', tile: await sineTile(32, 'x'), repeatIn: 2 });
      expect((await sharp(png).metadata()).width).toBe(400);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('mockup compositing', () => {
  it('keeps the pattern inside the printable mask', async () => {
    for (const [product, view] of [['tee', 'front'], ['mug', 'front'], ['phone-case', 'back']]) {
      const t = (await getTemplate(product, view))!;
      const raw = compositeRaw(t, await decodeTile(await solidTile([0, 255, 0])), [255, 255, 255], 2);
      const maskAt = new Float32Array(t.width * t.height);
      for (let k = 0; k < t.idx.length; k++) maskAt[t.idx[k]] = t.mask[k];
      let outside = 0, leaked = 0, inside = 0, green = 0;
      for (let i = 0; i < maskAt.length; i++) {
        const g = raw[i * 3 + 1] - Math.max(raw[i * 3], raw[i * 3 + 2]);
        if (maskAt[i] === 0) {
          outside++;
          // the overlay (camera glass, drawstrings) and backgrounds are neutral: no green there
          if (g > 6) leaked++;
        } else if (maskAt[i] >= 0.999) {
          inside++;
          if (g > 10) green++;
        }
      }
      expect(outside).toBeGreaterThan(1000);
      expect(leaked).toBe(0);
      expect(green / inside).toBeGreaterThan(0.95);
    }
  });

  it('tints the blank product to the variant colour', async () => {
    const t = (await getTemplate('tee', 'front'))!;
    const tile = await decodeTile(await solidTile([0, 255, 0]));
    // a product pixel that is fully opaque, unprintable and plainly lit (the sleeve)
    let k = -1;
    for (let j = 0; j < t.idx.length; j++) if (t.alpha[j] === 1 && t.mask[j] === 0 && t.shade[j] > 0.8 && t.highlight[j] < 0.05) { k = j; break; }
    expect(k).toBeGreaterThanOrEqual(0);
    const i = t.idx[k];
    for (const rgb of [[0x1c, 0x19, 0x17], [0xe7, 0xdc, 0xc8], [200, 30, 40]] as [number, number, number][]) {
      const raw = compositeRaw(t, tile, rgb, 2);
      for (let c = 0; c < 3; c++) {
        const expected = rgb[c] * t.shade[k] + (255 - rgb[c] * t.shade[k]) * t.highlight[k];
        expect(Math.abs(raw[i * 3 + c] - expected)).toBeLessThanOrEqual(1.5);
      }
    }
    // and a red shirt is red, a navy one blue-ish
    const red = compositeRaw(t, tile, [200, 30, 40], 2);
    expect(red[i * 3]).toBeGreaterThan(red[i * 3 + 1] * 3);
  });

  it('is deterministic: same inputs, same bytes', async () => {
    const tile = await sineTile(64, 'x');
    const a = await renderMockup({ product: 'mug', view: 'front', variantColorHex: '#27272a', tile, repeatIn: 1.25, size: 512 });
    clearTileCache();
    const b = await renderMockup({ product: 'mug', view: 'front', variantColorHex: '27272a', tile: Buffer.from(tile), repeatIn: 1.25, size: 512 });
    expect(a.equals(b)).toBe(true);
    const meta = await sharp(a).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['png', 512, 512]);
  });

  it('gives the same bytes on one thread and split with the worker', async () => {
    const t = (await getTemplate('hoodie', 'front'))!;
    const tile = await decodeTile(await sineTile(64, 'x'));
    const a = compositeRaw(t, tile, [30, 41, 59], 0.8);
    const before = poolStats.workerJobs;
    const b = await compositeRawParallel(t, tile, [30, 41, 59], 0.8);
    expect(poolStats.workerJobs).toBe(before + 1); // the second band was drawn by the worker thread
    expect(a.equals(b)).toBe(true);
  });

  it('ships every template a product needs, within the size budget', async () => {
    const root = path.join(import.meta.dirname, '../../lib/mockup/templates');
    const size = (d: string): number => fs.readdirSync(d, { withFileTypes: true }).reduce((s, e) => s + (e.isDirectory() ? size(path.join(d, e.name)) : fs.statSync(path.join(d, e.name)).size), 0);
    expect(size(root)).toBeLessThan(12 * 1024 * 1024);
    for (const p of ['hoodie/front', 'hoodie/back', 'tee/front', 'tee/back', 'mug/front', 'tote/front', 'poster/18x24', 'phone-case/back'])
      expect(fs.existsSync(path.join(root, p, 'template.json'))).toBe(true);
  });
});
