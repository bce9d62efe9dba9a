// The per-pixel compositing kernel. Plain JavaScript with no imports on purpose: render.ts runs
// it on the main thread and kernel-worker.mjs runs it in a worker thread, which loads it as is
// under the dev server, `next start`, tsx and vitest. Types: kernel.d.mts.

/** @param {import('./kernel.mjs').KernelJob} job */
export function compositeKernel(job) {
  /** Bilinear, wrap-around sample at texel coordinates (x, y) (texel centres at +0.5), added with weight wgt. */
  function bilerp(d, w, h, tx, ty, wgt, acc) {
    const x = tx - 0.5, y = ty - 0.5;
    const xf = Math.floor(x), yf = Math.floor(y);
    const fx = x - xf, fy = y - yf;
    let x0 = (xf | 0) % w, y0 = (yf | 0) % h;
    if (x0 < 0) x0 += w;
    if (y0 < 0) y0 += h;
    const x1 = x0 + 1 === w ? 0 : x0 + 1, y1 = y0 + 1 === h ? 0 : y0 + 1;
    const a = (y0 * w + x0) * 3, b = (y0 * w + x1) * 3, c = (y1 * w + x0) * 3, e = (y1 * w + x1) * 3;
    const gx = 1 - fx, gy = 1 - fy;
    const w00 = gx * gy * wgt, w01 = fx * gy * wgt, w10 = gx * fy * wgt, w11 = fx * fy * wgt;
    acc[0] += d[a] * w00 + d[b] * w01 + d[c] * w10 + d[e] * w11;
    acc[1] += d[a + 1] * w00 + d[b + 1] * w01 + d[c + 1] * w10 + d[e + 1] * w11;
    acc[2] += d[a + 2] * w00 + d[b + 2] * w01 + d[c + 2] * w10 + d[e + 2] * w11;
  }
  const { idx, alpha, shade, highlight, mask, u, v, log2Footprint, bg, ld, lw, lh, scx, scy, log2Tpi } = job;
  const px = job.out;
  const tr = job.tint[0], tg = job.tint[1], tb = job.tint[2];
  const acc = new Float64Array(3);
  const maxL = ld.length - 1;
  for (let k = job.start; k < job.end; k++) {
    const i = idx[k];
    let r = tr, g = tg, b = tb;
    const m = mask[k];
    if (m > 0) {
      const lod = log2Footprint[k] + log2Tpi;
      const uu = u[k], vv = v[k];
      // level choice: "brilinear" = blend two levels only near a level transition
      let lv = 0, f = 0, two = false;
      if (lod > 0) {
        if (lod >= maxL) lv = maxL;
        else {
          const l0 = lod | 0;
          const fr = (lod - l0 - 0.25) * 2;
          if (fr <= 0) lv = l0;
          else if (fr >= 1) lv = l0 + 1;
          else {
            two = true;
            lv = l0;
            f = fr * fr * (3 - 2 * fr);
          }
        }
      }
      if (!two) {
        // one bilinear look-up (the common case), inlined
        const d = ld[lv], w = lw[lv], h = lh[lv];
        const x = uu * scx[lv] - 0.5, y = vv * scy[lv] - 0.5;
        const xf = Math.floor(x), yf = Math.floor(y);
        const fx = x - xf, fy = y - yf;
        let x0 = (xf | 0) % w, y0 = (yf | 0) % h;
        if (x0 < 0) x0 += w;
        if (y0 < 0) y0 += h;
        const x1 = x0 + 1 === w ? 0 : x0 + 1, r0 = y0 * w, r1 = (y0 + 1 === h ? 0 : y0 + 1) * w;
        const a0 = (r0 + x0) * 3, a1 = (r0 + x1) * 3, a2 = (r1 + x0) * 3, a3 = (r1 + x1) * 3;
        const gx = 1 - fx, gy = 1 - fy;
        const w00 = gx * gy, w01 = fx * gy, w10 = gx * fy, w11 = fx * fy;
        r += (d[a0] * w00 + d[a1] * w01 + d[a2] * w10 + d[a3] * w11 - r) * m;
        g += (d[a0 + 1] * w00 + d[a1 + 1] * w01 + d[a2 + 1] * w10 + d[a3 + 1] * w11 - g) * m;
        b += (d[a0 + 2] * w00 + d[a1 + 2] * w01 + d[a2 + 2] * w10 + d[a3 + 2] * w11 - b) * m;
      } else {
        acc[0] = acc[1] = acc[2] = 0;
        bilerp(ld[lv], lw[lv], lh[lv], uu * scx[lv], vv * scy[lv], 1 - f, acc);
        bilerp(ld[lv + 1], lw[lv + 1], lh[lv + 1], uu * scx[lv + 1], vv * scy[lv + 1], f, acc);
        r += (acc[0] - r) * m;
        g += (acc[1] - g) * m;
        b += (acc[2] - b) * m;
      }
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
}
