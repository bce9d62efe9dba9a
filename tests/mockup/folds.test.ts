import path from 'node:path';
import sharp from 'sharp';
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

describe('mug mockups: the print wraps a cylinder seen from slightly above', () => {
  it.each(['front', 'left'])('mug %s: the print band bows down at the middle (an ellipse arc), the wall darkens towards its sides, and a glaze highlight shows', async (view) => {
    const t = (await getTemplate('mug', view))!;
    const W = t.width;
    const mask = new Float32Array(W * t.height);
    const shade = new Float32Array(W * t.height).fill(NaN);
    const hl = new Float32Array(W * t.height);
    for (let k = 0; k < t.idx.length; k++) {
      mask[t.idx[k]] = t.mask[k];
      shade[t.idx[k]] = t.shade[k];
      hl[t.idx[k]] = t.highlight[k];
    }
    // the printed columns and, per column, the first and last printed rows
    const top = new Array<number>(W).fill(-1), bottom = new Array<number>(W).fill(-1);
    for (let x = 0; x < W; x++)
      for (let y = 0; y < t.height; y++)
        if (mask[y * W + x] >= 0.5) {
          if (top[x] < 0) top[x] = y;
          bottom[x] = y;
        }
    const cols = top.map((y, x) => (y >= 0 ? x : -1)).filter((x) => x >= 0);
    const x0 = cols[0], x1 = cols[cols.length - 1], mid = Math.round((x0 + x1) / 2), half = (x1 - x0) / 2;
    expect(half).toBeGreaterThan(0.2 * W);
    // from above, a circle round the wall is an ellipse: its near side is lower in the picture
    for (const edge of [top, bottom]) {
      const side = (edge[Math.round(mid - 0.75 * half)] + edge[Math.round(mid + 0.75 * half)]) / 2;
      expect(edge[mid] - side).toBeGreaterThan(0.016 * W);
      expect(edge[mid] - side).toBeLessThan(0.06 * W);
    }
    // shading: the wall turns away from the light towards the silhouette on both sides
    const row = Math.round((top[mid] + bottom[mid]) / 2);
    const at = (x: number): number => shade[row * W + Math.round(x)];
    let peak = 0;
    for (let x = x0; x <= x1; x++) if (mask[row * W + x] >= 0.5) peak = Math.max(peak, at(x));
    // (brightest where the wall faces the key light; the side away from it much darker)
    const [left, right] = [at(mid - 0.97 * half), at(mid + 0.97 * half)];
    expect(Math.max(left, right)).toBeLessThan(0.95 * peak);
    expect(Math.min(left, right)).toBeLessThan(0.7 * peak);
    // a glaze: somewhere on the wall a soft highlight, but not a mirror (most of the wall stays clear)
    let lit = 0, clear = 0;
    for (let x = x0; x <= x1; x++) {
      if (hl[row * W + x] > 0.35) lit++;
      if (hl[row * W + x] < 0.1) clear++;
    }
    expect(lit).toBeGreaterThan(4);
    expect(clear / (x1 - x0 + 1)).toBeGreaterThan(0.6);
  });
});

/** A grey layer of a shipped template as 0..1 floats. */
async function layer(product: string, view: string, name: string): Promise<{ data: Float32Array; width: number }> {
  const file = path.join(import.meta.dirname, '../../lib/mockup/templates', product, view, `${name}.png`);
  const { data, info } = await sharp(file).extractChannel(0).raw().toBuffer({ resolveWithObject: true });
  return { data: Float32Array.from(data, (b) => b / 255), width: info.width };
}

/** Mean over a (2r+1)² box, clamped at the borders (a summed-area table). */
function boxMean(a: Float32Array, w: number, r: number): Float32Array {
  const h = a.length / w;
  const sat = new Float64Array((w + 1) * (h + 1));
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) sat[(y + 1) * (w + 1) + x + 1] = a[y * w + x] + sat[y * (w + 1) + x + 1] + sat[(y + 1) * (w + 1) + x] - sat[y * (w + 1) + x];
  const out = new Float32Array(a.length);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const x0 = Math.max(0, x - r), x1 = Math.min(w, x + r + 1), y0 = Math.max(0, y - r), y1 = Math.min(h, y + r + 1);
      out[y * w + x] = (sat[y1 * (w + 1) + x1] - sat[y0 * (w + 1) + x1] - sat[y1 * (w + 1) + x0] + sat[y0 * (w + 1) + x0]) / ((x1 - x0) * (y1 - y0));
    }
  return out;
}

describe('tee mockups: the print takes the folds, without render grain', () => {
  it.each(['front', 'back', 'detail'])('tee %s: light and shade of folds across the print; no path-tracing grain', async (view) => {
    const shade = await layer('tee', view, 'shade');
    const mask = await layer('tee', view, 'mask');
    const W = shade.width;
    // well inside the print: every pixel of a 33 x 33 box fully printable
    const inside = boxMean(Float32Array.from(mask.data, (m) => (m >= 0.999 ? 1 : 0)), W, 16);
    const fine = boxMean(shade.data, W, 4);
    const vals: number[] = [];
    let g2 = 0;
    for (let i = 0; i < inside.length; i++)
      if (inside[i] >= 0.9999) {
        vals.push(shade.data[i]);
        g2 += (shade.data[i] - fine[i]) ** 2;
      }
    expect(vals.length).toBeGreaterThan(50_000);
    vals.sort((a, b) => a - b);
    // folds: the print is lit and shaded (a flat overlay stays within a few percent)
    expect(vals[Math.floor(vals.length * 0.95)] - vals[Math.floor(vals.length * 0.05)]).toBeGreaterThan(0.15);
    // grain: what a 9 x 9 box average removes (the shading itself is smooth at that scale)
    expect(Math.sqrt(g2 / vals.length)).toBeLessThan(0.0032);
  });
});
