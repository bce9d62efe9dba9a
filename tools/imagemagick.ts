// The same mockup composite done by ImageMagick (for the side-by-side benchmark only).
//
// IM has no per-pixel UV look-up short of -fx (orders of magnitude slower), so the fairest
// equivalent is the photo-mockup pipeline: the UV map is turned ONCE per template into an
// absolute displacement map (R = x shift, G = y shift, 16-bit) against a canvas tiled with the
// pattern at a reference scale (the template's median pixels per inch), plus the shade layer
// with the fabric texture already baked in. Per render, one `convert` process then does:
//   resize tile to one repeat (-resize, a proper area/Lanczos pre-filter) -> tile a canvas ->
//   roll for the pattern phase -> -compose Displace (bilinear look-up) -> over the variant
//   colour through the print mask -> Multiply shade -> Screen highlight -> CopyOpacity alpha ->
//   over background -> overlay -> PNG (zlib level 1, same as ours).
// Differences: the tile is resized to a whole number of pixels per repeat (scale error < 0.5 px
// per repeat) and IM uses one pre-filter scale for the whole view, where ours picks a mip level
// per pixel.
import { execFile, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import sharp from 'sharp';
import type { LoadedTemplate } from '../lib/mockup/template';

const run = promisify(execFile);

export interface ImAssets {
  dir: string;
  ox: number;
  oy: number;
  scale: number;
  ppiRef: number;
}

/** The real ImageMagick (`magick` or `convert` that reports itself as ImageMagick), or null. */
export function imagemagickBinary(): string | null {
  const dirs = [...(process.env.PATH ?? '').split(':'), '/usr/bin'];
  for (const b of ['magick', 'convert']) {
    for (const d of dirs) {
      const file = d && path.join(d, b);
      if (!file || !fs.existsSync(file)) continue;
      try {
        if (execFileSync(file, ['-version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 10_000 }).includes('ImageMagick')) return file;
      } catch {
        // a stand-in or a broken binary: keep looking
      }
    }
  }
  return null;
}

/** One-time per template: displacement map, baked shade, alpha, mask, highlight, background, overlay. */
export async function prepareImAssets(t: LoadedTemplate, dir: string): Promise<ImAssets> {
  fs.mkdirSync(dir, { recursive: true });
  const W = t.width, H = t.height, N = W * H;
  const ppiRef = t.medianPpi;
  const dxs: number[] = [], dys: number[] = [];
  for (let k = 0; k < t.idx.length; k += 31)
    if (t.mask[k] > 0) {
      const i = t.idx[k];
      dxs.push(t.u[k] * ppiRef - (i % W));
      dys.push(t.v[k] * ppiRef - Math.floor(i / W));
    }
  const med = (a: number[]) => (a.length ? a.sort((p, q) => p - q)[a.length >> 1] : 0);
  const ox = Math.round(med(dxs)), oy = Math.round(med(dys));
  let scale = 1;
  for (let k = 0; k < t.idx.length; k++)
    if (t.mask[k] > 0) {
      const i = t.idx[k];
      scale = Math.max(scale, Math.abs(t.u[k] * ppiRef - ox - (i % W)), Math.abs(t.v[k] * ppiRef - oy - Math.floor(i / W)));
    }
  scale = Math.ceil(scale + 1);
  const disp = new Uint16Array(N * 3).fill(32768);
  const gray = (arr: Float32Array, f: (x: number) => number) => {
    const out = new Uint8Array(N);
    for (let k = 0; k < t.idx.length; k++) out[t.idx[k]] = Math.max(0, Math.min(255, Math.round(f(arr[k]) * 255)));
    return out;
  };
  for (let k = 0; k < t.idx.length; k++) {
    if (!(t.mask[k] > 0)) continue;
    const i = t.idx[k];
    const dx = t.u[k] * ppiRef - ox - (i % W), dy = t.v[k] * ppiRef - oy - Math.floor(i / W);
    disp[i * 3] = Math.round((0.5 + dx / (2 * scale)) * 65535);
    disp[i * 3 + 1] = Math.round((0.5 + dy / (2 * scale)) * 65535);
  }
  const raw1 = (data: Uint8Array) => sharp(data, { raw: { width: W, height: H, channels: 1 } });
  await sharp(disp, { raw: { width: W, height: H, channels: 3 } }).toColourspace('rgb16').png({ compressionLevel: 1 }).toFile(path.join(dir, 'disp.png'));
  await raw1(gray(t.shade, (x) => x)).png().toFile(path.join(dir, 'shade.png'));
  await raw1(gray(t.highlight, (x) => x)).png().toFile(path.join(dir, 'highlight.png'));
  await raw1(gray(t.alpha, (x) => x)).png().toFile(path.join(dir, 'alpha.png'));
  await raw1(gray(t.mask, (x) => x)).png().toFile(path.join(dir, 'mask.png'));
  await sharp(Buffer.from(t.background), { raw: { width: W, height: H, channels: 3 } }).png().toFile(path.join(dir, 'background.png'));
  const ov = new Uint8Array(N * 4);
  for (let j = 0; j < t.overlayIdx.length; j++) {
    const i = t.overlayIdx[j], a = t.overlayA[j];
    for (let c = 0; c < 3; c++) ov[i * 4 + c] = Math.round(t.overlayRgb[j * 3 + c] / a);
    ov[i * 4 + 3] = Math.round(a * 255);
  }
  await sharp(Buffer.from(ov.buffer), { raw: { width: W, height: H, channels: 4 } }).png().toFile(path.join(dir, 'overlay.png'));
  return { dir, ox, oy, scale, ppiRef };
}

/** The `convert` argument list for one mockup. */
export function imArgs(a: ImAssets, t: LoadedTemplate, tileFile: string, tileW: number, tileH: number, hex: string, repeatIn: number, out: string): string[] {
  const W = t.width, H = t.height;
  const R = Math.max(1, Math.round(repeatIn * a.ppiRef));
  const Rh = Math.max(1, Math.round((R * tileH) / tileW));
  const Wc = Math.ceil(W / R) * R, Hc = Math.ceil(H / Rh) * Rh;
  const rx = (((-a.ox % R) + R) % R), ry = (((-a.oy % Rh) + Rh) % Rh);
  const f = (n: string) => path.join(a.dir, n);
  const col = `#${hex.replace(/^#/, '')}`;
  return [
    '-limit', 'thread', '2',
    tileFile, '-alpha', 'off', '-resize', `${R}x${Rh}!`, '-write', 'mpr:T', '+delete',
    '-size', `${Wc}x${Hc}`, 'tile:mpr:T', '-roll', `+${rx}+${ry}`, '-virtual-pixel', 'tile', '-interpolate', 'bilinear',
    f('disp.png'), '-define', `compose:args=${a.scale}x${a.scale}`, '-compose', 'Displace', '-composite',
    '-crop', `${W}x${H}+0+0`, '+repage', '-write', 'mpr:P', '+delete',
    '-size', `${W}x${H}`, `xc:${col}`, 'mpr:P', f('mask.png'), '-compose', 'Over', '-composite',
    f('shade.png'), '-compose', 'Multiply', '-composite',
    f('highlight.png'), '-compose', 'Screen', '-composite',
    f('alpha.png'), '-alpha', 'off', '-compose', 'CopyOpacity', '-composite',
    f('background.png'), '+swap', '-compose', 'Over', '-composite',
    f('overlay.png'), '-compose', 'Over', '-composite',
    '-alpha', 'off', '-define', 'png:compression-level=1', `PNG24:${out}`,
  ];
}

export async function renderWithImageMagick(a: ImAssets, t: LoadedTemplate, tileFile: string, tileW: number, tileH: number, hex: string, repeatIn: number, out: string): Promise<void> {
  const bin = imagemagickBinary();
  if (!bin) throw new Error('ImageMagick is not installed');
  await run(bin, imArgs(a, t, tileFile, tileW, tileH, hex, repeatIn, out), { maxBuffer: 1 << 20 });
}
