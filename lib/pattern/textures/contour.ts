// Filled regions of a periodic field as SVG paths (marching squares). The field is sampled on a
// grid that runs past the tile's edges; because the field repeats every TILE units and the grid
// steps divide TILE, the contours inside the tile are the same on both sides of every edge. The
// grid's outer ring counts as "outside", so every contour is a closed loop and even-odd filling
// gives the region with its holes.
import { TILE } from '../types';
import type { Field } from './noise';

export interface Grid {
  x0: number;
  y0: number;
  step: number;
  nx: number; // points across
  ny: number;
  v: Float32Array;
}

/** Samples f on a grid covering [-margin, TILE + margin]². step must divide TILE. */
export function sampleGrid(f: Field, step = 10, margin = 20): Grid {
  const m = Math.ceil(margin / step) * step;
  const n = Math.round((TILE + 2 * m) / step) + 1;
  const v = new Float32Array(n * n);
  for (let j = 0; j < n; j++) {
    const y = -m + j * step;
    for (let i = 0; i < n; i++) v[j * n + i] = f(-m + i * step, y);
  }
  return { x0: -m, y0: -m, step, nx: n, ny: n, v };
}

/** A new grid from an existing one, value by value (cheap combinations of sampled fields). */
export function mapGrid(g: Grid, fn: (v: number, x: number, y: number, k: number) => number): Grid {
  const v = new Float32Array(g.v.length);
  for (let j = 0; j < g.ny; j++) for (let i = 0; i < g.nx; i++) {
    const k = j * g.nx + i;
    v[k] = fn(g.v[k], g.x0 + i * g.step, g.y0 + j * g.step, k);
  }
  return { ...g, v };
}

/** The value below which `share` of the tile's samples lie (inside the tile only, so the margin does not bias it). */
export function quantile(g: Grid, share: number): number {
  const vals = new Float32Array(g.nx * g.ny);
  let n = 0;
  for (let j = 0; j < g.ny; j++) {
    const y = g.y0 + j * g.step;
    if (y < 0 || y >= TILE) continue;
    for (let i = 0; i < g.nx; i++) {
      const x = g.x0 + i * g.step;
      if (x >= 0 && x < TILE) vals[n++] = g.v[j * g.nx + i];
    }
  }
  const sorted = vals.subarray(0, n).sort();
  return sorted[Math.min(n - 1, Math.max(0, Math.floor(share * n)))];
}

// Segments per marching-squares case, as pairs of cell edges: 0 top, 1 right, 2 bottom, 3 left.
// Saddles (5, 10) are resolved by the cell centre below.
const CASES: number[][] = [[], [3, 2], [2, 1], [3, 1], [0, 1], [], [0, 2], [0, 3], [0, 3], [0, 2], [], [0, 1], [3, 1], [2, 1], [3, 2], []];

export type Loop = number[]; // x0, y0, x1, y1, …

/** Closed contour loops of the region v > t. */
export function contourLoops(g: Grid, t: number): Loop[] {
  const { nx, ny, v, step, x0, y0 } = g;
  const inside = (i: number, j: number) => i > 0 && j > 0 && i < nx - 1 && j < ny - 1 && v[j * nx + i] > t;
  const val = (i: number, j: number) => (i > 0 && j > 0 && i < nx - 1 && j < ny - 1 ? v[j * nx + i] : -1e30);
  // Edge ids: horizontal edge from point (i, j) to (i+1, j) is 2k, vertical (i, j)-(i, j+1) is 2k+1.
  const size = 2 * nx * ny;
  const nb0 = new Int32Array(size).fill(-1);
  const nb1 = new Int32Array(size).fill(-1);
  const link = (a: number, b: number) => {
    if (nb0[a] < 0) nb0[a] = b; else nb1[a] = b;
    if (nb0[b] < 0) nb0[b] = a; else nb1[b] = a;
  };
  const starts: number[] = [];
  for (let j = 0; j < ny - 1; j++) {
    for (let i = 0; i < nx - 1; i++) {
      const code = (inside(i, j) ? 8 : 0) | (inside(i + 1, j) ? 4 : 0) | (inside(i + 1, j + 1) ? 2 : 0) | (inside(i, j + 1) ? 1 : 0);
      if (code === 0 || code === 15) continue;
      const edge = [2 * (j * nx + i), 2 * (j * nx + i + 1) + 1, 2 * ((j + 1) * nx + i), 2 * (j * nx + i) + 1];
      let segs = CASES[code];
      if (code === 5 || code === 10) {
        const centre = (val(i, j) + val(i + 1, j) + val(i + 1, j + 1) + val(i, j + 1)) / 4 > t;
        // Centre inside joins the two inside corners: cut off the two outside ones instead.
        segs = (code === 5) === centre ? [0, 3, 2, 1] : [0, 1, 3, 2];
      }
      for (let s = 0; s < segs.length; s += 2) {
        link(edge[segs[s]], edge[segs[s + 1]]);
        starts.push(edge[segs[s]]);
      }
    }
  }
  const seen = new Uint8Array(size);
  const point = (e: number, out: number[]) => {
    const k = e >> 1;
    const i = k % nx;
    const j = (k - i) / nx;
    const a = val(i, j);
    if (e & 1) {
      const b = val(i, j + 1);
      out.push(x0 + i * step, y0 + (j + (t - a) / (b - a)) * step);
    } else {
      const b = val(i + 1, j);
      out.push(x0 + (i + (t - a) / (b - a)) * step, y0 + j * step);
    }
  };
  const loops: Loop[] = [];
  for (const s of starts) {
    if (seen[s]) continue;
    const loop: number[] = [];
    let prev = -1;
    let cur = s;
    while (!seen[cur]) {
      seen[cur] = 1;
      point(cur, loop);
      const next = nb0[cur] !== prev ? nb0[cur] : nb1[cur];
      prev = cur;
      cur = next;
      if (cur < 0) break;
    }
    if (loop.length >= 6) loops.push(loop);
  }
  return loops;
}

export function loopArea(l: Loop): number {
  let a = 0;
  for (let i = 0, n = l.length; i < n; i += 2) {
    const j = (i + 2) % n;
    a += l[i] * l[j + 1] - l[j] * l[i + 1];
  }
  return Math.abs(a) / 2;
}

const r1 = (v: number) => Math.round(v * 10) / 10;
const f1 = (v: number) => String(Math.round(v * 10) / 10);

/**
 * Loops as one path string, smoothed with quadratic curves through edge midpoints. Relative
 * commands between already-rounded points keep tiles small without drift.
 */
export function loopsToPath(loops: Loop[], minArea = 0): string {
  const out: string[] = [];
  for (const l of loops) {
    if (minArea > 0 && loopArea(l) < minArea) continue;
    const n = l.length / 2;
    const mx = (i: number) => r1((l[2 * (i % n)] + l[2 * ((i + 1) % n)]) / 2);
    const my = (i: number) => r1((l[2 * (i % n) + 1] + l[2 * ((i + 1) % n) + 1]) / 2);
    let cx = mx(n - 1);
    let cy = my(n - 1);
    let d = `M${cx} ${cy}q`;
    for (let i = 0; i < n; i++) {
      const qx = r1(l[2 * i]);
      const qy = r1(l[2 * i + 1]);
      const ex = mx(i);
      const ey = my(i);
      d += `${f1(qx - cx)} ${f1(qy - cy)} ${f1(ex - cx)} ${f1(ey - cy)} `;
      cx = ex;
      cy = ey;
    }
    out.push(d.trimEnd().replace(/ -/g, '-') + 'z');
  }
  return out.join('');
}

/** The region v > t as a path `d` (fill-rule evenodd). */
export function regionPath(g: Grid, t: number, minArea = 0): string {
  return loopsToPath(contourLoops(g, t), minArea);
}

/** Every k-th sample of a grid: a coarser grid for wide, smooth regions (fewer path points). */
export function downsample(g: Grid, k: number): Grid {
  const nx = Math.floor((g.nx - 1) / k) + 1;
  const ny = Math.floor((g.ny - 1) / k) + 1;
  const v = new Float32Array(nx * ny);
  for (let j = 0; j < ny; j++) for (let i = 0; i < nx; i++) v[j * nx + i] = g.v[j * k * g.nx + i * k];
  return { x0: g.x0, y0: g.y0, step: g.step * k, nx, ny, v };
}

/**
 * A finer grid by bilinear interpolation: smooth fields (a phase, a width) are sampled coarsely
 * and refined here, and only the sharp function of them (a thin band) is taken at full resolution.
 */
export function upsample(g: Grid, k: number): Grid {
  const nx = (g.nx - 1) * k + 1;
  const ny = (g.ny - 1) * k + 1;
  const v = new Float32Array(nx * ny);
  for (let j = 0; j < ny; j++) {
    const gj = Math.min(g.ny - 2, Math.floor(j / k));
    const fy = j / k - gj;
    for (let i = 0; i < nx; i++) {
      const gi = Math.min(g.nx - 2, Math.floor(i / k));
      const fx = i / k - gi;
      const a = g.v[gj * g.nx + gi];
      const b = g.v[gj * g.nx + gi + 1];
      const c = g.v[(gj + 1) * g.nx + gi];
      const d = g.v[(gj + 1) * g.nx + gi + 1];
      v[j * nx + i] = (a + (b - a) * fx) * (1 - fy) + (c + (d - c) * fx) * fy;
    }
  }
  return { x0: g.x0, y0: g.y0, step: g.step / k, nx, ny, v };
}
