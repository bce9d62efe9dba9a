// Wood grain (flat-sawn board): growth rings are level lines of a phase g = rings·y/TILE + slow,
// strongly stretched noise + a few knots (periodic bumps, which close the lines into eyes). Dark
// late-wood lines, lighter early-wood bands and faint fibre streaks come from bands of that
// phase; the stretch keeps the grain running along the board.
import type { Hex, TextureDef } from '../types';
import { resolveColours } from './colour';
import { downsample, mapGrid, regionPath, sampleGrid, upsample } from './contour';
import { fbm, wrapDelta, type Field } from './noise';
import { hashSeed, rng } from './random';
import { groundRect, idPrefix, tileMarkup } from './svg';

const DEFAULTS: Hex[] = ['#c89462', '#7a4a26', '#deb583'];

export const woodGrain: TextureDef = {
  id: 'wood-grain',
  keywords: [
    'wood grain', 'wood', 'wooden', 'woodgrain', 'wood texture', 'timber', 'oak', 'walnut',
    'madera', 'veta de madera', 'textura de madera',
    'bois', 'veinage bois', 'effet bois', 'grain du bois',
    'holz', 'holzmaserung', 'maserung', 'holzoptik',
    'legno', 'venatura del legno', 'effetto legno',
    'madeira', 'veio de madeira', 'textura de madeira',
    'hout', 'houtnerf', 'houtlook',
    'drewno', 'słoje drewna', 'drewniany', 'faktura drewna',
    '木目', '木目調', 'ウッド',
    '木纹', '木紋', '木头',
    'дерево', 'текстура дерева', 'древесина', 'под дерево',
  ],
  colours: 3,
  defaultColours: DEFAULTS,
  render({ seed, colours }) {
    const c = resolveColours(colours, DEFAULTS);
    const id = idPrefix('wood-grain', seed, c);
    const rand = rng(hashSeed(seed, 'wood'));
    // One lattice cell across, several down: the noise stretches along the board.
    const slow = fbm(hashSeed(seed, 'wood-slow'), { px: 1, py: 3, octaves: 3, gain: 0.5 });
    const fineN = fbm(hashSeed(seed, 'wood-fine'), { px: 2, py: 16, octaves: 2, gain: 0.5 });
    const knots = Array.from({ length: rand.int(1, 3) }, () => ({ x: rand.range(0, 1000), y: rand.range(0, 1000), r: rand.range(25, 45), h: rand.range(1.2, 2.2) }));
    const rings = rand.int(13, 17);
    const phase: Field = (x, y) => {
      let g = (rings * y) / 1000 + 1.5 * slow(x, y) + 0.06 * fineN(x, y);
      for (const k of knots) {
        const dx = wrapDelta(x - k.x) / 2.2; // knots are stretched along the grain too
        const dy = wrapDelta(y - k.y);
        g += k.h * Math.exp(-(dx * dx + dy * dy) / (2 * k.r * k.r));
      }
      return g;
    };
    const width = fbm(hashSeed(seed, 'wood-w'), { px: 2, py: 5, octaves: 2, gain: 0.5 });
    // The phase is sampled once; each band is a cheap function of it.
    const ph = upsample(sampleGrid(phase, 10, 20), 2);
    const wd = upsample(sampleGrid(width, 10, 20), 2);
    const band = (off: number, base: number, vary: number, mul: number) =>
      mapGrid(ph, (g, _x, _y, k) => Math.cos(2 * Math.PI * (mul * g + off)) - (base + vary * wd.v[k]));
    const early = regionPath(downsample(band(0.5, 0.1, 0.4, 1), 2), 0, 30);
    const late = regionPath(band(0, 0.8, 0.25, 1), 0, 20);
    const fibres = regionPath(band(0.25, 0.93, 0.1, 3), 0, 60);
    const body =
      groundRect(c[0]) +
      `<path fill="${c[2]}" fill-rule="evenodd" d="${early}"/>` +
      `<path fill="${c[1]}" fill-opacity="0.45" fill-rule="evenodd" d="${fibres}"/>` +
      `<path fill="${c[1]}" fill-rule="evenodd" d="${late}"/>`;
    return tileMarkup(id, '', body);
  },
};
