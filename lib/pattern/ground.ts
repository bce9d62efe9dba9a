// The diffusion model's part in a pattern design: its small seamless tile for the candidate's seed
// is read as a field over the tile, and the field steers the composition (arrange.ts, compose.ts)
// without moving anything: motifs keep the even scatter's or lattice's positions, and the field
// decides which motif kind takes which spot, sizes within ±10 % (never closer to a neighbour than
// the spacing allows) and turns along its flow (±15°). The design stays clean flat vector art;
// what the model adds is a seed-varied rhythm of turns and sizes over an even arrangement.
// This file is pure: the model run lives in lib/generation; composeTile gets the field ready-made.
import { TILE } from './types';

/** What a spec records to re-run the diffusion stage (never the picture). */
export interface GroundSpec {
  model: string; // sha256 of the diffusion model (as recipes of that model record it)
  seed: number;
  tokens: number[]; // the model's five role ids: motif, motif colour, background, layout, scale
  steps: number;
  guidance: number;
  scheduler: string;
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

const BLUR_SIGMA = 1; // model pixels: drops single-pixel noise, keeps the tile's masses

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
  // Rank by value, ties by index: each key is the value's float32 bits (ordered like the values,
  // which are ≥ 0) above the index, so one numeric sort of a typed array gives the order.
  const bits = new Uint32Array(smooth.buffer, smooth.byteOffset, smooth.length);
  const keys = new Float64Array(n * n);
  for (let i = 0; i < n * n; i++) keys[i] = bits[i] * (n * n) + i;
  keys.sort();
  const rank = new Float32Array(n * n);
  for (let r = 0; r < n * n; r++) rank[keys[r] % (n * n)] = r / (n * n - 1);
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
