// A flat-colour tile as vector art: each palette colour's coverage (antialiased pixels count as
// partial coverage of their two colours) is resampled with a periodic Catmull-Rom cubic, traced at
// 0.5 with marching squares (d3-contour) and smoothed with closed Catmull-Rom curves (d3-shape).
// Colours are stacked (each layer also covers the layers drawn above it), so no hairline gaps
// open between neighbours. Tracing a margin around the tile makes paths cross the tile's edges
// exactly as they continue on the next repeat: the vector tile is seamless.
import { contours } from 'd3-contour';
import { curveCatmullRomClosed, line } from 'd3-shape';
import { hex, rgbToLab, type Lab } from './colour';
import { extractPalette, projectOnSegment, type Palette } from './palette';

export const VECTORISER = { name: 'seedprint-flat-vector', version: 1 } as const;

export interface VectoriseOptions {
  scale?: number; // field samples per tile pixel
  margin?: number; // field samples traced beyond each tile edge
  minAreaPx?: number; // islands and holes smaller than this (in tile pixels²) are speckle
}

const DEFAULTS: Required<VectoriseOptions> = { scale: 4, margin: 12, minAreaPx: 1.5 };

export interface VectorTile {
  width: number; // tile pixels
  height: number;
  palette: Palette;
  /** Mean ΔE76 between each pixel and its flat-colour reconstruction: low for flat artwork. */
  residualDeltaE: number;
  /** The SVG document at the given pixel size (the viewBox is the tile). */
  svg(widthPx: number, heightPx: number): string;
  params: Required<VectoriseOptions> & { colours: string[] };
}

export function vectoriseTile(rgb: Uint8Array, width: number, height: number, channels = 3, options: VectoriseOptions = {}): VectorTile {
  const o = { ...DEFAULTS, ...options };
  const palette = extractPalette(rgb, width, height, channels);
  const { coverage, residual } = coverageOf(rgb, width, height, channels, palette);
  const k = palette.colours.length;
  const fw = width * o.scale;
  const fh = height * o.scale;
  const paths: string[] = [];
  // Layer i covers colours i..k-1: the background (0) is the whole tile, drawn as a rectangle.
  const layer = new Float32Array(width * height);
  for (let i = k - 1; i >= 1; i--) {
    for (let p = 0; p < layer.length; p++) layer[p] += coverage[i][p];
    const field = upsamplePeriodic(layer, width, height, o.scale);
    const d = traceLayer(field, fw, fh, o.margin, o.minAreaPx * o.scale * o.scale);
    if (d) paths.unshift(`<path fill="${hex(palette.colours[i])}" fill-rule="evenodd" d="${d}"/>`);
  }
  const m = o.margin;
  return {
    width,
    height,
    palette,
    residualDeltaE: residual,
    params: { ...o, colours: palette.colours.map(hex) },
    svg: (w, h) =>
      `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${fw} ${fh}">` +
      `<rect x="${-m}" y="${-m}" width="${fw + 2 * m}" height="${fh + 2 * m}" fill="${hex(palette.colours[0])}"/>${paths.join('')}</svg>`,
  };
}

/** Per colour, how much of each pixel it covers: a pixel between two colours is split along their segment. */
function coverageOf(px: Uint8Array, w: number, h: number, channels: number, palette: Palette) {
  const k = palette.colours.length;
  const coverage = Array.from({ length: k }, () => new Float32Array(w * h));
  const labs: Lab[] = palette.labs;
  let residual = 0;
  for (let i = 0; i < w * h; i++) {
    const p = rgbToLab(px[i * channels], px[i * channels + 1], px[i * channels + 2]);
    if (k === 1) {
      coverage[0][i] = 1;
      residual += Math.hypot(p[0] - labs[0][0], p[1] - labs[0][1], p[2] - labs[0][2]);
      continue;
    }
    let best = { a: 0, b: 1, t: 0, distance: Infinity };
    for (let a = 0; a < k; a++) {
      for (let b = a + 1; b < k; b++) {
        const s = projectOnSegment(p, labs[a], labs[b]);
        if (s.distance < best.distance - 1e-9) best = { a, b, t: s.t, distance: s.distance };
      }
    }
    coverage[best.a][i] = 1 - best.t;
    coverage[best.b][i] = best.t;
    residual += best.distance;
  }
  return { coverage, residual: residual / (w * h) };
}

/** Catmull-Rom resampling of a periodic field: interpolates the samples, so shapes keep their size. */
export function upsamplePeriodic(src: Float32Array, w: number, h: number, scale: number): Float32Array {
  const weights = Array.from({ length: scale }, (_, s) => {
    const x = (s + 0.5) / scale - 0.5; // output sample s sits here, in source samples from the nearest left one
    const base = Math.floor(x);
    const frac = x - base;
    return { base, w: [-1, 0, 1, 2].map((o) => catmullRom(o - frac)) };
  });
  const rows = new Float32Array(w * scale * h);
  const W = w * scale;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      for (let s = 0; s < scale; s++) {
        const { base, w: k } = weights[s];
        let v = 0;
        for (let t = 0; t < 4; t++) v += k[t] * src[y * w + ((((x + base + t - 1) % w) + w) % w)];
        rows[y * W + x * scale + s] = v;
      }
    }
  }
  const out = new Float32Array(W * h * scale);
  for (let y = 0; y < h; y++) {
    for (let s = 0; s < scale; s++) {
      const { base, w: k } = weights[s];
      const oy = y * scale + s;
      for (let x = 0; x < W; x++) {
        let v = 0;
        for (let t = 0; t < 4; t++) v += k[t] * rows[((((y + base + t - 1) % h) + h) % h) * W + x];
        out[oy * W + x] = v;
      }
    }
  }
  return out;
}

function catmullRom(x: number): number {
  const a = Math.abs(x);
  if (a < 1) return 1.5 * a * a * a - 2.5 * a * a + 1;
  if (a < 2) return -0.5 * a * a * a + 2.5 * a * a - 4 * a + 2;
  return 0;
}

const smooth = line().curve(curveCatmullRomClosed.alpha(0.5)).digits(2);

/** SVG path data of the 0.5 iso-line of a periodic field, traced over the tile plus a margin. */
function traceLayer(field: Float32Array, w: number, h: number, margin: number, minArea: number): string {
  const W = w + 2 * margin;
  const H = h + 2 * margin;
  const ext = new Float64Array(W * H);
  for (let y = 0; y < H; y++) {
    const sy = (((y - margin) % h) + h) % h;
    for (let x = 0; x < W; x++) ext[y * W + x] = field[sy * w + ((((x - margin) % w) + w) % w)];
  }
  const [shape] = contours().size([W, H]).thresholds([0.5])(Array.from(ext));
  const parts: string[] = [];
  for (const polygon of shape.coordinates) {
    for (const ring of polygon) {
      if (Math.abs(ringArea(ring)) < minArea) continue;
      const pts = ring.slice(0, -1).map(([x, y]) => [x - margin, y - margin] as [number, number]);
      if (pts.length < 3) continue;
      const d = smooth(pts);
      if (d) parts.push(d);
    }
  }
  return parts.join('');
}

function ringArea(ring: number[][]): number {
  let a = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) a += ring[j][0] * ring[i][1] - ring[i][0] * ring[j][1];
  return a / 2;
}
