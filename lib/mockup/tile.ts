// Pattern tiles: decode once (cached by content hash) into a wrap-around mip pyramid of float RGB.
import { createHash } from 'node:crypto';
import sharp from 'sharp';

export interface MipLevel {
  w: number;
  h: number;
  data: Float32Array; // RGB 0..255
}
export interface DecodedTile {
  sha256: string;
  width: number;
  height: number;
  /** the decoded tile (float RGB, shared memory) */
  base: MipLevel;
  /** the plain pyramid, level 0 = the tile (built on demand) */
  plain?: MipLevel[];
  /** pyramids whose level 0 is the tile area-resampled by 2^-(k/8), k = 1..7 (built on demand) */
  shifted: (MipLevel[] | undefined)[];
}

const MAX_TILE = 4096;
const cache = new Map<string, Promise<DecodedTile>>();
const CACHE_MAX = 32;

/** Area (box) resampling with wrap-around, by a factor in (0.5, 1] on each axis (separable). */
function areaResample(l: MipLevel, w2: number, h2: number): MipLevel {
  // per destination index: up to 3 source taps (wrapped) and their weights
  const taps = (n: number, n2: number) => {
    const idx = new Int32Array(n2 * 3), wt = new Float32Array(n2 * 3);
    const step = n / n2;
    for (let d = 0; d < n2; d++) {
      const a = d * step, b = a + step;
      let j = 0;
      for (let s0 = Math.floor(a); s0 < b && j < 3; s0++) {
        const w = (Math.min(b, s0 + 1) - Math.max(a, s0)) / step;
        idx[d * 3 + j] = s0 % n;
        wt[d * 3 + j] = w > 0 ? w : 0;
        j++;
      }
    }
    return { idx, wt };
  };
  const { w, h, data } = l;
  const tx = taps(w, w2), ty = taps(h, h2);
  const mid = new Float32Array(w2 * h * 3);
  for (let y = 0; y < h; y++) {
    const row = y * w * 3, orow = y * w2 * 3;
    for (let d = 0; d < w2; d++) {
      const i0 = row + tx.idx[d * 3] * 3, i1 = row + tx.idx[d * 3 + 1] * 3, i2 = row + tx.idx[d * 3 + 2] * 3;
      const a = tx.wt[d * 3], b = tx.wt[d * 3 + 1], c = tx.wt[d * 3 + 2];
      const o = orow + d * 3;
      mid[o] = data[i0] * a + data[i1] * b + data[i2] * c;
      mid[o + 1] = data[i0 + 1] * a + data[i1 + 1] * b + data[i2 + 1] * c;
      mid[o + 2] = data[i0 + 2] * a + data[i1 + 2] * b + data[i2 + 2] * c;
    }
  }
  const out = sharedF32(w2 * h2 * 3);
  const rs = w2 * 3;
  for (let d = 0; d < h2; d++) {
    const r0 = ty.idx[d * 3] * rs, r1 = ty.idx[d * 3 + 1] * rs, r2 = ty.idx[d * 3 + 2] * rs;
    const a = ty.wt[d * 3], b = ty.wt[d * 3 + 1], c = ty.wt[d * 3 + 2];
    const o = d * rs;
    for (let x = 0; x < rs; x++) out[o + x] = mid[r0 + x] * a + mid[r1 + x] * b + mid[r2 + x] * c;
  }
  return { w: w2, h: h2, data: out };
}

function pyramidFrom(base: MipLevel): MipLevel[] {
  const levels = [base];
  while (levels[levels.length - 1].w > 1 || levels[levels.length - 1].h > 1) levels.push(halve(levels[levels.length - 1]));
  return levels;
}

/** Level data lives in shared memory: the compositing worker reads it without a copy. */
function sharedF32(n: number): Float32Array {
  return new Float32Array(new SharedArrayBuffer(n * 4));
}

/**
 * The pyramid to sample for a render whose typical level of detail is `lod` (log2 texels per
 * pixel on the plain pyramid): its level 0 is pre-scaled so that typical pixels fall on a whole
 * level and need one bilinear look-up instead of two.
 */
export function pyramidFor(t: DecodedTile, lod: number): MipLevel[] {
  const k = lod > 0 ? Math.round((lod - Math.floor(lod)) * 8) % 8 : 0;
  if (k === 0) return (t.plain ??= pyramidFrom(t.base));
  let p = t.shifted[k];
  if (!p) {
    const s = Math.pow(2, -k / 8);
    const base = t.base;
    const w2 = Math.max(1, Math.round(base.w * s)), h2 = Math.max(1, Math.round(base.h * s));
    p = t.shifted[k] = pyramidFrom(areaResample(base, w2, h2));
  }
  return p;
}

/** 2x2 box reduction with wrap-around (the tile is seamless, so its pyramid is too). */
function halve(l: MipLevel): MipLevel {
  const w = Math.max(1, Math.ceil(l.w / 2)), h = Math.max(1, Math.ceil(l.h / 2));
  const out = sharedF32(w * h * 3);
  const src = l.data;
  for (let y = 0; y < h; y++) {
    const y0 = (2 * y) % l.h, y1 = (2 * y + 1) % l.h;
    for (let x = 0; x < w; x++) {
      const x0 = (2 * x) % l.w, x1 = (2 * x + 1) % l.w;
      const a = (y0 * l.w + x0) * 3, b = (y0 * l.w + x1) * 3, c = (y1 * l.w + x0) * 3, d = (y1 * l.w + x1) * 3;
      const o = (y * w + x) * 3;
      out[o] = (src[a] + src[b] + src[c] + src[d]) * 0.25;
      out[o + 1] = (src[a + 1] + src[b + 1] + src[c + 1] + src[d + 1]) * 0.25;
      out[o + 2] = (src[a + 2] + src[b + 2] + src[c + 2] + src[d + 2]) * 0.25;
    }
  }
  return { w, h, data: out };
}

export async function decodeTile(png: Buffer): Promise<DecodedTile> {
  const sha256 = createHash('sha256').update(png).digest('hex');
  let p = cache.get(sha256);
  if (p) {
    cache.delete(sha256);
    cache.set(sha256, p); // LRU touch
    return p;
  }
  p = (async () => {
    const img = sharp(png, { limitInputPixels: MAX_TILE * MAX_TILE });
    const { data, info } = await img.removeAlpha().toColourspace('srgb').raw().toBuffer({ resolveWithObject: true });
    if (info.width > MAX_TILE || info.height > MAX_TILE) throw new Error('tile too large');
    const f = sharedF32(info.width * info.height * 3);
    for (let i = 0; i < f.length; i++) f[i] = data[i];
    return { sha256, width: info.width, height: info.height, base: { w: info.width, h: info.height, data: f }, shifted: [] };
  })();
  cache.set(sha256, p);
  p.catch(() => cache.delete(sha256));
  while (cache.size > CACHE_MAX) cache.delete(cache.keys().next().value as string);
  return p;
}

/** Drops every decoded tile (benchmarks use it to measure cold renders). */
export function clearTileCache(): void {
  cache.clear();
}
