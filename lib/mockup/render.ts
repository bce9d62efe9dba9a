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
  let x0 = Math.floor(x), y0 = Math.floor(y);
  const fx = x - x0, fy = y - y0;
  x0 %= w;
  if (x0 < 0) x0 += w;
  y0 %= h;
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
      acc[0] = acc[1] = acc[2] = 0;
      const lod = log2Footprint[k] + log2Tpi;
      const uu = u[k], vv = v[k];
      if (lod <= 0) bilerp(ld[0], lw[0], lh[0], uu * scx[0], vv * scy[0], 1, acc);
      else if (lod >= maxL) bilerp(ld[maxL], lw[maxL], lh[maxL], uu * scx[maxL], vv * scy[maxL], 1, acc);
      else {
        // "brilinear": blend two levels only near the level transition (|f - 0.5| < 0.25)
        const l0 = lod | 0;
        let f = (lod - l0 - 0.25) * 2;
        if (f <= 0) bilerp(ld[l0], lw[l0], lh[l0], uu * scx[l0], vv * scy[l0], 1, acc);
        else if (f >= 1) bilerp(ld[l0 + 1], lw[l0 + 1], lh[l0 + 1], uu * scx[l0 + 1], vv * scy[l0 + 1], 1, acc);
        else {
          f = f * f * (3 - 2 * f);
          bilerp(ld[l0], lw[l0], lh[l0], uu * scx[l0], vv * scy[l0], 1 - f, acc);
          bilerp(ld[l0 + 1], lw[l0 + 1], lh[l0 + 1], uu * scx[l0 + 1], vv * scy[l0 + 1], f, acc);
        }
      }
      r += (acc[0] - r) * m;
      g += (acc[1] - g) * m;
      b += (acc[2] - b) * m;
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
