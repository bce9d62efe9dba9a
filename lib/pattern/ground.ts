// The diffusion model's part in a pattern design: its small seamless tile for the candidate's seed
// is read as a field over the tile, and the field steers the composition (arrange.ts, compose.ts)
// without moving anything: motifs keep the even scatter's or lattice's positions, and the field
// decides which motif kind takes which spot, sizes within ±10 % (never closer to a neighbour than
// the spacing allows) and turns along its flow (±15°). The design stays clean flat vector art;
// what the model adds is a seed-varied rhythm of turns and sizes over an even arrangement. Specs whose ground records `levels` (designs stored
// before the field steered the composition) draw their traced tone-on-tone ground as they did.
// This file is pure: the model run lives in lib/generation; composeTile gets the field ready-made.
import { contours } from 'd3-contour';
import { curveCatmullRomClosed, line } from 'd3-shape';
import { labToHex, hexToLab } from './colours';
import { TILE, type Hex } from './types';
import { upsamplePeriodic } from '../print';

/** What a spec records to re-run the diffusion stage and draw its ground (never the picture). */
export interface GroundSpec {
  model: string; // sha256 of the diffusion model (as recipes of that model record it)
  seed: number;
  tokens: number[]; // the model's five role ids: motif, motif colour, background, layout, scale
  steps: number;
  guidance: number;
  scheduler: string;
  levels?: number[]; // stored traced grounds only: field thresholds, ascending, one per tint
  tints?: Hex[]; // stored traced grounds only: fill of the area above each level
}

/** The model's tile as a field in [0, 1] on a size × size torus (row-major). */
export interface GroundField {
  size: number;
  values: Float32Array;
}

/**
 * What the model is asked to draw when it does not know the design's motif, in its own words:
 * scattered marks whose large masses give a composition its clusters and open spaces.
 */
export const GROUND_STYLES = [
  { motif: 'flowers', layout: 'scattered', scale: 'small' },
  { motif: 'dots', layout: 'scattered', scale: 'large' },
  { motif: 'lemon', layout: 'scattered', scale: 'small' },
  { motif: 'dots', layout: 'scattered', scale: 'medium' },
] as const;

export const GROUND_LEVELS = [0.3, 0.62];
const SAMPLES_PER_PIXEL = 2; // the 64 px field is resampled to 128 before tracing: smooth enough for Catmull-Rom curves
const MARGIN = 4; // field samples traced beyond each edge: paths cross edges as the next repeat continues them
const BLUR_SIGMA = 1; // model pixels: keeps the shapes' hand-drawn outline, drops single-pixel noise

/**
 * Tints for the ground: the background a few L* lighter (darker on near-white grounds), hue and
 * chroma kept, so the ground reads as tone-on-tone and the motifs stay in front. ΔE76 stays
 * under 12 from the background, the print check's tolerance for a flat colour.
 */
export function groundTints(background: Hex, n = GROUND_LEVELS.length): Hex[] {
  const [L, a, b] = hexToLab(background);
  const dir = L >= 88 ? -1 : 1;
  return Array.from({ length: n }, (_, i) => labToHex([Math.min(100, Math.max(0, L + dir * 3.5 * (i + 1))), a, b]));
}

/**
 * The field of a model tile (RGB8, size × size): each pixel's distance from the tile's own
 * background colour (the per-channel median), scaled to [0, 1] and lightly blurred on the torus.
 */
export function groundFieldFromRgb(rgb: Uint8Array, size: number): GroundField {
  const n = size * size;
  const median = [0, 1, 2].map((c) => {
    const hist = new Uint32Array(256);
    for (let i = 0; i < n; i++) hist[rgb[i * 3 + c]]++;
    let acc = 0;
    for (let v = 0; v < 256; v++) if ((acc += hist[v]) * 2 >= n) return v;
    return 255;
  });
  const d = new Float32Array(n);
  for (let i = 0; i < n; i++) d[i] = Math.hypot(rgb[i * 3] - median[0], rgb[i * 3 + 1] - median[1], rgb[i * 3 + 2] - median[2]);
  const sorted = Float32Array.from(d).sort();
  const scale = Math.max(90, sorted[Math.floor(n * 0.98)]); // a tile with little in it stays a faint ground
  for (let i = 0; i < n; i++) d[i] = Math.min(1, d[i] / scale);
  return { size, values: blurPeriodic(d, size, BLUR_SIGMA) };
}

/** The ground as SVG markup for the tile's 0 0 TILE TILE viewBox: one path per level. */
export function groundLayer(ground: GroundSpec, field: GroundField | undefined): string {
  if (!field) throw new Error('This pattern has a diffusion ground: compute its field (lib/generation) before composing.');
  if (!ground.levels || !ground.tints) return '';
  const s = SAMPLES_PER_PIXEL;
  const fine = upsamplePeriodic(field.values, field.size, field.size, s);
  const w = field.size * s;
  const paths = ground.levels.map((level, i) => {
    const d = traceLevel(fine, w, level, 2 * s * s);
    return d ? `<path fill="${ground.tints![i] ?? ground.tints!.at(-1)}" fill-rule="evenodd" d="${d}"/>` : '';
  });
  const k = Math.round((TILE / w) * 1e6) / 1e6;
  return `<g transform="scale(${k})">${paths.join('')}</g>`;
}

const smooth = line().curve(curveCatmullRomClosed.alpha(0.5)).digits(2);

/** SVG path data of the field's iso-line at `level`, traced over the tile plus a margin. */
function traceLevel(field: Float32Array, w: number, level: number, minArea: number): string {
  const W = w + 2 * MARGIN;
  const ext = new Array<number>(W * W);
  for (let y = 0; y < W; y++) {
    const sy = (((y - MARGIN) % w) + w) % w;
    for (let x = 0; x < W; x++) ext[y * W + x] = field[sy * w + ((((x - MARGIN) % w) + w) % w)];
  }
  const [shape] = contours().size([W, W]).thresholds([level])(ext);
  const parts: string[] = [];
  for (const polygon of shape.coordinates) {
    for (const ring of polygon) {
      if (Math.abs(ringArea(ring)) < minArea) continue;
      const pts = ring.slice(0, -1).map(([x, y]) => [x - MARGIN, y - MARGIN] as [number, number]);
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

/** Separable Gaussian blur with wrap-around (the tile repeats). */
function blurPeriodic(src: Float32Array, size: number, sigma: number): Float32Array {
  const r = Math.ceil(sigma * 3);
  const k = Array.from({ length: 2 * r + 1 }, (_, i) => Math.exp(-((i - r) ** 2) / (2 * sigma * sigma)));
  const sum = k.reduce((a, b) => a + b, 0);
  const kn = k.map((v) => v / sum);
  const tmp = new Float32Array(src.length);
  const out = new Float32Array(src.length);
  const wrap = (v: number) => ((v % size) + size) % size;
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) {
      let v = 0;
      for (let i = -r; i <= r; i++) v += kn[i + r] * src[y * size + wrap(x + i)];
      tmp[y * size + x] = v;
    }
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) {
      let v = 0;
      for (let i = -r; i <= r; i++) v += kn[i + r] * tmp[wrap(y + i) * size + x];
      out[y * size + x] = v;
    }
  return out;
}

/** How the field steers a composition; coordinates in tile units (0..TILE), wrapping. */
export interface Steer {
  /** The field's strength at a spot, in [0, 1] (rank-normalised: every seed uses the whole range). */
  at(x: number, y: number): number;
  /** A turn in [-1, 1] that follows the field's flow: neighbours turn alike, as in a drawn current. */
  flow(x: number, y: number): number;
}

const STEER_SIGMA = 3; // model pixels: the composition follows the tile's large masses, not its detail

/** The steering a field gives: smoothed on the torus, ranked to [0, 1], sampled bilinearly. */
export function fieldSteer(field: GroundField): Steer {
  const n = field.size;
  const smooth = blurPeriodic(field.values, n, STEER_SIGMA);
  const order = Array.from(smooth.keys()).sort((a, b) => smooth[a] - smooth[b] || a - b);
  const rank = new Float32Array(n * n);
  order.forEach((i, r) => (rank[i] = r / (n * n - 1)));
  // Flow: the direction along the field's contours (perpendicular to its gradient), as a turn.
  const flow = new Float32Array(n * n);
  const wrap = (v: number) => ((v % n) + n) % n;
  for (let y = 0; y < n; y++)
    for (let x = 0; x < n; x++) {
      const gx = rank[y * n + wrap(x + 2)] - rank[y * n + wrap(x - 2)];
      const gy = rank[wrap(y + 2) * n + x] - rank[wrap(y - 2) * n + x];
      flow[y * n + x] = Math.abs(gx) + Math.abs(gy) < 1e-6 ? 0 : Math.sin(2 * Math.atan2(gy, gx));
    }
  const sample = (grid: Float32Array, x: number, y: number) => {
    const fx = (x / TILE) * n - 0.5;
    const fy = (y / TILE) * n - 0.5;
    const x0 = Math.floor(fx);
    const y0 = Math.floor(fy);
    const tx = fx - x0;
    const ty = fy - y0;
    const g = (xx: number, yy: number) => grid[wrap(yy) * n + wrap(xx)];
    const v = (1 - ty) * ((1 - tx) * g(x0, y0) + tx * g(x0 + 1, y0)) + ty * ((1 - tx) * g(x0, y0 + 1) + tx * g(x0 + 1, y0 + 1));
    return Math.round(v * 1e4) / 1e4; // rounded: placements stay exact decimals whatever the float path
  };
  return { at: (x, y) => sample(rank, x, y), flow: (x, y) => sample(flow, x, y) };
}
