// Gingham: even checks of one colour on white. Bands of the colour at half strength run both
// ways; where they cross the colour is full, giving gingham's three tones. Band count is a whole
// number per tile, so the checks meet at the edges.
import type { Hex, TextureDef } from '../types';
import { mix, resolveColours } from './colour';
import { hashSeed, rng } from './random';
import { groundRect, idPrefix, n1, tileMarkup } from './svg';

const DEFAULTS: Hex[] = ['#ffffff', '#c8323c'];

export const gingham: TextureDef = {
  id: 'gingham',
  keywords: [
    'gingham', 'gingham check', 'picnic check', 'buffalo plaid', 'buffalo check', 'buffalo checks', 'picnic', 'vichy', 'vichy check', 'checked tablecloth',
    'cuadros vichy', 'vichy de cuadros', 'mantel de cuadros',
    'carreaux vichy', 'vichy à carreaux', 'nappe à carreaux',
    'vichykaro', 'vichy-karo', 'bauernkaro', 'gingan',
    'quadretti vichy', 'tovaglia a quadretti', 'quadretti',
    'xadrez vichy', 'guingão', 'toalha xadrez',
    'boerenruit', 'vichyruit', 'ginghamruit',
    'kratka vichy', 'kratka', 'kratka piknikowa',
    'ギンガムチェック', 'ギンガム',
    '维希格', '方格布', '野餐格', '維希格',
    'гингем', 'клетка виши', 'виши',
  ],
  colours: 2,
  defaultColours: DEFAULTS,
  render({ seed, colours }) {
    const c = resolveColours(colours, DEFAULTS);
    const id = idPrefix('gingham', seed, c);
    const n = rng(hashSeed(seed, 'gingham')).pick([6, 8, 10, 12]);
    const cell = 1000 / n;
    const off = cell / 4; // bands start off the tile edge, so the edge is inside a check, not on a line
    const half = mix(c[0], c[1], 0.5);
    let rows = '';
    let cols = '';
    let cross = '';
    for (let i = -1; i <= n; i++) {
      const a = off + i * cell;
      const b = a + cell / 2;
      rows += `M-10 ${n1(a)}H1010V${n1(b)}H-10Z`;
      cols += `M${n1(a)} -10H${n1(b)}V1010H${n1(a)}Z`;
      for (let j = -1; j <= n; j++) {
        const y = off + j * cell;
        cross += `M${n1(a)} ${n1(y)}H${n1(b)}V${n1(y + cell / 2)}H${n1(a)}Z`;
      }
    }
    const body = groundRect(c[0]) + `<path fill="${half}" d="${rows}${cols}"/><path fill="${c[1]}" d="${cross}"/>`;
    return tileMarkup(id, '', body);
  },
};
