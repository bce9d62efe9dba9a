// The pixel half of the PNG writer (lib/generation/png.ts): row filters and zlib, in plain
// JavaScript so the render worker threads (ort-worker.mjs) run it too, at their lower priority.
// Filter "Up" on every row but the first ("None"), zlib level 9, default strategy: all fixed, so
// the compressed bytes are a pure function of the pixels.
import zlib from 'node:zlib';

export const DEFLATE = { level: 9, memLevel: 9, strategy: zlib.constants.Z_DEFAULT_STRATEGY };

export function filterRows(rgb, width, height) {
  if (rgb.length !== width * height * 3) throw new Error(`encodePng: expected ${width * height * 3} bytes, got ${rgb.length}`);
  const stride = width * 3;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    const o = y * (stride + 1);
    const row = y * stride;
    if (y === 0) {
      raw[o] = 0;
      raw.set(rgb.subarray(row, row + stride), o + 1);
    } else {
      raw[o] = 2;
      for (let x = 0; x < stride; x++) raw[o + 1 + x] = (rgb[row + x] - rgb[row - stride + x]) & 0xff;
    }
  }
  return raw;
}

/** The IDAT payload of RGB8 pixels. */
export function pngIdat(rgb, width, height) {
  return zlib.deflateSync(filterRows(rgb, width, height), DEFLATE);
}
