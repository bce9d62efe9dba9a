import { describe, expect, it } from 'vitest';
import { gaussian } from '../../lib/generation/prng';
import { cosineGrid, sample, SCHEDULERS } from '../../lib/generation/sampler';

describe('samplers', () => {
  // With a perfect denoiser (it always predicts the true x0), a correct sampler must land
  // exactly on x0 whatever the noise; a sign or schedule error would not.
  const target = Float32Array.from({ length: 48 }, (_, i) => Math.sin(i) * 0.8);
  for (const scheduler of SCHEDULERS) {
    it(`${scheduler} converges to the data with an exact denoiser (1, 4 and 12 steps)`, async () => {
      for (const steps of [1, 4, 12]) {
        let calls = 0;
        const seen: number[] = [];
        const out = await sample(gaussian(3, 48), cosineGrid(steps), async () => (calls++, target), scheduler, (s) => void seen.push(s));
        expect(calls).toBe(steps);
        expect(seen).toEqual(Array.from({ length: steps }, (_, i) => i + 1));
        for (let k = 0; k < 48; k++) expect(out[k]).toBeCloseTo(target[k], 5);
      }
    });
  }

  it('a v-model stays on the noise path: intermediate x_t keeps unit-ish variance', async () => {
    // the denoiser predicts 0 (mean of a unit Gaussian data set): x_t shrinks as alpha grows
    const x = gaussian(9, 4096);
    const stds: number[] = [];
    await sample(x, cosineGrid(8), async (xi) => {
      let s2 = 0;
      for (const v of xi) s2 += v * v;
      stds.push(Math.sqrt(s2 / xi.length));
      return new Float32Array(xi.length);
    }, 'ddim');
    // DDIM with x0=0: x_t = (sigma_t / sigma_T) x_T, i.e. std follows sin(pi t / 2)
    const g = cosineGrid(8);
    stds.forEach((s, i) => expect(s).toBeCloseTo(g.sigma[i], 1));
  });
});
