// Scattered positions for spots, chips and rosettes: a jittered grid over the wrapped tile, with
// a minimum wrapped distance so shapes do not pile up, and the same every time for one seed.
import { TILE } from '../types';
import { wrapDelta } from './noise';
import type { Rng } from './random';

export interface Spot {
  x: number;
  y: number;
  r: number;
}

/** Up to `count` spots with radii in [rMin, rMax], kept `gap` apart (edge to edge, wrapped). */
export function scatter(rand: Rng, count: number, rMin: number, rMax: number, gap: number, existing: Spot[] = [], tries = 30): Spot[] {
  const out: Spot[] = [];
  const all = [...existing];
  for (let k = 0; k < count; k++) {
    for (let t = 0; t < tries; t++) {
      const s = { x: rand.next() * TILE, y: rand.next() * TILE, r: rand.range(rMin, rMax) };
      if (all.every((o) => Math.hypot(wrapDelta(o.x - s.x), wrapDelta(o.y - s.y)) > o.r + s.r + gap)) {
        out.push(s);
        all.push(s);
        break;
      }
    }
  }
  return out;
}
