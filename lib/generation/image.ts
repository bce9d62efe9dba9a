// Pixel helpers: model tensors <-> RGB8, periodic (wrap-around) resampling for seamless tiles.
import sharp from 'sharp';

/** NCHW float [-1,1] (one image at offset) -> interleaved RGB8. */
export function tensorToRgb8(data: Float32Array, index: number, h: number, w: number): Uint8Array {
  const plane = h * w;
  const off = index * 3 * plane;
  const out = new Uint8Array(plane * 3);
  for (let c = 0; c < 3; c++) {
    for (let p = 0; p < plane; p++) {
      const v = data[off + c * plane + p];
      const q = Math.round(((v > 1 ? 1 : v < -1 ? -1 : v) + 1) * 127.5);
      out[p * 3 + c] = q;
    }
  }
  return out;
}

/** Interleaved RGB8 -> NCHW float [-1,1] written into `dst` at image `index`. */
export function rgb8ToTensor(rgb: Uint8Array, h: number, w: number, dst?: Float32Array, index = 0): Float32Array {
  const plane = h * w;
  const out = dst ?? new Float32Array(3 * plane);
  const off = index * 3 * plane;
  for (let p = 0; p < plane; p++) for (let c = 0; c < 3; c++) out[off + c * plane + p] = rgb[p * 3 + c] / 127.5 - 1;
  return out;
}

/** Upsample one NCHW image by an integer factor, periodic boundary (the tile wraps). */
export function upsamplePeriodic(src: Float32Array, h: number, w: number, f: number, mode: 'nearest' | 'bicubic'): Float32Array {
  const H = h * f, W = w * f;
  const out = new Float32Array(3 * H * W);
  if (mode === 'nearest') {
    for (let c = 0; c < 3; c++)
      for (let y = 0; y < H; y++) {
        const sy = Math.floor(y / f);
        for (let x = 0; x < W; x++) out[c * H * W + y * W + x] = src[c * h * w + sy * w + Math.floor(x / f)];
      }
    return out;
  }
  // Keys cubic convolution (a = -0.5, as torch/PIL "bicubic" with align_corners=False)
  const A = -0.5;
  const k = (d: number) => {
    const x = Math.abs(d);
    if (x <= 1) return (A + 2) * x * x * x - (A + 3) * x * x + 1;
    if (x < 2) return A * x * x * x - 5 * A * x * x + 8 * A * x - 4 * A;
    return 0;
  };
  const weights = (n: number, N: number) =>
    Array.from({ length: N }, (_, o) => {
      const s = (o + 0.5) / f - 0.5;
      const i0 = Math.floor(s);
      const t = s - i0;
      return { idx: [-1, 0, 1, 2].map((d) => (((i0 + d) % n) + n) % n), w: [-1, 0, 1, 2].map((d) => k(t - d)) };
    });
  const wy = weights(h, H), wx = weights(w, W);
  const tmp = new Float32Array(3 * h * W);
  for (let c = 0; c < 3; c++)
    for (let y = 0; y < h; y++)
      for (let x = 0; x < W; x++) {
        const { idx, w: ww } = wx[x];
        let acc = 0;
        for (let j = 0; j < 4; j++) acc += ww[j] * src[c * h * w + y * w + idx[j]];
        tmp[c * h * W + y * W + x] = acc;
      }
  for (let c = 0; c < 3; c++)
    for (let y = 0; y < H; y++) {
      const { idx, w: ww } = wy[y];
      for (let x = 0; x < W; x++) {
        let acc = 0;
        for (let j = 0; j < 4; j++) acc += ww[j] * tmp[c * h * W + idx[j] * W + x];
        out[c * H * W + y * W + x] = acc;
      }
    }
  return out;
}

/**
 * Resizes a seamless RGB8 tile to size x size without breaking the wrap: the tile is repeated
 * 3x3, resized (Lanczos-3), and the centre cut out, so the filter sees the true neighbours.
 */
export async function resizeTile(rgb: Uint8Array, w: number, h: number, size: number): Promise<Uint8Array> {
  if (w === size && h === size) return rgb;
  const big = Buffer.alloc(w * 3 * h * 3 * 3);
  for (let ty = 0; ty < 3; ty++)
    for (let y = 0; y < h; y++)
      for (let tx = 0; tx < 3; tx++) big.set(rgb.subarray(y * w * 3, (y + 1) * w * 3), ((ty * h + y) * w * 3 + tx * w) * 3);
  const out = await sharp(big, { raw: { width: w * 3, height: h * 3, channels: 3 } })
    .resize(size * 3, size * 3, { kernel: 'lanczos3', fit: 'fill' })
    .extract({ left: size, top: size, width: size, height: size })
    .raw()
    .toBuffer();
  return new Uint8Array(out.buffer, out.byteOffset, out.length);
}

/** Decodes any PNG to RGB8. */
export async function decodeToRgb8(png: Buffer): Promise<{ rgb: Uint8Array; width: number; height: number }> {
  const { data, info } = await sharp(png).removeAlpha().toColourspace('srgb').raw().toBuffer({ resolveWithObject: true });
  return { rgb: new Uint8Array(data.buffer, data.byteOffset, data.length), width: info.width, height: info.height };
}
