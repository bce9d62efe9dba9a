// Tartan: a symmetrical sett (thread colours and counts, mirrored about its pivots) woven the
// same in warp and weft. The weft is drawn as full-width bands; the warp shows through on
// alternate 45° diagonals, the 2/2 twill that gives tartan its stepped, blended crossings.
// The sett repeats a whole number of times per tile, so the edges meet. From engine v2 the twill
// is drawn without anti-aliasing: its fine diagonals otherwise blend warp and weft colours into
// in-between shades at every edge, which print as a muddy haze instead of crisp threads.
import type { Hex, TextureDef } from '../types';
import { resolveColours } from './colour';
import { hashSeed, rng } from './random';
import { idPrefix, n1, tileMarkup } from './svg';

const DEFAULTS: Hex[] = ['#b3202a', '#1c2a4a', '#1f5a36', '#f2c14e', '#f4f0e6'];

/** Thread widths per colour index for half a sett; the other half is its mirror image. */
function sett(seed: number, colours: number): { c: number; w: number }[] {
  const rand = rng(hashSeed(seed, 'tartan'));
  // Broad ground and dark blocks with thin bright guard lines between them, the usual structure.
  const out: { c: number; w: number }[] = [];
  const dark = [1, 2].filter((i) => i < colours);
  const bright = [3, 4].filter((i) => i < colours);
  // Guard lines take the bright colours in turn, so every colour asked for appears.
  let guard = rand.int(0, 1);
  const nextGuard = () => bright[guard++ % bright.length];
  out.push({ c: 0, w: rand.range(22, 34) });
  for (const d of dark) {
    if (bright.length) out.push({ c: nextGuard(), w: rand.range(2.5, 4) });
    out.push({ c: d, w: rand.range(12, 24) });
  }
  if (bright.length) out.push({ c: nextGuard(), w: rand.range(2.5, 5) });
  out.push({ c: dark[0] ?? 0, w: rand.range(6, 12) });
  return out;
}

export const tartan: TextureDef = {
  id: 'tartan',
  keywords: [
    'tartan', 'plaid', 'scottish plaid', 'flannel', 'flannel check', 'lumberjack', 'highland check',
    'tartán', 'cuadros escoceses', 'escocés', 'estampado escocés',
    'écossais', 'carreaux écossais', 'motif écossais',
    'schottenmuster', 'schottenkaro', 'schottisch kariert',
    'scozzese', 'quadri scozzesi', 'tessuto scozzese',
    'xadrez escocês', 'tecido escocês',
    'schotse ruit', 'schotse print',
    'szkocka krata', 'krata szkocka',
    'タータンチェック', 'タータン', 'チェック柄',
    '格子呢', '苏格兰格纹', '蘇格蘭格紋', '格纹',
    'тартан', 'шотландка', 'шотландская клетка',
  ],
  colours: 5,
  defaultColours: DEFAULTS,
  render({ seed, colours, v = 1 }) {
    const c = resolveColours(colours, DEFAULTS);
    const id = idPrefix('tartan', seed, c);
    const half = sett(seed, c.length);
    const full = [...half, ...half.slice(1, -1).reverse()];
    const repeats = rng(hashSeed(seed, 'tartan-n')).int(2, 3);
    const total = full.reduce((s, b) => s + b.w, 0);
    const scale = 1000 / repeats / total;
    // Bands per colour: [start, end) in tile units, for every repeat.
    const bands: [number, number][][] = c.map(() => []);
    // Start part-way into the ground band, so no colour edge falls on the tile's edge.
    const start = -full[0].w * scale * rng(hashSeed(seed, 'tartan-o')).range(0.25, 0.75);
    for (let r = 0, x = start; r <= repeats; r++) {
      for (const b of full) {
        bands[b.c].push([x, x + b.w * scale]);
        x += b.w * scale;
      }
    }
    const period = 10; // twill diagonal period; divides 1000 so the diagonals wrap
    let weft = '';
    let warp = '';
    let defs = '';
    bands.forEach((list, ci) => {
      if (!list.length) return;
      weft += `<path fill="${c[ci]}" d="${list.map(([a, b]) => `M-10 ${n1(a)}H1010V${n1(b)}H-10Z`).join('')}"/>`;
      defs += `<clipPath id="${id}w${ci}"><path d="${list.map(([a, b]) => `M${n1(a)} -10H${n1(b)}V1010H${n1(a)}Z`).join('')}"/></clipPath>`;
      warp += `<path fill="${c[ci]}" clip-path="url(#${id}w${ci})"${v >= 2 ? ' shape-rendering="crispEdges"' : ''} d="url"/>`;
    });
    // One path of diagonal strips, half of each period: where the warp thread is on top.
    let twill = '';
    for (let k = -period; k <= 2000 + period; k += period) twill += `M${k} -10l${period / 2} 0L${k + period / 2 - 1020} 1010l${-period / 2} 0Z`;
    warp = warp.replaceAll('d="url"', `d="${twill}"`);
    return tileMarkup(id, defs, weft + warp);
  },
};
