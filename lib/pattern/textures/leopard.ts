// Leopard print: rosettes made of a lighter, irregular centre ringed by three or four dark broken
// crescents (thick in the middle, tapering at the ends), with small solid spots between them.
// Every shape near an edge is drawn again on the far side, so the tile wraps.
import type { Hex, TextureDef } from '../types';
import { resolveColours } from './colour';
import { fbm } from './noise';
import { hashSeed, rng, type Rng } from './random';
import { scatter } from './spots';
import { groundRect, idPrefix, polygonPath, shift, tileMarkup, wrapOffsets } from './svg';

const DEFAULTS: Hex[] = ['#e2b46e', '#b7773a', '#2a1c12'];

type Radius = (a: number) => number;

/** An irregular, slightly squashed outline: the rosette's shape before it is broken into crescents. */
function outline(rand: Rng, r: number): Radius {
  const ph = [rand.range(0, 6.3), rand.range(0, 6.3), rand.range(0, 6.3)];
  const squash = rand.range(0.12, 0.25);
  return (a) => r * (1 + squash * Math.cos(2 * a + ph[0]) + 0.1 * Math.sin(3 * a + ph[1]) + 0.06 * Math.sin(5 * a + ph[2]));
}

function rotate(pts: number[], rot: number): number[] {
  const c = Math.cos(rot);
  const s = Math.sin(rot);
  const out: number[] = [];
  for (let i = 0; i < pts.length; i += 2) out.push(pts[i] * c - pts[i + 1] * s, pts[i] * s + pts[i + 1] * c);
  return out;
}

function fill(rad: Radius, k: number, n = 16): number[] {
  const pts: number[] = [];
  for (let i = 0; i < n; i++) {
    const a = (i / n) * Math.PI * 2;
    pts.push(Math.cos(a) * rad(a) * k, Math.sin(a) * rad(a) * k);
  }
  return pts;
}

/** A crescent over [a0, a1] of the outline: thick in the middle, tapering to points, lumpy. */
function crescent(rand: Rng, rad: Radius, a0: number, a1: number, w: number): number[] {
  const n = Math.max(6, Math.round((a1 - a0) * 5));
  const outer: number[] = [];
  const inner: number[] = [];
  const ph = rand.range(0, 6.3);
  const bias = rand.range(0.35, 0.65); // where along the crescent it is thickest
  for (let i = 0; i <= n; i++) {
    const t = i / n;
    const a = a0 + (a1 - a0) * t;
    const prof = Math.pow(Math.sin(Math.PI * Math.pow(t, Math.log(0.5) / Math.log(bias))), 0.55);
    const thick = w * prof * (0.75 + 0.35 * Math.sin(2.7 * a + ph));
    const r = rad(a);
    outer.push(Math.cos(a) * (r + thick * 0.5), Math.sin(a) * (r + thick * 0.5));
    inner.push(Math.cos(a) * (r - thick * 0.5), Math.sin(a) * (r - thick * 0.5));
  }
  const pts = [...outer];
  for (let i = n; i >= 0; i--) pts.push(inner[2 * i], inner[2 * i + 1]);
  return pts;
}

/** A small solid spot or dash. */
function spot(rand: Rng, r: number): number[] {
  const rad = outline(rand, r);
  const stretch = rand.range(1, 1.8);
  return rotate(fill((a) => rad(a), 1, 10).map((v, i) => (i % 2 === 0 ? v * stretch : v)), rand.range(0, Math.PI));
}

export const leopard: TextureDef = {
  id: 'leopard',
  keywords: [
    'leopard', 'leopard print', 'leopard spots', 'animal print', 'leo print', 'jaguar', 'jaguar print', 'cheetah print', 'cheetah spots', 'cheetah pattern', 'cheetah skin',
    'leopardo', 'estampado de leopardo', 'animal print leopardo',
    'léopard', 'imprimé léopard', 'motif léopard',
    'leopardenmuster', 'leopardenprint', 'leomuster',
    'leopardato', 'maculato', 'stampa leopardata',
    'oncinha', 'estampa de oncinha', 'estampa de leopardo',
    'luipaard', 'luipaardprint', 'panterprint',
    'panterka', 'lampart', 'wzór w panterkę',
    'ヒョウ柄', '豹柄', 'レオパード', 'レオパード柄',
    '豹纹', '豹紋', '豹纹印花',
    'леопард', 'леопардовый', 'леопардовый принт',
  ],
  colours: 3,
  defaultColours: DEFAULTS,
  render({ seed, colours }) {
    const c = resolveColours(colours, DEFAULTS);
    const id = idPrefix('leopard', seed, c);
    const rand = rng(hashSeed(seed, 'leopard'));
    const rosettes = scatter(rand, 22, 55, 85, 26);
    const dots = scatter(rand, 45, 9, 20, 12, rosettes);
    const tilt = fbm(hashSeed(seed, 'leopard-tilt'), { px: 2, py: 2, octaves: 2 });
    let centres = '';
    let rims = '';
    for (const s of rosettes) {
      const rot = tilt(s.x, s.y) * 1.5;
      const rad = outline(rand, s.r);
      const core = rotate(fill(rad, 0.86), rot);
      const pieces = rand.int(3, 5);
      // Jittered cuts: crescents of uneven length, but none vanishing.
      const cuts = Array.from({ length: pieces }, (_, k) => (k + rand.range(-0.3, 0.3)) / pieces);
      const start = rand.range(0, Math.PI * 2);
      const parts: number[][] = [];
      for (let k = 0; k < pieces; k++) {
        const from = cuts[k];
        const to = k + 1 < pieces ? cuts[k + 1] : cuts[0] + 1;
        const gap = rand.range(0.12, 0.3);
        const a0 = start + from * Math.PI * 2 + gap / 2;
        const a1 = start + to * Math.PI * 2 - gap / 2;
        parts.push(rotate(crescent(rand, rad, a0, a1, s.r * rand.range(0.5, 0.7)), rot));
      }
      for (const [dx, dy] of wrapOffsets(s.x, s.y, s.r * 1.6)) {
        centres += polygonPath(shift(core, s.x + dx, s.y + dy), true);
        for (const p of parts) rims += polygonPath(shift(p, s.x + dx, s.y + dy), true);
      }
    }
    for (const s of dots) {
      const shape = spot(rand, s.r);
      for (const [dx, dy] of wrapOffsets(s.x, s.y, s.r * 2.2)) rims += polygonPath(shift(shape, s.x + dx, s.y + dy), true);
    }
    const body = groundRect(c[0]) + `<path fill="${c[1]}" d="${centres}"/><path fill="${c[2]}" d="${rims}"/>`;
    return tileMarkup(id, '', body);
  },
};
