// Terrazzo: angular chips of stone and glass in several colours set in a pale ground, big ones
// kept apart (wrapped distance) as in a poured floor, with a dusting of small flecks. Chips that
// cross an edge are drawn again on the far side.
import type { Hex, TextureDef } from '../types';
import { resolveColours } from './colour';
import { hashSeed, rng, type Rng } from './random';
import { scatter } from './spots';
import { groundRect, idPrefix, polygonPath, shift, tileMarkup, wrapOffsets } from './svg';

const DEFAULTS: Hex[] = ['#eee7dc', '#d9694a', '#2f3e56', '#7fae96', '#e8b44f'];

/** A broken-stone polygon: 4–7 corners at uneven angles and radii. */
function chip(rand: Rng, r: number): number[] {
  const n = rand.int(4, 7);
  const angles = Array.from({ length: n }, (_, i) => ((i + rand.range(-0.35, 0.35)) / n) * Math.PI * 2).sort((a, b) => a - b);
  const stretch = rand.range(1, 1.7);
  const rot = rand.range(0, Math.PI);
  const pts: number[] = [];
  for (const a of angles) {
    const k = r * rand.range(0.65, 1.1);
    const x = Math.cos(a) * k * stretch;
    const y = Math.sin(a) * k;
    pts.push(x * Math.cos(rot) - y * Math.sin(rot), x * Math.sin(rot) + y * Math.cos(rot));
  }
  return pts;
}

export const terrazzo: TextureDef = {
  id: 'terrazzo',
  keywords: [
    'terrazzo', 'terrazzo print', 'confetti', 'confetti print', 'confetti pattern', 'konfetti', 'coriandoli', 'confettis', 'venetian terrazzo', 'speckled stone', 'chip stone',
    'terrazo', 'granito', 'terrazo veneciano',
    'granito vénitien', 'motif terrazzo',
    'terrazzoboden', 'terrazzomuster',
    'pavimento alla veneziana', 'graniglia',
    'granilite', 'marmorite',
    'terrazzovloer', 'granito vloer',
    'lastryko', 'wzór lastryko',
    'テラゾー', 'テラゾ', 'テラッツォ',
    '水磨石',
    'терраццо', 'терраццо узор', 'мозаичный пол',
  ],
  colours: 5,
  defaultColours: DEFAULTS,
  render({ seed, colours }) {
    const c = resolveColours(colours, DEFAULTS);
    const id = idPrefix('terrazzo', seed, c);
    const rand = rng(hashSeed(seed, 'terrazzo'));
    const big = scatter(rand, 34, 26, 46, 14);
    const mid = scatter(rand, 90, 9, 18, 8, big, 20);
    const paths = c.slice(1).map(() => '');
    let k = 0;
    for (const s of [...big, ...mid]) {
      const shape = chip(rand, s.r);
      const col = k++ % paths.length; // even share of every chip colour
      for (const [dx, dy] of wrapOffsets(s.x, s.y, s.r * 1.9)) paths[col] += polygonPath(shift(shape, s.x + dx, s.y + dy));
    }
    // Flecks are too small to collide visibly, so they skip the spacing test.
    for (let i = 0; i < 260; i++) {
      const x = rand.range(0, 1000);
      const y = rand.range(0, 1000);
      const shape = chip(rand, rand.range(2.5, 6));
      const col = rand.int(0, paths.length - 1);
      for (const [dx, dy] of wrapOffsets(x, y, 12)) paths[col] += polygonPath(shift(shape, x + dx, y + dy));
    }
    const body = groundRect(c[0]) + paths.map((d, i) => `<path fill="${c[i + 1]}" d="${d}"/>`).join('');
    return tileMarkup(id, '', body);
  },
};
