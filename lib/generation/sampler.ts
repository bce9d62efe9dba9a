// Samplers over a noise grid given as (alpha, sigma) pairs, noisiest first. Both work with any
// model once it is wrapped as a data predictor D(x, i) -> x0 (v-, eps- or x0-prediction).
//   ddim      : deterministic DDIM (eta = 0), first order.
//   dpmpp-2m  : DPM-Solver++(2M) (Lu et al. 2022), second-order multistep in log-SNR, lower order
//               on the first and the last step; the better choice for few steps (4-6).
// All arithmetic is float32 in typed arrays, in a fixed order: results are bit-reproducible.

export const SCHEDULERS = ['ddim', 'dpmpp-2m'] as const;
export type Scheduler = (typeof SCHEDULERS)[number];

export function isScheduler(s: string): s is Scheduler {
  return (SCHEDULERS as readonly string[]).includes(s);
}

export interface Grid {
  t: number[];
  alpha: number[];
  sigma: number[];
}

/** Cosine v-schedule of the embedded model: t from tMax down to 0 in `steps` equal steps. */
export function cosineGrid(steps: number, tMax = 1): Grid {
  const t = Array.from({ length: steps + 1 }, (_, i) => (tMax * (steps - i)) / steps);
  return { t, alpha: t.map((x) => Math.cos((Math.PI * x) / 2)), sigma: t.map((x) => (x === 0 ? 0 : Math.sin((Math.PI * x) / 2))) };
}

/** x0 prediction; optionally also eps (for v-models that clip x0 but keep eps = sigma x + alpha v). */
export type Denoiser = (x: Float32Array, i: number) => Promise<Float32Array | { x0: Float32Array; eps: Float32Array }>;

export async function sample(
  x: Float32Array,
  grid: Grid,
  denoise: Denoiser,
  scheduler: Scheduler,
  onStep?: (step: number, total: number) => void | Promise<void>,
): Promise<Float32Array> {
  const n = grid.t.length - 1;
  const lambda = grid.alpha.map((a, i) => Math.log(a) - Math.log(grid.sigma[i])); // -inf..+inf allowed
  let prevX0: Float32Array | undefined;
  let prevH = 0;
  for (let i = 0; i < n; i++) {
    const d = await denoise(x, i);
    const x0 = d instanceof Float32Array ? d : d.x0;
    const epsGiven = d instanceof Float32Array ? undefined : d.eps;
    const a = grid.alpha[i], s = grid.sigma[i];
    const a1 = grid.alpha[i + 1], s1 = grid.sigma[i + 1];
    const next = new Float32Array(x.length);
    if (s1 === 0) {
      next.set(x0);
    } else if (scheduler === 'ddim' && epsGiven) {
      for (let k = 0; k < x.length; k++) next[k] = a1 * x0[k] + s1 * epsGiven[k];
    } else if (scheduler === 'ddim') {
      // eps = (x - a x0) / s ; x' = a1 x0 + s1 eps
      const inv = 1 / s;
      for (let k = 0; k < x.length; k++) next[k] = a1 * x0[k] + s1 * ((x[k] - a * x0[k]) * inv);
    } else {
      const h = lambda[i + 1] - lambda[i];
      const phi = -Math.expm1(-h); // 1 - e^-h
      const ratio = s1 / s;
      if (!prevX0 || !Number.isFinite(prevH) || !Number.isFinite(h)) {
        for (let k = 0; k < x.length; k++) next[k] = ratio * x[k] + a1 * phi * x0[k];
      } else {
        const r = prevH / h;
        const c0 = 1 + 1 / (2 * r), c1 = 1 / (2 * r);
        for (let k = 0; k < x.length; k++) next[k] = ratio * x[k] + a1 * phi * (c0 * x0[k] - c1 * prevX0[k]);
      }
      prevH = h;
    }
    prevX0 = x0;
    x = next;
    await onStep?.(i + 1, n);
  }
  return x;
}
