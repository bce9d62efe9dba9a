// Zebra (and tiger) stripes: the band sin(2π·g) > τ of a phase g = k·y/TILE + warp, where k is a
// whole number of stripes per tile (so g grows by an integer across the tile and the bands
// meet themselves at the edges) and the warp is periodic noise that bends them. τ itself varies
// with a second noise field, so stripes swell, taper to points and break, as on the animal.
import type { Hex, TextureDef } from '../types';
import { resolveColours } from './colour';
import { regionPath, sampleGrid } from './contour';
import { fbm } from './noise';
import { hashSeed } from './random';
import { groundRect, idPrefix, tileMarkup } from './svg';

interface StripeStyle {
  stripes: number; // stripes per tile
  slant: number; // extra whole turns across x (tilts the stripes)
  warp: number; // how far the stripes wander, in stripes
  taper: number; // how strongly the width varies
  width: number; // mean threshold: higher gives thinner dark stripes
}

export function stripeBody(seed: number, key: string, c: Hex[], s: StripeStyle): string {
  const warp = fbm(hashSeed(seed, key, 'warp'), { px: 2, py: 2, octaves: 3, gain: 0.4 });
  const bend = fbm(hashSeed(seed, key, 'bend'), { px: 3, py: 3, octaves: 2, gain: 0.5 });
  const widths = fbm(hashSeed(seed, key, 'width'), { px: 3, py: 4, octaves: 3, gain: 0.45 });
  const edge = fbm(hashSeed(seed, key, 'edge'), { px: 12, py: 12, octaves: 2, gain: 0.5 });
  const g = sampleGrid((x, y) => {
    // Warping the warp's own input gives the swirls and hooks of real stripes.
    const b = 120 * bend(x, y);
    const phase = (s.stripes * y + s.slant * x) / 1000 + s.warp * warp(x + b, y - b) + 0.03 * edge(x, y);
    return Math.sin(2 * Math.PI * phase) - (s.width + s.taper * widths(x, y));
  }, 8, 16);
  return `<path fill="${c[1]}" fill-rule="evenodd" d="${regionPath(g, 0, 40)}"/>`;
}

const ZEBRA: Hex[] = ['#f4f1ea', '#161616'];

export const zebra: TextureDef = {
  id: 'zebra',
  keywords: [
    'zebra', 'zebra print', 'zebra stripes',
    'cebra', 'estampado de cebra', 'rayas de cebra',
    'zèbre', 'zébré', 'imprimé zèbre',
    'zebramuster', 'zebrastreifen', 'zebraprint',
    'zebrato', 'stampa zebrata',
    'zebrado', 'estampa de zebra',
    'zebrapatroon', 'zebrastrepen',
    'zebra w paski', 'wzór zebry',
    'ゼブラ', 'ゼブラ柄', 'シマウマ柄',
    '斑马', '斑马纹', '斑馬紋',
    'зебра', 'под зебру', 'зебровый принт',
  ],
  colours: 2,
  defaultColours: ZEBRA,
  render({ seed, colours }) {
    const c = resolveColours(colours, ZEBRA);
    const body = groundRect(c[0]) + stripeBody(seed, 'zebra', c, { stripes: 8, slant: 2, warp: 2.6, taper: 0.9, width: -0.1 });
    return tileMarkup(idPrefix('zebra', seed, c), '', body);
  },
};

const TIGER: Hex[] = ['#e8842a', '#17120e'];

export const tiger: TextureDef = {
  id: 'tiger',
  keywords: [
    'tiger', 'tiger print', 'tiger stripes',
    'tigre', 'estampado de tigre', 'rayas de tigre',
    'imprimé tigre', 'rayures de tigre',
    'tigermuster', 'tigerstreifen',
    'tigrato', 'stampa tigrata',
    'estampa de tigre', 'listras de tigre',
    'tijger', 'tijgerprint',
    'tygrys', 'tygrysie paski', 'wzór tygrysa',
    'タイガー柄', '虎柄', 'トラ柄',
    '虎纹', '虎紋',
    'тигр', 'тигровый', 'тигровый принт',
  ],
  colours: 2,
  defaultColours: TIGER,
  render({ seed, colours }) {
    const c = resolveColours(colours, TIGER);
    // Tiger stripes run across the body (vertical on the tile), thinner and more broken than zebra.
    const body = groundRect(c[0]) + stripeBody(seed, 'tiger', c, { stripes: 1, slant: 9, warp: 1.8, taper: 1.2, width: 0.55 });
    return tileMarkup(idPrefix('tiger', seed, c), '', body);
  },
};
