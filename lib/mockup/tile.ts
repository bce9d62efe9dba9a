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
  levels: MipLevel[];
}

const MAX_TILE = 4096;
const cache = new Map<string, Promise<DecodedTile>>();
const CACHE_MAX = 32;

/** 2x2 box reduction with wrap-around (the tile is seamless, so its pyramid is too). */
function halve(l: MipLevel): MipLevel {
  const w = Math.max(1, Math.ceil(l.w / 2)), h = Math.max(1, Math.ceil(l.h / 2));
  const out = new Float32Array(w * h * 3);
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
    const f = new Float32Array(info.width * info.height * 3);
    for (let i = 0; i < f.length; i++) f[i] = data[i];
    const levels: MipLevel[] = [{ w: info.width, h: info.height, data: f }];
    while (levels[levels.length - 1].w > 1 || levels[levels.length - 1].h > 1) levels.push(halve(levels[levels.length - 1]));
    return { sha256, width: info.width, height: info.height, levels };
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
