/**
 * Blind A/B pairs (see ../ab-pairs.ts) for the views and designs below.
 * usage: npx tsx bench/judging/mockup-ab-3/make-pairs.ts <old templates root> <new templates root> <judge dir> <key.json>
 */
import { makePairs, type Pair } from '../ab-pairs';
import { DESIGNS } from './designs';

// product, view, design, variant colour, repeat (inches): mug 5, tee 6
const PAIRS = `mug front cherries ffffff 2
mug left check ffffff 1.5
mug front florals ffffff 2
mug left geometric 36393f 2
mug front check ffffff 1.5
tee front cherries ffffff 3
tee back check ffffff 2.5
tee detail florals f7e6ea 3
tee front geometric 36393f 3
tee back florals ffffff 3
tee detail cherries ffffff 3`
  .split('\n')
  .map((line): Pair<keyof typeof DESIGNS> => {
    const [product, view, design, hex, repeat] = line.split(' ');
    return [product, view, design as keyof typeof DESIGNS, hex, Number(repeat)];
  });

void makePairs(PAIRS, DESIGNS, process.argv.slice(2));
