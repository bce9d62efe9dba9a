// Houndstooth: the real weave, not a drawing of it. Four dark and four light threads in warp and
// weft, woven 2/2 twill (the warp is on top where (x + y) mod 4 < 2); each woven cell shows the
// top thread's colour, which is what makes the broken, four-pointed "tooth". One 8 × 8 cell block
// repeats a whole number of times per tile.
import type { Hex, TextureDef } from '../types';
import { resolveColours } from './colour';
import { hashSeed, rng } from './random';
import { groundRect, idPrefix, n1, tileMarkup } from './svg';

const DEFAULTS: Hex[] = ['#f1ede2', '#1b1b1d'];

/** Dark runs per row of the 8 × 8 block, as [start, end) cell indices. */
function blockRuns(): [number, number][][] {
  const dark = (x: number, y: number) => {
    const warpOnTop = (x + y) % 4 < 2;
    return warpOnTop ? x % 8 < 4 : y % 8 < 4;
  };
  const rows: [number, number][][] = [];
  for (let y = 0; y < 8; y++) {
    const runs: [number, number][] = [];
    for (let x = 0; x < 8; ) {
      if (!dark(x, y)) { x++; continue; }
      const s = x;
      while (x < 8 && dark(x, y)) x++;
      runs.push([s, x]);
    }
    rows.push(runs);
  }
  return rows;
}

export const houndstooth: TextureDef = {
  id: 'houndstooth',
  keywords: [
    'houndstooth', 'hounds tooth', "hound's tooth", 'dogstooth', 'dogtooth', 'pied de poule',
    'pata de gallo', 'pata de gallo estampado',
    'pied-de-poule', 'motif pied-de-poule',
    'hahnentritt', 'hahnentrittmuster', 'pepita',
    'pied de poule tessuto', 'pied de coq',
    'pé de galinha', 'pied-de-poule estampa',
    'pied-de-poule ruit', 'hanenvoet',
    'pepitka', 'pepitka wzór', 'kurza stopka',
    '千鳥格子', '千鳥柄', 'ハウンドトゥース',
    '千鸟格', '千鳥格',
    'гусиная лапка', 'ткань гусиная лапка',
  ],
  colours: 2,
  defaultColours: DEFAULTS,
  render({ seed, colours }) {
    const c = resolveColours(colours, DEFAULTS);
    const id = idPrefix('houndstooth', seed, c);
    const rand = rng(hashSeed(seed, 'houndstooth'));
    const blocks = rand.pick([5, 6, 8]);
    const px = 1000 / (blocks * 8);
    // The shift moves where the teeth fall between seeds; the half cell keeps cell edges off the tile edge.
    const sx = rand.int(0, 7) + 0.5;
    const sy = rand.int(0, 7) + 0.5;
    const rows = blockRuns();
    let d = '';
    // One path: rects of one colour meeting edge to edge would show hairlines if drawn apart.
    for (let by = -1; by < blocks; by++) {
      for (let y = 0; y < 8; y++) {
        const yy = (by * 8 + y + sy) * px;
        for (let bx = -1; bx < blocks; bx++) {
          for (const [a, b] of rows[y]) {
            const x0 = (bx * 8 + a + sx) * px;
            const x1 = (bx * 8 + b + sx) * px;
            if (x1 <= 0 || x0 >= 1000 || yy + px <= 0 || yy >= 1000) continue;
            d += `M${n1(x0)} ${n1(yy)}H${n1(x1)}V${n1(yy + px)}H${n1(x0)}Z`;
          }
        }
      }
    }
    return tileMarkup(id, '', groundRect(c[0]) + `<path fill="${c[1]}" d="${d}"/>`);
  },
};
