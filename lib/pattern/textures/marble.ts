// Marble: veins are the thin band |sin(π·g)| < w of a turbulent phase g (a whole number of turns
// across the tile plus domain-warped periodic noise), with w itself varying so veins swell, thin
// out and vanish. A soft blurred halo follows the main veins, and a second family of hairline
// veins in the accent colour crosses them, as in Carrara or Calacatta slabs.
// From engine version 2 the halo is a flat pale band (no blur): librsvg blurs a lone tile
// against empty canvas past its edges, which showed as a seam.
import type { Hex, TextureDef } from '../types';
import { mix, resolveColours } from './colour';
import { downsample, mapGrid, regionPath, sampleGrid, upsample, type Grid } from './contour';
import { fbm, type Field } from './noise';
import { hashSeed } from './random';
import { blurFilter, groundRect, idPrefix, tileMarkup } from './svg';

const DEFAULTS: Hex[] = ['#f4f2ee', '#6f6f73', '#b89a5e'];

function veinField(seed: number, key: string, kx: number, ky: number, amp: number): { phase: Field; width: Field } {
  const warp = fbm(hashSeed(seed, key, 'w'), { px: 2, py: 2, octaves: 3, gain: 0.5 });
  const turb = fbm(hashSeed(seed, key, 't'), { px: 2, py: 2, octaves: 5, gain: 0.5 });
  const width = fbm(hashSeed(seed, key, 'v'), { px: 3, py: 2, octaves: 2, gain: 0.5 });
  return {
    phase: (x, y) => {
      const d = 160 * warp(x, y);
      return (kx * x + ky * y) / 1000 + amp * turb(x + d, y - d);
    },
    width,
  };
}

/** The band w - |sin(π·phase)| > 0 on a 5-unit grid, from phase and width sampled every 10 units. */
function bandGrid(f: { phase: Field; width: Field }, base: number, vary: number, margin: number): Grid {
  const phase = upsample(sampleGrid(f.phase, 10, margin), 2);
  const width = upsample(sampleGrid(f.width, 10, margin), 2);
  return mapGrid(phase, (p, _x, _y, k) => base + vary * width.v[k] - Math.abs(Math.sin(Math.PI * p)));
}

export const marble: TextureDef = {
  id: 'marble',
  keywords: [
    'marble', 'marbled', 'marble effect', 'carrara', 'calacatta',
    'mármol', 'marmoleado', 'efecto mármol',
    'marbre', 'marbré', 'effet marbre',
    'marmor', 'marmoriert', 'marmoroptik',
    'marmo', 'marmorizzato', 'effetto marmo',
    'mármore', 'marmorizado', 'marmoreado',
    'marmer', 'gemarmerd', 'marmerlook',
    'marmur', 'marmurkowy', 'efekt marmuru',
    '大理石', 'マーブル', '大理石柄', 'マーブル柄',
    '大理石纹', '大理石紋',
    'мрамор', 'мраморный', 'под мрамор',
  ],
  colours: 3,
  defaultColours: DEFAULTS,
  render({ seed, colours, v = 1 }) {
    const c = resolveColours(colours, DEFAULTS);
    const id = idPrefix('marble', seed, c);
    const main = veinField(seed, 'main', 1, 2, 0.8);
    const fine = veinField(seed, 'fine', 3, -2, 1.0);
    const mainPhase = upsample(sampleGrid(main.phase, 10, 40), 2);
    const mainWidth = upsample(sampleGrid(main.width, 10, 40), 2);
    const band = (base: number, vary: number) => mapGrid(mainPhase, (p, _x, _y, k) => base + vary * mainWidth.v[k] - Math.abs(Math.sin(Math.PI * p)));
    const halo = regionPath(downsample(band(0.35, 0.15), 2), 0, 60);
    const veins = regionPath(band(0.075, 0.05), 0, 20);
    const hair = regionPath(bandGrid(fine, 0.035, 0.025, 20), 0, 20);
    const flat = v >= 2;
    const defs = flat ? '' : blurFilter(`${id}b`, 10);
    const body =
      groundRect(c[0]) +
      (flat
        ? `<path fill="${mix(c[0], c[1], 0.12)}" fill-rule="evenodd" d="${halo}"/>`
        : `<path fill="${mix(c[0], c[1], 0.5)}" fill-opacity="0.35" fill-rule="evenodd" filter="url(#${id}b)" d="${halo}"/>`) +
      `<path fill="${c[2]}" fill-rule="evenodd" d="${hair}"/>` +
      `<path fill="${c[1]}" fill-rule="evenodd" d="${veins}"/>`;
    return tileMarkup(id, defs, body);
  },
};
