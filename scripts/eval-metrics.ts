// Image measures of the model evaluation (scripts/eval-model.ts), on NCHW float tiles in [-1, 1].

/**
 * Edge differences of one tile in one pass: sum of |Δ| across the wrap (row 0 | row R-1, column
 * 0 | column R-1), across the middle lines (R/2-1 | R/2), and between all interior neighbours.
 */
export function edgeDiffs(x: Float32Array, i: number, R: number): { wrap: number; mid: number; inner: number; nWrap: number; nInner: number } {
  const plane = R * R, off = i * 3 * plane, h = R >> 1;
  let wrap = 0, mid = 0, inner = 0;
  for (let c = 0; c < 3; c++) {
    const at = (y: number, xx: number) => x[off + c * plane + y * R + xx];
    for (let k = 0; k < R; k++) {
      wrap += Math.abs(at(0, k) - at(R - 1, k)) + Math.abs(at(k, 0) - at(k, R - 1));
      mid += Math.abs(at(h, k) - at(h - 1, k)) + Math.abs(at(k, h) - at(k, h - 1));
      for (let j = 0; j < R - 1; j++) inner += Math.abs(at(j + 1, k) - at(j, k)) + Math.abs(at(k, j + 1) - at(k, j));
    }
  }
  return { wrap, mid, inner, nWrap: 3 * 2 * R, nInner: 3 * 2 * R * (R - 1) };
}

/** Seam ratio: wrap-edge discontinuity over interior neighbour differences. */
export function seamRatio(x: Float32Array, i: number, R: number): number {
  return seamRatioOf(edgeDiffs(x, i, R));
}

export function seamRatioOf(e: ReturnType<typeof edgeDiffs>): number {
  return e.wrap / e.nWrap / (e.inner / e.nInner || 1e-9);
}

/**
 * The wrap edge against the tile's middle line (sums of |Δ|). A grid of an even number of repeats
 * has the same content at both (the renderer's layouts all do), so a seamless tile scores the
 * same on both even when its cell edges lie on the border, where seamRatio reads them as a seam
 * (clean renders of the eval prompts: 1.73 on seamRatio, 1.006 on this). The eval reports the
 * ratio of the sums over all tiles.
 */
export function wrapAndMidline(x: Float32Array, i: number, R: number): { wrap: number; mid: number } {
  const { wrap, mid } = edgeDiffs(x, i, R);
  return { wrap, mid };
}

/** Mean |Δ| (0..1) between two NCHW [-1,1] tiles after the cyclic shift of b that matches a best,
 * on 2x2-averaged tiles (every shift of the half-size grid: 2 px steps). */
export function minShiftDistance(a: Float32Array, b: Float32Array, R: number): number {
  const h = R >> 1, plane = h * h;
  const half = (x: Float32Array) => {
    const o = new Float32Array(3 * plane);
    for (let c = 0; c < 3; c++)
      for (let y = 0; y < h; y++)
        for (let xx = 0; xx < h; xx++) {
          const p = c * R * R + 2 * y * R + 2 * xx;
          o[c * plane + y * h + xx] = (x[p] + x[p + 1] + x[p + R] + x[p + R + 1]) / 4;
        }
    return o;
  };
  const A = half(a), B = half(b);
  let best = Infinity;
  for (let dy = 0; dy < h; dy++)
    for (let dx = 0; dx < h; dx++) {
      let s = 0;
      for (let c = 0; c < 3 && s < best; c++)
        for (let y = 0; y < h; y++) {
          const ra = c * plane + y * h, rb = c * plane + ((y + dy) % h) * h;
          for (let xx = 0; xx < h; xx++) s += Math.abs(A[ra + xx] - B[rb + ((xx + dx) % h)]);
        }
      if (s < best) best = s;
    }
  return best / (3 * plane) / 2;
}
