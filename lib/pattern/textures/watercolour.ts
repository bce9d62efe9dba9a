// Watercolour wash: for each paint colour, translucent glazes over the paper, their shapes cut
// from periodic noise. Each glaze is blurred for the soft, bled edge, gets a thin darker rim
// where pigment dries at the edge of a wash, and a smaller, denser pool inside; overlapping
// glazes mix the way layered washes do.
// From engine version 2 each glaze is flat (no blur or translucency): a pale wash, the paint's
// own colour in the pool; librsvg blurs a lone tile against empty canvas past its edges, which
// showed as a seam, and blurred washes print soft.
import type { Hex, TextureDef } from '../types';
import { darken, mix, resolveColours } from './colour';
import { quantile, regionPath, sampleGrid } from './contour';
import { fbm } from './noise';
import { hashSeed } from './random';
import { blurFilter, groundRect, idPrefix, tileMarkup } from './svg';

const DEFAULTS: Hex[] = ['#fbf8f1', '#6fa8d6', '#f19c9c', '#f6cf72'];

export const watercolour: TextureDef = {
  id: 'watercolour',
  keywords: [
    'watercolour', 'watercolor', 'watercolour wash', 'watercolor wash', 'painted wash', 'watercolour texture', 'aquarelle',
    'acuarela', 'efecto acuarela', 'acuarelado',
    'aquarellé', 'effet aquarelle', 'lavis',
    'aquarell', 'aquarellfarben', 'wasserfarbe', 'aquarelloptik',
    'acquerello', 'effetto acquerello', 'acquarello',
    'aquarela', 'efeito aquarela', 'aguarela',
    'aquarel', 'waterverf', 'aquarellook',
    'akwarela', 'akwarelowy', 'efekt akwareli',
    '水彩', '水彩画', '水彩風', 'ウォーターカラー',
    '水彩画风', '水彩風格', '水彩晕染',
    'акварель', 'акварельный', 'акварельные разводы',
  ],
  colours: 4,
  defaultColours: DEFAULTS,
  render({ seed, colours, v = 1 }) {
    const c = resolveColours(colours, DEFAULTS);
    const id = idPrefix('watercolour', seed, c);
    const flat = v >= 2;
    const defs = flat ? '' : blurFilter(`${id}s`, 7) + blurFilter(`${id}r`, 1.6) + blurFilter(`${id}p`, 14);
    let body = groundRect(c[0]);
    for (let k = 1; k < c.length; k++) {
      const f = fbm(hashSeed(seed, 'wash', k), { px: 3, py: 3, octaves: 4, gain: 0.5 });
      const g = sampleGrid(f, 10, 60);
      const wash = regionPath(g, quantile(g, 0.58), 300);
      const pool = regionPath(g, quantile(g, 0.85), 300);
      if (flat) {
        body += `<path fill="${mix(c[0], c[k], 0.6)}" fill-rule="evenodd" d="${wash}"/><path fill="${c[k]}" fill-rule="evenodd" d="${pool}"/>`;
        continue;
      }
      body +=
        `<path fill="${c[k]}" fill-opacity="0.62" fill-rule="evenodd" filter="url(#${id}s)" d="${wash}"/>` +
        `<path fill="none" stroke="${darken(c[k], 0.15)}" stroke-opacity="0.45" stroke-width="3" filter="url(#${id}r)" d="${wash}"/>` +
        `<path fill="${c[k]}" fill-opacity="0.6" fill-rule="evenodd" filter="url(#${id}p)" d="${pool}"/>`;
    }
    return tileMarkup(id, defs, body);
  },
};
