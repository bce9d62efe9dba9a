// Woodland camouflage: three layers of blobs from independent periodic noise fields, each cut at
// the level that gives it a fixed share of the tile, drawn over the ground; later layers cover
// earlier ones, so the blobs interlock the way printed camo does.
import type { Hex, TextureDef } from '../types';
import { resolveColours } from './colour';
import { regionPath, sampleGrid, quantile } from './contour';
import { fbm } from './noise';
import { hashSeed } from './random';
import { groundRect, idPrefix, tileMarkup } from './svg';

const DEFAULTS: Hex[] = ['#7d8450', '#4b5a2a', '#6b4a2e', '#1f201b'];
// Share of the tile left uncovered by each layer: lower layers large, the black "sticks" small.
const COVER = [0.5, 0.4, 0.18];

export const camouflage: TextureDef = {
  id: 'camouflage',
  keywords: [
    'camouflage', 'camo', 'woodland camo', 'army', 'military', 'army print', 'military print',
    'camuflaje', 'militar', 'estampado militar',
    'camouflage militaire', 'treillis',
    'tarnmuster', 'tarnfarben', 'flecktarn', 'militärmuster',
    'mimetico', 'stampa mimetica',
    'camuflagem', 'camuflado', 'estampa militar',
    'camouflageprint', 'legerprint',
    'kamuflaż', 'moro', 'wzór moro',
    '迷彩', '迷彩柄', 'カモフラージュ', 'カモフラ',
    '迷彩图案', '迷彩花纹',
    'камуфляж', 'камуфляжный', 'милитари',
  ],
  colours: 4,
  defaultColours: DEFAULTS,
  render({ seed, colours }) {
    const c = resolveColours(colours, DEFAULTS);
    const id = idPrefix('camouflage', seed, c);
    let body = groundRect(c[0]);
    for (let k = 0; k < 3; k++) {
      // Stretched lattice (more cells across than down) gives the horizontal smear of woodland camo.
      const f = fbm(hashSeed(seed, 'camo', k), { px: 5, py: 4, octaves: 4, gain: 0.45 });
      const g = sampleGrid(f, 10, 20);
      body += `<path fill="${c[k + 1]}" fill-rule="evenodd" d="${regionPath(g, quantile(g, 1 - COVER[k] * (k === 2 ? 1 : 0.9)), 150)}"/>`;
    }
    return tileMarkup(id, '', body);
  },
};
