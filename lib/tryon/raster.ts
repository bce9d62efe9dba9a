// Small raster toolkit on typed arrays: RGB images, float maps, box blur, bilinear sampling,
// a grey-guided filter for mask edges, connected components. No dependencies, O(pixels).
import sharp from 'sharp';

export interface Rgb {
  w: number;
  h: number;
  /** RGB, 3 bytes per pixel */
  data: Uint8Array;
}

export interface FMap {
  w: number;
  h: number;
  data: Float32Array;
}

export const fmap = (w: number, h: number, fill = 0): FMap => ({ w, h, data: fill ? new Float32Array(w * h).fill(fill) : new Float32Array(w * h) });

export async function decodeRgb(input: Buffer | string, maxEdge?: number): Promise<Rgb> {
  let s = sharp(input, { limitInputPixels: 40_000_000 }).rotate().removeAlpha().toColourspace('srgb');
  if (maxEdge) s = s.resize(maxEdge, maxEdge, { fit: 'inside', withoutEnlargement: false, kernel: 'lanczos3' });
  const { data, info } = await s.raw().toBuffer({ resolveWithObject: true });
  if (info.channels !== 3) throw new Error(`expected 3 channels, got ${info.channels}`);
  return { w: info.width, h: info.height, data: new Uint8Array(data.buffer, data.byteOffset, data.length) };
}

export async function resizeRgb(img: Rgb, w: number, h: number): Promise<Rgb> {
  const out = await sharp(Buffer.from(img.data.buffer, img.data.byteOffset, img.data.length), { raw: { width: img.w, height: img.h, channels: 3 } })
    .resize(w, h, { fit: 'fill', kernel: 'lanczos3' })
    .raw()
    .toBuffer();
  return { w, h, data: new Uint8Array(out.buffer, out.byteOffset, out.length) };
}

export function encodeJpeg(img: Rgb, quality = 88): Promise<Buffer> {
  return sharp(Buffer.from(img.data.buffer, img.data.byteOffset, img.data.length), { raw: { width: img.w, height: img.h, channels: 3 } })
    .jpeg({ quality, mozjpeg: false, chromaSubsampling: '4:4:4' })
    .toBuffer();
}

export function encodePng(img: Rgb): Promise<Buffer> {
  return sharp(Buffer.from(img.data.buffer, img.data.byteOffset, img.data.length), { raw: { width: img.w, height: img.h, channels: 3 } }).png().toBuffer();
}

export async function mapToPng(m: FMap): Promise<Buffer> {
  const b = Buffer.alloc(m.w * m.h);
  for (let i = 0; i < b.length; i++) b[i] = Math.max(0, Math.min(255, Math.round(m.data[i] * 255)));
  return sharp(b, { raw: { width: m.w, height: m.h, channels: 1 } }).png().toBuffer();
}

/** Bilinear resize of a float map (maps are smooth: no ringing wanted). */
export function resizeMap(m: FMap, w: number, h: number): FMap {
  const out = fmap(w, h);
  const src = m.data;
  const dst = out.data;
  const sx = m.w / w;
  const sy = m.h / h;
  // source columns and weights are the same on every row
  const cx0 = new Int32Array(w);
  const cx1 = new Int32Array(w);
  const ctx = new Float64Array(w);
  for (let x = 0; x < w; x++) {
    const fx = Math.min(m.w - 1, Math.max(0, (x + 0.5) * sx - 0.5));
    cx0[x] = Math.floor(fx);
    cx1[x] = Math.min(m.w - 1, cx0[x] + 1);
    ctx[x] = fx - cx0[x];
  }
  for (let y = 0; y < h; y++) {
    const fy = Math.min(m.h - 1, Math.max(0, (y + 0.5) * sy - 0.5));
    const y0 = Math.floor(fy);
    const r0 = y0 * m.w;
    const r1 = Math.min(m.h - 1, y0 + 1) * m.w;
    const ty = fy - y0;
    const o = y * w;
    for (let x = 0; x < w; x++) {
      const x0 = cx0[x];
      const x1 = cx1[x];
      const tx = ctx[x];
      const a = src[r0 + x0] * (1 - tx) + src[r0 + x1] * tx;
      const b = src[r1 + x0] * (1 - tx) + src[r1 + x1] * tx;
      dst[o + x] = a * (1 - ty) + b * ty;
    }
  }
  return out;
}

// scratch for boxBlur's horizontal pass and column sums, grown on demand (maps are large:
// allocating them per call costs more than the blur)
let blurTmp = new Float32Array(0);
let blurCols = new Float64Array(0);

/** Box blur with radius r (clamped edges), separable, via running sums; `out` may be `src`. */
export function boxBlur(src: Float32Array, w: number, h: number, r: number, out: Float32Array<ArrayBufferLike> = new Float32Array(w * h)): Float32Array {
  if (r < 1) {
    if (out !== src) out.set(src);
    return out;
  }
  if (blurTmp.length < w * h) blurTmp = new Float32Array(w * h);
  if (blurCols.length < w) blurCols = new Float64Array(w);
  const tmp = blurTmp;
  const inv = 1 / (2 * r + 1);
  for (let y = 0; y < h; y++) {
    const row = y * w;
    let s = 0;
    for (let k = -r; k <= r; k++) s += src[row + (k < 0 ? 0 : k > w - 1 ? w - 1 : k)];
    for (let x = 0; x < w; x++) {
      tmp[row + x] = s * inv;
      const a = x + r + 1;
      const b = x - r;
      s += src[row + (a < w ? a : w - 1)] - src[row + (b > 0 ? b : 0)];
    }
  }
  // vertical pass row by row (running column sums): walking down columns misses the cache
  const cols = blurCols;
  cols.fill(0, 0, w);
  for (let k = -r; k <= r; k++) {
    const row = (k < 0 ? 0 : k > h - 1 ? h - 1 : k) * w;
    for (let x = 0; x < w; x++) cols[x] += tmp[row + x];
  }
  for (let y = 0; y < h; y++) {
    const row = y * w;
    const a = y + r + 1;
    const b = y - r;
    const add = (a < h ? a : h - 1) * w;
    const sub = (b > 0 ? b : 0) * w;
    for (let x = 0; x < w; x++) {
      out[row + x] = cols[x] * inv;
      cols[x] += tmp[add + x] - tmp[sub + x];
    }
  }
  return out;
}

/** Three box passes ≈ a Gaussian of sigma ≈ r·0.6·√3... good enough for shading maps. */
export function blur3(src: Float32Array, w: number, h: number, r: number): Float32Array {
  const a = boxBlur(src, w, h, r);
  const b = boxBlur(a, w, h, r);
  return boxBlur(b, w, h, r, a);
}

/** He et al.'s guided filter with a grey guide: snaps a soft mask to the photo's edges. */
export function guidedFilter(guide: Float32Array, p: Float32Array, w: number, h: number, r: number, eps: number): Float32Array {
  const n = w * h;
  const mI = boxBlur(guide, w, h, r);
  const mP = boxBlur(p, w, h, r);
  const ip = new Float32Array(n);
  const ii = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    ip[i] = guide[i] * p[i];
    ii[i] = guide[i] * guide[i];
  }
  const mIP = boxBlur(ip, w, h, r);
  const mII = boxBlur(ii, w, h, r);
  const a = ip; // reuse
  const b = ii;
  for (let i = 0; i < n; i++) {
    const cov = mIP[i] - mI[i] * mP[i];
    const v = mII[i] - mI[i] * mI[i];
    a[i] = cov / (v + eps);
    b[i] = mP[i] - a[i] * mI[i];
  }
  const mA = boxBlur(a, w, h, r, mIP);
  const mB = boxBlur(b, w, h, r, mII);
  const q = new Float32Array(n);
  for (let i = 0; i < n; i++) q[i] = Math.min(1, Math.max(0, mA[i] * guide[i] + mB[i]));
  return q;
}

/** Luma (Rec. 601) in 0..1. */
export function luma(img: Rgb): Float32Array {
  const n = img.w * img.h;
  const out = new Float32Array(n);
  const d = img.data;
  for (let i = 0; i < n; i++) out[i] = (0.299 * d[3 * i] + 0.587 * d[3 * i + 1] + 0.114 * d[3 * i + 2]) / 255;
  return out;
}

/** 4-connected components of `on` pixels; returns labels (0 = background) and sizes. */
export function components(on: Uint8Array, w: number, h: number): { labels: Int32Array; sizes: number[] } {
  const labels = new Int32Array(w * h);
  const sizes = [0];
  const stack: number[] = [];
  let next = 1;
  for (let i = 0; i < w * h; i++) {
    if (!on[i] || labels[i]) continue;
    let size = 0;
    labels[i] = next;
    stack.push(i);
    while (stack.length) {
      const j = stack.pop()!;
      size++;
      const x = j % w;
      const y = (j - x) / w;
      if (x > 0 && on[j - 1] && !labels[j - 1]) { labels[j - 1] = next; stack.push(j - 1); }
      if (x < w - 1 && on[j + 1] && !labels[j + 1]) { labels[j + 1] = next; stack.push(j + 1); }
      if (y > 0 && on[j - w] && !labels[j - w]) { labels[j - w] = next; stack.push(j - w); }
      if (y < h - 1 && on[j + w] && !labels[j + w]) { labels[j + w] = next; stack.push(j + w); }
    }
    sizes.push(size);
    next++;
  }
  return { labels, sizes };
}

export const clamp = (v: number, lo: number, hi: number) => (v < lo ? lo : v > hi ? hi : v);
export const smoothstep = (e0: number, e1: number, x: number) => {
  const t = clamp((x - e0) / (e1 - e0), 0, 1);
  return t * t * (3 - 2 * t);
};

/** sRGB byte -> linear 0..1, and back (tables). */
export const SRGB_TO_LIN = Float32Array.from({ length: 256 }, (_, i) => {
  const c = i / 255;
  return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
});
const LIN_TO_SRGB_N = 4096;
const LIN_TO_SRGB = Uint8Array.from({ length: LIN_TO_SRGB_N + 1 }, (_, i) => {
  const c = i / LIN_TO_SRGB_N;
  const s = c <= 0.0031308 ? c * 12.92 : 1.055 * Math.pow(c, 1 / 2.4) - 0.055;
  return Math.round(clamp(s, 0, 1) * 255);
});
export const linToSrgb = (v: number) => LIN_TO_SRGB[Math.round(clamp(v, 0, 1) * LIN_TO_SRGB_N)];
