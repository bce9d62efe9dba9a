// Checkerboard: even squares of two colours. A whole, even number of squares a side, so the
// colours alternate across the tile's edges too; the grid is shifted half a square so the edges
// run through squares, not along their sides.
import type { Hex, TextureDef } from '../types';
import { resolveColours } from './colour';
import { hashSeed, rng } from './random';
import { groundRect, idPrefix, n1, tileMarkup } from './svg';

const DEFAULTS: Hex[] = ['#f4f0e6', '#1f1f22'];

export const checkerboard: TextureDef = {
  id: 'checkerboard',
  keywords: [
    'checkerboard', 'chequerboard', 'checkered', 'chequered', 'checker', 'checkers', 'checks', 'check', 'check print', 'checkered print',
    'damero', 'ajedrezado', 'cuadros', 'damier', 'à carreaux', 'carreaux', 'schachbrett', 'schachbrettmuster', 'karo', 'kariert',
    'scacchiera', 'a scacchi', 'xadrez', 'quadriculado', 'dambord', 'geruit', 'szachownica', 'w kratkę', '市松模様', 'チェック', '棋盘格', '格子', 'шахматка', 'шахматный', 'клетка',
  ],
  colours: 2,
  defaultColours: DEFAULTS,
  render({ seed, colours }) {
    const c = resolveColours(colours, DEFAULTS);
    const id = idPrefix('checkerboard', seed, c);
    const n = rng(hashSeed(seed, 'checkerboard')).pick([4, 6, 8]);
    const cell = 1000 / n;
    let d = '';
    for (let row = 0; row <= n; row++) for (let col = row % 2; col <= n; col += 2) d += `M${n1((col - 0.5) * cell)} ${n1((row - 0.5) * cell)}h${n1(cell)}v${n1(cell)}h${n1(-cell)}Z`;
    return tileMarkup(id, '', groundRect(c[0]) + `<path fill="${c[1]}" d="${d}"/>`);
  },
};
