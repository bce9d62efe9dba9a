// Crumple tie-dye: dye colours in cycling bands of a strongly domain-warped periodic phase (the
// random folds of scrunched cloth), each band blurred so the dyes bleed into each other, then
// the undyed creases: thin, branching lines where a ridged noise field is near zero, in the
// ground colour and softened.
// From engine version 3 it is the spiral fold most asked for: dye bands wound round four
// spiral centres of the tile (where a periodic field's angle turns), each dye fading into the
// next through in-between shades, so it reads soft without a blur; no creases.
// From engine version 2 the bands and creases are flat (no blur): librsvg blurs a lone tile
// against empty canvas past its edges, which showed as a seam, and blurred dye prints soft.
import type { Hex, TextureDef } from '../types';
import { mix, resolveColours } from './colour';
import { mapGrid, regionPath, sampleGrid } from './contour';
import { fbm, type Field } from './noise';
import { hashSeed } from './random';
import { blurFilter, groundRect, idPrefix, tileMarkup } from './svg';

const DEFAULTS: Hex[] = ['#fdf8ef', '#e63950', '#f79a2e', '#f7d633', '#2bb3a0', '#3f5bd8', '#9a3fc2'];

export const tieDye: TextureDef = {
  id: 'tie-dye',
  keywords: [
    'tie-dye', 'tie dye', 'tiedye', 'tie and dye', 'hippie', 'psychedelic dye', 'crumple dye',
    'teñido anudado', 'efecto tie dye', 'tie dye hippie',
    'teinture nouée', 'tie-and-dye', 'motif tie and dye',
    'batik', 'batikmuster', 'batikoptik',
    'tintura a nodi', 'tie dye hippy', 'effetto tie dye',
    'tingimento', 'tie-dye hippie', 'tingido',
    'tie-dye print', 'knoopverven',
    'tie-dye wzór', 'farbowanie tie-dye',
    'タイダイ', 'タイダイ染め', '絞り染め',
    '扎染', '紮染', '扎染图案',
    'тай-дай', 'тайдай', 'батик', 'варёнка',
  ],
  colours: 7,
  defaultColours: DEFAULTS,
  render({ seed, colours, v = 1 }) {
    const c = resolveColours(colours, DEFAULTS);
    if (v >= 3) return spiral(seed, c);
    const id = idPrefix('tie-dye', seed, c);
    const dyes = c.slice(1);
    const k = dyes.length;
    const warp = fbm(hashSeed(seed, 'td-warp'), { px: 2, py: 2, octaves: 3, gain: 0.5 });
    const base = fbm(hashSeed(seed, 'td-base'), { px: 2, py: 2, octaves: 4, gain: 0.5 });
    const g = sampleGrid((x, y) => {
      const w = 220 * warp(x, y);
      return 2.2 * base(x + w, y - w);
    }, 10, 40);
    const flat = v >= 2;
    const defs = flat ? '' : blurFilter(`${id}b`, 6) + blurFilter(`${id}c`, 1.8);
    let body = groundRect(c[0]);
    // Bands of width 1/k in phase, each one dye, cycling: the phase wraps through every colour.
    for (let i = 0; i < k; i++) {
      const band = mapGrid(g, (v) => Math.cos(2 * Math.PI * (v - i / k)) - Math.cos(Math.PI / k) + 0.12);
      body += `<path fill="${dyes[i]}" fill-rule="evenodd"${flat ? '' : ` filter="url(#${id}b)"`} d="${regionPath(band, 0, 80)}"/>`;
    }
    const crease = fbm(hashSeed(seed, 'td-crease'), { px: 4, py: 4, octaves: 3, gain: 0.5 });
    const cg = sampleGrid((x, y) => 0.032 - Math.abs(crease(x, y)), 5, 20);
    body += flat
      ? `<path fill="${c[0]}" fill-rule="evenodd" d="${regionPath(cg, 0, 30)}"/>`
      : `<path fill="${c[0]}" fill-opacity="0.85" fill-rule="evenodd" filter="url(#${id}c)" d="${regionPath(cg, 0, 30)}"/>`;
    return tileMarkup(id, defs, body);
  },
};

// Steps from one dye to the next: the in-between shades make the bands read as bled dye.
const SOFT_STEPS = 3;
const TURNS = 2.2; // bands from a spiral's centre to the next

function spiral(seed: number, c: Hex[]): string {
  const id = idPrefix('tie-dye-spiral', seed, c);
  const dyes = c.slice(1).length ? c.slice(1) : c;
  const shades = dyes.flatMap((d, i) => Array.from({ length: SOFT_STEPS }, (_, s) => mix(d, dyes[(i + 1) % dyes.length], s / SOFT_STEPS)));
  const k = shades.length;
  const warp = fbm(hashSeed(seed, 'td-spiral-warp'), { px: 2, py: 2, octaves: 3, gain: 0.5 });
  const T = 1000;
  // Periodic in both directions: a radius from sines (zero at the centres) and an angle whose
  // branch cut jumps by whole turns, so the phase is continuous across the tile's edges.
  const phase: Field = (x, y) => {
    const sx = Math.sin((2 * Math.PI * x) / T);
    const sy = Math.sin((2 * Math.PI * y) / T);
    const r = Math.sqrt(Math.sin((Math.PI * x) / T) ** 2 * Math.sin((Math.PI * y) / T) ** 2 + Math.cos((Math.PI * x) / T) ** 2 * Math.cos((Math.PI * y) / T) ** 2);
    const turn = Math.atan2(sy, sx) / (2 * Math.PI);
    return dyes.length * (TURNS * (1 - r) + turn + 0.35 * warp(x, y));
  };
  const g = sampleGrid(phase, 8, 40);
  let body = groundRect(shades[0]);
  for (let i = 0; i < k; i++) {
    const band = mapGrid(g, (v) => Math.cos(2 * Math.PI * (v / dyes.length - i / k)) - Math.cos(Math.PI / k) + 0.02);
    body += `<path fill="${shades[i]}" fill-rule="evenodd" d="${regionPath(band, 0, 40)}"/>`;
  }
  return tileMarkup(id, '', body);
}
