// Quality measures of a render, used by the bench and the tests.
import type { PaintResult } from '../lib/tryon/garment';
import { boxBlur, type FMap, type Rgb } from '../lib/tryon/raster';

/** Share (%) of painted coverage that falls inside the person mask (mask > 0.5). */
export function paintedInMaskPct(paint: PaintResult, mask: FMap): number {
  let all = 0;
  let inside = 0;
  const a = paint.alpha.data;
  for (let i = 0; i < a.length; i++) {
    if (a[i] <= 0.01) continue;
    all += a[i];
    if (mask.data[i] > 0.5) inside += a[i];
  }
  return all ? (100 * inside) / all : 0;
}

/**
 * Shading kept: SSIM (8×8 windows) between the photo's luminance and the render's luminance
 * with the design's own colour divided out (render / unlit design), over the fully painted
 * garment. 1 = the folds, shadows and highlights of the photo survive exactly.
 */
export function shadingSsim(photo: Rgb, paint: PaintResult): number {
  const { w, h } = photo;
  const n = w * h;
  const x = new Float32Array(n);
  const y = new Float32Array(n);
  const sel = new Float32Array(n);
  const lum = (d: ArrayLike<number>, i: number) => (0.299 * d[3 * i] + 0.587 * d[3 * i + 1] + 0.114 * d[3 * i + 2]) / 255;
  let sx = 0;
  let sy = 0;
  let cnt = 0;
  for (let i = 0; i < n; i++) {
    if (paint.alpha.data[i] < 0.95) continue;
    const lf = lum(paint.flat, i);
    if (lf < 0.06) continue;
    x[i] = lum(photo.data, i);
    y[i] = lum(paint.image.data, i) / lf;
    sel[i] = 1;
    sx += x[i];
    sy += y[i];
    cnt++;
  }
  if (cnt < 64) return 0;
  // put both on the same mean so SSIM compares shading, not the design's brightness
  const k = sx / sy;
  for (let i = 0; i < n; i++) y[i] *= k;
  const r = 4;
  const mx = boxBlur(x, w, h, r);
  const my = boxBlur(y, w, h, r);
  const xx = new Float32Array(n);
  const yy = new Float32Array(n);
  const xy = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    xx[i] = x[i] * x[i];
    yy[i] = y[i] * y[i];
    xy[i] = x[i] * y[i];
  }
  const mxx = boxBlur(xx, w, h, r);
  const myy = boxBlur(yy, w, h, r);
  const mxy = boxBlur(xy, w, h, r);
  const ms = boxBlur(sel, w, h, r);
  const C1 = 0.01 ** 2;
  const C2 = 0.03 ** 2;
  let total = 0;
  let m = 0;
  for (let i = 0; i < n; i++) {
    if (!sel[i] || ms[i] < 0.999) continue; // whole window inside the garment
    const vx = mxx[i] - mx[i] * mx[i];
    const vy = myy[i] - my[i] * my[i];
    const c = mxy[i] - mx[i] * my[i];
    total += ((2 * mx[i] * my[i] + C1) * (2 * c + C2)) / ((mx[i] ** 2 + my[i] ** 2 + C1) * (vx + vy + C2));
    m++;
  }
  return m ? total / m : 0;
}
