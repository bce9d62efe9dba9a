/**
 * Blind A/B pairs (see ../ab-pairs.ts) for the views and designs below.
 * usage: npx tsx bench/judging/mockup-ab-2/make-pairs.ts <old templates root> <new templates root> <judge dir> <key.json>
 */
import { makePairs, type Pair } from '../ab-pairs';
import { DESIGNS } from './designs';

const PAIRS: Pair<keyof typeof DESIGNS>[] = [
  ['tee', 'front', 'leaves', 'ffffff', 3],
  ['tee', 'back', 'waves', '1e2a4a', 3],
  ['tee', 'detail', 'terrazzo', 'e9dcc5', 3],
  ['hoodie', 'back', 'leaves', 'ffffff', 4],
  ['hoodie', 'back', 'waves', '1e2a4a', 4],
  ['hoodie', 'back', 'terrazzo', 'e9dcc5', 4],
  ['mug', 'front', 'leaves', 'ffffff', 2],
  ['mug', 'left', 'waves', '1e2a4a', 2],
  ['mug', 'front', 'terrazzo', 'e9dcc5', 2],
  ['tote', 'front', 'leaves', 'f3ecdc', 4],
  ['tote', 'front', 'waves', '1e2a4a', 4],
  ['tote', 'front', 'terrazzo', 'e9dcc5', 4],
  ['poster', '12x18', 'leaves', 'ffffff', 4],
  ['poster', '18x24', 'waves', 'ffffff', 4],
  ['poster', '24x36', 'terrazzo', 'ffffff', 4],
  ['phone-case', 'back', 'leaves', 'ffffff', 1.5],
  ['phone-case', 'back', 'waves', '1e2a4a', 1.5],
  ['phone-case', 'back', 'terrazzo', 'e9dcc5', 1.5],
];

void makePairs(PAIRS, DESIGNS, process.argv.slice(2));
