import { describe, expect, it } from 'vitest';
import { getTemplate, type LoadedTemplate } from '../../lib/mockup';

/** u, v (print-area inches) on a full-resolution grid; NaN where the surface is not fully printable. */
function uvGrid(t: LoadedTemplate): { u: Float64Array; v: Float64Array } {
  const u = new Float64Array(t.width * t.height).fill(NaN);
  const v = new Float64Array(t.width * t.height).fill(NaN);
  for (let k = 0; k < t.idx.length; k++)
    if (t.mask[k] >= 0.999) {
      u[t.idx[k]] = t.u[k];
      v[t.idx[k]] = t.v[k];
    }
  return { u, v };
}

/** Least-squares fit of a quadratic polynomial in (x, y); returns the residual per sample. */
function quadraticResidual(xs: number[], ys: number[], vals: number[]): number[] {
  const basis = (x: number, y: number) => [1, x, y, x * x, x * y, y * y];
  const n = 6;
  const A = Array.from({ length: n }, () => new Array<number>(n + 1).fill(0));
  for (let i = 0; i < xs.length; i++) {
    const b = basis(xs[i], ys[i]);
    for (let r = 0; r < n; r++) {
      for (let c = 0; c < n; c++) A[r][c] += b[r] * b[c];
      A[r][n] += b[r] * vals[i];
    }
  }
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(A[r][c]) > Math.abs(A[p][c])) p = r;
    [A[c], A[p]] = [A[p], A[c]];
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = A[r][c] / A[c][c];
      for (let k = c; k <= n; k++) A[r][k] -= f * A[c][k];
    }
  }
  const coef = A.map((row, i) => row[n] / row[i]);
  return xs.map((x, i) => vals[i] - basis(x, ys[i]).reduce((s, b, k) => s + b * coef[k], 0));
}

describe('garment mockups: the print follows the cloth', () => {
  // rows sampled, as fractions of the width around the printable centre: seen from the back the hood
  // lies over the upper back (a seam, rightly), so there the torso is sampled below it
  it.each([['hoodie', 'front', -0.3], ['hoodie', 'back', 0.0]] as const)('%s %s: the UV map bends with the folds (not affine, not even a smooth wrap) yet stays continuous and at scale', async (product, view, fromRow) => {
    const t = (await getTemplate(product, view))!;
    const ppi = t.json.ppi!;
    const { u, v } = uvGrid(t);
    const W = t.width;
    // the torso, well inside the silhouette: pixels whose 5 x 5 neighbourhood is fully printable
    let sx = 0, sy = 0, n = 0;
    for (let i = 0; i < u.length; i++)
      if (!Number.isNaN(u[i])) {
        sx += i % W;
        sy += Math.floor(i / W);
        n++;
      }
    const cx = sx / n, cy = sy / n;
    const xs: number[] = [], ys: number[] = [], us: number[] = [], vs: number[] = [];
    let jumps = 0, steps = 0;
    const dudx: number[] = [];
    for (let y = Math.round(cy + fromRow * W); y < cy + 0.3 * W; y += 2)
      for (let x = Math.round(cx - 0.25 * W); x < cx + 0.25 * W; x += 2) {
        let ok = true;
        for (let dy = -2; dy <= 2 && ok; dy++) for (let dx = -2; dx <= 2 && ok; dx++) ok = !Number.isNaN(u[(y + dy) * W + x + dx]);
        if (!ok) continue;
        const i = y * W + x;
        xs.push((x - cx) / W);
        ys.push((y - cy) / W);
        us.push(u[i]);
        vs.push(v[i]);
        const du = u[i + 1] - u[i], dv = v[i + W] - v[i];
        steps++;
        if (Math.abs(du) > 0.25 || Math.abs(dv) > 0.25) jumps++; // a seam or a fold-over inside the torso
        dudx.push(du * ppi);
      }
    expect(xs.length).toBeGreaterThan(5000);
    // continuous: neighbouring pixels are never inches apart
    expect(jumps / steps).toBeLessThan(0.002);
    // at true scale on average: one pixel is about 1/ppi inch of fabric across the chest
    dudx.sort((a, b) => a - b);
    expect(Math.abs(dudx[dudx.length >> 1])).toBeGreaterThan(0.8);
    expect(Math.abs(dudx[dudx.length >> 1])).toBeLessThan(1.35);
    // folds: what a quadratic (a plane, or a smooth wrap round the body) cannot explain, in pixels
    const ru = quadraticResidual(xs, ys, us).map((r) => r * ppi);
    const rv = quadraticResidual(xs, ys, vs).map((r) => r * ppi);
    const rms = Math.sqrt(ru.concat(rv).reduce((s, r) => s + r * r, 0) / (ru.length + rv.length));
    const big = ru.concat(rv).filter((r) => Math.abs(r) > 2).length / (ru.length + rv.length);
    expect(rms).toBeGreaterThan(1.0);
    expect(big).toBeGreaterThan(0.05);
  });
});
