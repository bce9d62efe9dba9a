// The mockup compositor: pattern through the UV map at true print scale (trilinear mip sampling),
// over the variant colour, times shading, screen highlight, over the background, overlay on top.
import sharp from 'sharp';
import { getTemplate, type LoadedTemplate } from './template';
import { decodeTile, pyramidFor, type DecodedTile } from './tile';

export type MockupFormat = 'png' | 'webp';

export interface RenderMockupInput {
  product: string;
  view: string;
  /** '#rrggbb' or 'rrggbb' */
  variantColorHex: string;
  /** seamless pattern tile (PNG, JPEG or WebP) */
  tile: Buffer;
  /** physical inches per horizontal repeat of the tile */
  repeatIn: number;
  size?: 512 | 1024;
  format?: MockupFormat;
}

export class MockupNotFoundError extends Error {}

export function parseHex(hex: string): [number, number, number] {
  const m = /^#?([0-9a-fA-F]{6})$/.exec(hex.trim());
  if (!m) throw new Error(`not a #rrggbb colour: ${hex}`);
  const n = parseInt(m[1], 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** Bilinear, wrap-around sample at texel coordinates (x, y) (texel centres at +0.5), added with weight wgt. */
function bilerp(d: Float32Array, w: number, h: number, tx: number, ty: number, wgt: number, acc: Float64Array): void {
  const x = tx - 0.5, y = ty - 0.5;
  const xf = Math.floor(x), yf = Math.floor(y);
  const fx = x - xf, fy = y - yf;
  let x0 = (xf | 0) % w, y0 = (yf | 0) % h;
  if (x0 < 0) x0 += w;
  if (y0 < 0) y0 += h;
  const x1 = x0 + 1 === w ? 0 : x0 + 1, y1 = y0 + 1 === h ? 0 : y0 + 1;
  const a = (y0 * w + x0) * 3, b = (y0 * w + x1) * 3, c = (y1 * w + x0) * 3, e = (y1 * w + x1) * 3;
  const gx = 1 - fx, gy = 1 - fy;
  const w00 = gx * gy * wgt, w01 = fx * gy * wgt, w10 = gx * fy * wgt, w11 = fx * fy * wgt;
  acc[0] += d[a] * w00 + d[b] * w01 + d[c] * w10 + d[e] * w11;
  acc[1] += d[a + 1] * w00 + d[b + 1] * w01 + d[c + 1] * w10 + d[e + 1] * w11;
  acc[2] += d[a + 2] * w00 + d[b + 2] * w01 + d[c + 2] * w10 + d[e + 2] * w11;
}

/** Composites into a raw RGB buffer of the template's size (exported for tests and the bench). */
export function compositeRaw(t: LoadedTemplate, tile: DecodedTile, rgb: [number, number, number], repeatIn: number): Buffer {
  if (!(repeatIn > 0)) throw new Error('repeatIn must be > 0');
  const out = Buffer.allocUnsafe(t.background.length);
  out.set(t.background);
  const px = new Uint8ClampedArray(out.buffer, out.byteOffset, out.length);
  const { idx, alpha, shade, highlight, mask, u, v, log2Footprint } = t;
  const texPerIn = tile.width / repeatIn; // tile texels per inch, both axes (square texels)
  const levels = pyramidFor(tile, t.medianLog2Footprint + Math.log2(texPerIn));
  const nLevels = levels.length;
  const log2Tpi = Math.log2((texPerIn * levels[0].w) / tile.width); // level-0 texels per inch
  const scx = new Float64Array(nLevels), scy = new Float64Array(nLevels);
  for (let l = 0; l < nLevels; l++) {
    scx[l] = (levels[l].w / tile.width) * texPerIn;
    scy[l] = (levels[l].h / tile.height) * texPerIn;
  }
  const [tr, tg, tb] = rgb;
  const bg = t.background;
  const acc = new Float64Array(3);
  const ld = levels.map((l) => l.data), lw = levels.map((l) => l.w), lh = levels.map((l) => l.h);

  const n = idx.length;
  const maxL = nLevels - 1;
  for (let k = 0; k < n; k++) {
    const i = idx[k];
    let r = tr, g = tg, b = tb;
    const m = mask[k];
    if (m > 0) {
      const lod = log2Footprint[k] + log2Tpi;
      const uu = u[k], vv = v[k];
      // level choice: "brilinear" = blend two levels only near a level transition
      let lv = 0, f = 0, two = false;
      if (lod > 0) {
        if (lod >= maxL) lv = maxL;
        else {
          const l0 = lod | 0;
          const fr = (lod - l0 - 0.25) * 2;
          if (fr <= 0) lv = l0;
          else if (fr >= 1) lv = l0 + 1;
          else {
            two = true;
            lv = l0;
            f = fr * fr * (3 - 2 * fr);
          }
        }
      }
      if (!two) {
        // one bilinear look-up (the common case), inlined
        const d = ld[lv], w = lw[lv], h = lh[lv];
        const x = uu * scx[lv] - 0.5, y = vv * scy[lv] - 0.5;
        const xf = Math.floor(x), yf = Math.floor(y);
        const fx = x - xf, fy = y - yf;
        let x0 = (xf | 0) % w, y0 = (yf | 0) % h;
        if (x0 < 0) x0 += w;
        if (y0 < 0) y0 += h;
        const x1 = x0 + 1 === w ? 0 : x0 + 1, r0 = y0 * w, r1 = (y0 + 1 === h ? 0 : y0 + 1) * w;
        const a0 = (r0 + x0) * 3, a1 = (r0 + x1) * 3, a2 = (r1 + x0) * 3, a3 = (r1 + x1) * 3;
        const gx = 1 - fx, gy = 1 - fy;
        const w00 = gx * gy, w01 = fx * gy, w10 = gx * fy, w11 = fx * fy;
        r += (d[a0] * w00 + d[a1] * w01 + d[a2] * w10 + d[a3] * w11 - r) * m;
        g += (d[a0 + 1] * w00 + d[a1 + 1] * w01 + d[a2 + 1] * w10 + d[a3 + 1] * w11 - g) * m;
        b += (d[a0 + 2] * w00 + d[a1 + 2] * w01 + d[a2 + 2] * w10 + d[a3 + 2] * w11 - b) * m;
      } else {
        acc[0] = acc[1] = acc[2] = 0;
        bilerp(ld[lv], lw[lv], lh[lv], uu * scx[lv], vv * scy[lv], 1 - f, acc);
        bilerp(ld[lv + 1], lw[lv + 1], lh[lv + 1], uu * scx[lv + 1], vv * scy[lv + 1], f, acc);
        r += (acc[0] - r) * m;
        g += (acc[1] - g) * m;
        b += (acc[2] - b) * m;
      }
    }
    const s = shade[k];
    const hl = highlight[k];
    r *= s;
    g *= s;
    b *= s;
    r += (255 - r) * hl;
    g += (255 - g) * hl;
    b += (255 - b) * hl;
    const a = alpha[k];
    const o = i * 3;
    px[o] = bg[o] + (r - bg[o]) * a;
    px[o + 1] = bg[o + 1] + (g - bg[o + 1]) * a;
    px[o + 2] = bg[o + 2] + (b - bg[o + 2]) * a;
  }

  const oi = t.overlayIdx, orgb = t.overlayRgb, oa = t.overlayA;
  for (let j = 0; j < oi.length; j++) {
    const o = oi[j] * 3, a = 1 - oa[j];
    px[o] = px[o] * a + orgb[j * 3];
    px[o + 1] = px[o + 1] * a + orgb[j * 3 + 1];
    px[o + 2] = px[o + 2] * a + orgb[j * 3 + 2];
  }
  return out;
}

export async function encodeMockup(raw: Buffer, t: LoadedTemplate, size: number, format: MockupFormat): Promise<Buffer> {
  let img = sharp(raw, { raw: { width: t.width, height: t.height, channels: 3 } });
  if (size !== Math.max(t.width, t.height)) img = img.resize({ width: Math.round((t.width * size) / Math.max(t.width, t.height)), kernel: 'lanczos3' });
  return format === 'webp' ? img.webp({ quality: 90, effort: 1 }).toBuffer() : img.png({ compressionLevel: 1, adaptiveFiltering: false }).toBuffer();
}

/** Renders one mockup view; throws MockupNotFoundError for an unknown product/view. */
export async function renderMockup(input: RenderMockupInput): Promise<Buffer> {
  const tp = getTemplate(input.product, input.view);
  if (!tp) throw new MockupNotFoundError(`No mockup template for ${input.product}/${input.view}.`);
  const [t, tile] = await Promise.all([tp, decodeTile(input.tile)]);
  const raw = compositeRaw(t, tile, parseHex(input.variantColorHex), input.repeatIn);
  const long = Math.max(t.width, t.height);
  return encodeMockup(raw, t, Math.min(input.size ?? long, long), input.format ?? 'png');
}
