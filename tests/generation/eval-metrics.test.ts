import { describe, expect, it } from 'vitest';
import { gaussian } from '../../lib/generation/prng';
import { minShiftDistance, seamRatio, wrapAndMidline } from '../../scripts/eval-metrics';

const R = 32;
// a periodic test tile: smooth waves plus noise, clipped to [-1, 1]
const tile = (seed: number) => Float32Array.from(gaussian(seed, 3 * R * R), (v, k) => Math.max(-1, Math.min(1, 0.5 * Math.sin((2 * Math.PI * (k % R)) / R) + 0.3 * v)));
const roll = (x: Float32Array, dy: number, dx: number) => {
  const o = new Float32Array(x.length);
  for (let c = 0; c < 3; c++) for (let y = 0; y < R; y++) for (let z = 0; z < R; z++) o[c * R * R + ((y + dy) % R) * R + ((z + dx) % R)] = x[c * R * R + y * R + z];
  return o;
};

describe('eval metrics', () => {
  it('a tile and its cyclic shift are the same wallpaper (distance 0 up to a shift); another tile is not', () => {
    const a = tile(1), shifted = roll(a, 6, 10), other = tile(2);
    let plain = 0;
    for (let k = 0; k < a.length; k++) plain += Math.abs(a[k] - shifted[k]) / 2;
    expect(plain / a.length).toBeGreaterThan(0.05);
    expect(minShiftDistance(a, shifted, R)).toBeLessThan(1e-6);
    expect(minShiftDistance(a, other, R)).toBeGreaterThan(0.05);
    // the best shift is never worse than no shift (shift 0 is among those tried)
    let unshifted = 0;
    for (let k = 0; k < a.length; k++) unshifted += Math.abs(a[k] - other[k]) / 2;
    expect(minShiftDistance(a, other, R)).toBeLessThanOrEqual(unshifted / a.length);
  });

  it('seam ratio: about 1 for a periodic tile, large for a tile with a hard edge at the wrap', () => {
    // i.i.d. noise is periodic in distribution: the wrap edge differs like any interior edge
    const r = seamRatio(gaussian(4, 3 * R * R), 0, R);
    expect(r).toBeGreaterThan(0.8);
    expect(r).toBeLessThan(1.2);
    const ramp = Float32Array.from({ length: 3 * R * R }, (_, k) => (k % R) / R);
    expect(seamRatio(ramp, 0, R)).toBeGreaterThan(5);
  });

  it('wrap edge vs middle line: 1 for a checkerboard whose cells end on the border (seamRatio reads a seam there), large for a real seam', () => {
    const n = 4, cell = R / n;
    const checks = Float32Array.from({ length: 3 * R * R }, (_, k) => ((Math.floor((k % R) / cell) + Math.floor(Math.floor(k / R) % R / cell)) % 2 ? 1 : -1));
    expect(seamRatio(checks, 0, R)).toBeGreaterThan(5);
    const c = wrapAndMidline(checks, 0, R);
    expect(c.wrap / c.mid).toBeCloseTo(1, 6);
    const ramp = Float32Array.from({ length: 3 * R * R }, (_, k) => (k % R) / R);
    const r = wrapAndMidline(ramp, 0, R);
    expect(r.wrap / r.mid).toBeGreaterThan(10);
  });
});
