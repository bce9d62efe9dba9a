// Periodic gradient noise: every field repeats exactly every TILE units in x and y, so contours
// and colours drawn from it continue across the tile's edges with no seam.
import { TILE } from '../types';
import { mulberry32 } from './random';

export type Field = (x: number, y: number) => number;

/** Perlin noise on a px × py lattice wrapped into a torus; (u, v) in lattice units. Range ≈ [-1, 1]. */
export function periodicNoise(seed: number, px: number, py: number): (u: number, v: number) => number {
  const rand = mulberry32(seed);
  const gx = new Float64Array(px * py);
  const gy = new Float64Array(px * py);
  for (let i = 0; i < px * py; i++) {
    const a = rand() * Math.PI * 2;
    gx[i] = Math.cos(a);
    gy[i] = Math.sin(a);
  }
  return (u, v) => {
    // Inlined on purpose: this runs ~10⁵ times per tile.
    const fu = Math.floor(u);
    const fv = Math.floor(v);
    const xf = u - fu;
    const yf = v - fv;
    let i0 = fu % px;
    if (i0 < 0) i0 += px;
    let j0 = fv % py;
    if (j0 < 0) j0 += py;
    const i1 = i0 + 1 === px ? 0 : i0 + 1;
    const r0 = j0 * px;
    const r1 = (j0 + 1 === py ? 0 : j0 + 1) * px;
    const n00 = gx[r0 + i0] * xf + gy[r0 + i0] * yf;
    const n10 = gx[r0 + i1] * (xf - 1) + gy[r0 + i1] * yf;
    const n01 = gx[r1 + i0] * xf + gy[r1 + i0] * (yf - 1);
    const n11 = gx[r1 + i1] * (xf - 1) + gy[r1 + i1] * (yf - 1);
    const sx = xf * xf * xf * (xf * (xf * 6 - 15) + 10);
    const sy = yf * yf * yf * (yf * (yf * 6 - 15) + 10);
    const a = n00 + (n10 - n00) * sx;
    const b = n01 + (n11 - n01) * sx;
    return (a + (b - a) * sy) * 1.41;
  };
}

export interface FbmOptions {
  /** Lattice cells across the tile for the first octave (integers keep it periodic). */
  px: number;
  py: number;
  octaves?: number;
  gain?: number;
}

/** Fractal sum of periodic octaves (each doubling the lattice), in tile coordinates. Range ≈ [-1, 1]. */
export function fbm(seed: number, { px, py, octaves = 4, gain = 0.5 }: FbmOptions): Field {
  const layers = Array.from({ length: octaves }, (_, k) => periodicNoise(seed + k * 1013, px << k, py << k));
  let norm = 0;
  for (let k = 0, a = 1; k < octaves; k++, a *= gain) norm += a;
  return (x, y) => {
    let s = 0;
    let a = 1;
    for (let k = 0; k < octaves; k++, a *= gain) {
      const m = 1 << k;
      s += a * layers[k]((x / TILE) * px * m, (y / TILE) * py * m);
    }
    return s / norm;
  };
}

/** Shortest offset between two coordinates on the wrapped tile. */
export function wrapDelta(d: number): number {
  return d - TILE * Math.round(d / TILE);
}
