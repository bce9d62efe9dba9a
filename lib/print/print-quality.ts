// Pixel measures of print artwork: does a file show the design it claims (against the preview
// the shopper saw), and is it crisp (how much of it is blur, mesh or speckle between colours)?
import sharp, { type Sharp } from 'sharp';
import { labPixels, rgbToLab, type Lab } from './colour';
import { extractPalette } from './palette';

export interface RgbImage {
  data: Uint8Array; // interleaved RGB
  width: number;
  height: number;
}

export async function decodeRgb(png: Buffer, region?: { left: number; top: number; width: number; height: number }): Promise<RgbImage> {
  let img = sharp(png, { limitInputPixels: false }).removeAlpha();
  if (region) img = img.extract(region);
  const { data, info } = await img.raw().toBuffer({ resolveWithObject: true });
  return { data: new Uint8Array(data.buffer, data.byteOffset, data.length), width: info.width, height: info.height };
}

/**
 * Share of pixels more than `deltaE` (CIE76) from every one of the image's main colours (a
 * plain histogram-seeded k-means, rims kept). Flat artwork with antialiased edges scores ~1 %;
 * blur, mesh and speckle raise it.
 */
export function offPaletteShare(img: RgbImage, opts: { colours?: number; deltaE?: number } = {}): number {
  const palette = extractPalette(img.data, img.width, img.height, 3, { maxColours: opts.colours ?? 6, mergeDeltaE: 8, minShare: 0.001, dropBlends: false });
  const limit = (opts.deltaE ?? 12) ** 2;
  const labs = labPixels(img.data, 3);
  let off = 0;
  const n = img.width * img.height;
  for (let i = 0; i < n; i++) {
    let near = false;
    for (const c of palette.labs) {
      if ((labs[i * 3] - c[0]) ** 2 + (labs[i * 3 + 1] - c[1]) ** 2 + (labs[i * 3 + 2] - c[2]) ** 2 <= limit) {
        near = true;
        break;
      }
    }
    if (!near) off++;
  }
  return off / n;
}

function luma(img: RgbImage): Float64Array {
  const y = new Float64Array(img.width * img.height);
  for (let i = 0; i < y.length; i++) y[i] = 0.299 * img.data[i * 3] + 0.587 * img.data[i * 3 + 1] + 0.114 * img.data[i * 3 + 2];
  return y;
}

/** Mean SSIM of luminance, Gaussian window (σ 1.5, 11×11), periodic borders (tiles repeat). */
export function ssimLuma(a: RgbImage, b: RgbImage): number {
  if (a.width !== b.width || a.height !== b.height) throw new Error('ssimLuma: sizes differ');
  const { width: w, height: h } = a;
  const x = luma(a);
  const y = luma(b);
  const R = 5;
  const g = Array.from({ length: 2 * R + 1 }, (_, i) => Math.exp(-((i - R) ** 2) / (2 * 1.5 * 1.5)));
  const gs = g.reduce((s, v) => s + v, 0);
  const C1 = (0.01 * 255) ** 2;
  const C2 = (0.03 * 255) ** 2;
  let total = 0;
  for (let py = 0; py < h; py++) {
    for (let px = 0; px < w; px++) {
      let mx = 0, my = 0, sxx = 0, syy = 0, sxy = 0;
      for (let dy = -R; dy <= R; dy++) {
        const row = (((py + dy) % h) + h) % h;
        for (let dx = -R; dx <= R; dx++) {
          const wgt = (g[dy + R] * g[dx + R]) / (gs * gs);
          const i = row * w + ((((px + dx) % w) + w) % w);
          mx += wgt * x[i];
          my += wgt * y[i];
          sxx += wgt * x[i] * x[i];
          syy += wgt * y[i] * y[i];
          sxy += wgt * x[i] * y[i];
        }
      }
      const vx = sxx - mx * mx;
      const vy = syy - my * my;
      const cxy = sxy - mx * my;
      total += ((2 * mx * my + C1) * (2 * cxy + C2)) / ((mx * mx + my * my + C1) * (vx + vy + C2));
    }
  }
  return total / (w * h);
}

/**
 * How well each main colour's mask in two images agrees, both labelled with the reference's
 * palette: min(recall, precision) where a pixel counts as found when the other image has the
 * same colour within `tolerance` pixels (a one-pixel rim is resampling, not a different design).
 * Colours covering under `minShare` of the reference are left out.
 */
export function colourIoU(reference: RgbImage, candidate: RgbImage, opts: { minShare?: number; tolerance?: number } = {}): { colour: string; share: number; iou: number }[] {
  const minShare = opts.minShare ?? 0.02;
  const tol = opts.tolerance ?? 1;
  const palette = extractPalette(reference.data, reference.width, reference.height, 3);
  const label = (img: RgbImage) => {
    const labs = labPixels(img.data, 3);
    const out = new Uint8Array(img.width * img.height);
    for (let i = 0; i < out.length; i++) out[i] = nearest(palette.labs, [labs[i * 3], labs[i * 3 + 1], labs[i * 3 + 2]]);
    return out;
  };
  const { width: w, height: h } = reference;
  const la = label(reference);
  const lb = label(candidate);
  const near = (labels: Uint8Array, x: number, y: number, k: number) => {
    for (let dy = -tol; dy <= tol; dy++) {
      for (let dx = -tol; dx <= tol; dx++) {
        const xx = x + dx;
        const yy = y + dy;
        if (xx >= 0 && yy >= 0 && xx < w && yy < h && labels[yy * w + xx] === k) return true;
      }
    }
    return false;
  };
  return palette.colours
    .map((c, k) => {
      let inA = 0, foundA = 0, inB = 0, foundB = 0;
      for (let y = 0; y < h; y++) {
        for (let x = 0; x < w; x++) {
          const i = y * w + x;
          if (la[i] === k) {
            inA++;
            if (near(lb, x, y, k)) foundA++;
          }
          if (lb[i] === k) {
            inB++;
            if (near(la, x, y, k)) foundB++;
          }
        }
      }
      const recall = inA ? foundA / inA : 1;
      const precision = inB ? foundB / inB : inA ? 0 : 1;
      return { colour: `rgb(${c.join(',')})`, share: palette.share[k], iou: Math.min(recall, precision) };
    })
    .filter((r) => r.share >= minShare);
}

function nearest(labs: Lab[], p: Lab): number {
  let best = 0;
  let bestD = Infinity;
  labs.forEach((c, k) => {
    const d = (p[0] - c[0]) ** 2 + (p[1] - c[1]) ** 2 + (p[2] - c[2]) ** 2;
    if (d < bestD) {
      bestD = d;
      best = k;
    }
  });
  return best;
}

/** A [1 2 1]/4 blur in x and y with wrapped borders: takes out single-pixel grain. */
export function binomialBlur(img: RgbImage): RgbImage {
  const { width: w, height: h } = img;
  const pass = (src: Float32Array, dx: number, dy: number) => {
    const out = new Float32Array(src.length);
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++) {
        const i = (y * w + x) * 3;
        const p = ((((y - dy) % h) + h) % h) * w + ((((x - dx) % w) + w) % w);
        const n = ((y + dy) % h) * w + ((x + dx) % w);
        for (let c = 0; c < 3; c++) out[i + c] = (src[p * 3 + c] + 2 * src[i + c] + src[n * 3 + c]) / 4;
      }
    }
    return out;
  };
  const blurred = pass(pass(Float32Array.from(img.data), 1, 0), 0, 1);
  return { data: Uint8Array.from(blurred, (v) => Math.round(v)), width: w, height: h };
}

/** Mean CIE76 ΔE between two images of the same size. */
export function meanDeltaE(a: RgbImage, b: RgbImage): number {
  let sum = 0;
  const n = a.width * a.height;
  for (let i = 0; i < n; i++) {
    const p = rgbToLab(a.data[i * 3], a.data[i * 3 + 1], a.data[i * 3 + 2]);
    const q = rgbToLab(b.data[i * 3], b.data[i * 3 + 1], b.data[i * 3 + 2]);
    sum += Math.hypot(p[0] - q[0], p[1] - q[1], p[2] - q[2]);
  }
  return sum / n;
}

export interface PreviewMatch {
  ssim: number;
  minIoU: number;
  meanDeltaE: number;
  ok: boolean;
}

export interface MatchBounds {
  ssim: number;
  minIoU: number;
  meanDeltaE: number;
}

/**
 * What a print file's repeat must meet against the preview, both at the preview's size, after a
 * [1 2 1] blur (grain is not design). Measured: vector art SSIM 0.965–0.978, IoU 0.95–0.965,
 * ΔE 3.1–3.8; SR ×4 SSIM 0.83–0.95, IoU 0.83–0.90, ΔE 5.9–7.4. A file shifted by 20 px scores
 * IoU 0.56–0.69; shifted by half a repeat, mirrored, recoloured or another design fails further.
 */
export const PREVIEW_MATCH_BOUNDS = {
  vector: { ssim: 0.9, minIoU: 0.9, meanDeltaE: 6 },
  raster: { ssim: 0.75, minIoU: 0.75, meanDeltaE: 10 },
} as const satisfies Record<string, MatchBounds>;

const COMPARE_MAX_PX = 128;

/** Where a print file holds one repeat of the design: its top-left corner and edge in pixels. */
export interface DesignRegion {
  left: number;
  top: number;
  sizePx: number;
}

/**
 * Does a print file show the preview? The repeat at `region` (or the part of it inside the file)
 * is shrunk to the preview's size and compared with the preview pixel by pixel.
 */
export async function matchPreview(printPng: Buffer, previewIn: Buffer, region: DesignRegion, bounds: MatchBounds = PREVIEW_MATCH_BOUNDS.vector): Promise<PreviewMatch> {
  // Large previews (vector designs show 512 px) are compared at 128 px: enough to see a shift,
  // a mirror or a wrong colour, and the pixel measures stay fast.
  const pm = await sharp(previewIn).metadata();
  const previewPng = pm.width! > COMPARE_MAX_PX ? await sharp(previewIn).removeAlpha().resize(COMPARE_MAX_PX, Math.round((pm.height! * COMPARE_MAX_PX) / pm.width!), { kernel: 'cubic', fit: 'fill' }).png().toBuffer() : previewIn;
  const preview = await decodeRgb(previewPng);
  const meta = await sharp(printPng, { limitInputPixels: false }).metadata();
  const wPx = Math.min(region.sizePx, meta.width! - region.left);
  const hPx = Math.min(region.sizePx, meta.height! - region.top);
  const full = wPx === region.sizePx && hPx === region.sizePx;
  // The part of the preview the file holds, in whole preview pixels, and the file's pixels for it.
  const cw = full ? preview.width : Math.max(1, Math.floor((preview.width * wPx) / region.sizePx));
  const ch = full ? preview.height : Math.max(1, Math.floor((preview.height * hPx) / region.sizePx));
  const fw = full ? wPx : Math.round((cw * region.sizePx) / preview.width);
  const fh = full ? hPx : Math.round((ch * region.sizePx) / preview.height);
  const shrink = (img: Sharp) => img.removeAlpha().resize(cw, ch, { kernel: 'cubic', fit: 'fill' }).raw().toBuffer();
  const printPx = await shrink(sharp(printPng, { limitInputPixels: false }).extract({ left: region.left, top: region.top, width: fw, height: fh }));
  let shrunk: RgbImage = { data: new Uint8Array(printPx), width: cw, height: ch };
  let ref: RgbImage = full ? preview : await decodeRgb(previewPng, { left: 0, top: 0, width: cw, height: ch });
  if (!full && Math.min(cw, ch) >= 10) {
    // Part of a repeat: its cut edges were resampled without their neighbours, so compare inside them.
    const inner = { left: 1, top: 1, width: cw - 2, height: ch - 2 };
    const cut = async (img: RgbImage) => decodeRgb(await sharp(Buffer.from(img.data), { raw: { width: cw, height: ch, channels: 3 } }).png().toBuffer(), inner);
    [ref, shrunk] = await Promise.all([cut(ref), cut(shrunk)]);
  }
  // Grain in the preview is noise the print leaves out: compare tone and shape, not grain.
  const minIoU = Math.min(1, ...colourIoU(ref, shrunk).map((r) => r.iou));
  const [a, b] = [binomialBlur(ref), binomialBlur(shrunk)];
  const ssim = ssimLuma(a, b);
  const dE = meanDeltaE(a, b);
  return { ssim, minIoU, meanDeltaE: dE, ok: ssim >= bounds.ssim && minIoU >= bounds.minIoU && dE <= bounds.meanDeltaE };
}
