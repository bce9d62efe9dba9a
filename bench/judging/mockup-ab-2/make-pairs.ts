/**
 * Blind A/B pairs: each pair is one product view, design, colour and repeat rendered by the store's
 * compositor with the procedural template (`old`, a checkout of the templates before the Blender
 * ones) and with the Blender template (`new`), side by side in random order.
 * usage: npx tsx bench/judging/mockup-ab-2/make-pairs.ts <old templates root> <new templates root> <judge dir> <key.json>
 * The judge dir gets only NN.png and list.txt; the key (which side is which) goes elsewhere.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { compositeRaw, decodeTile, encodeMockup, loadTemplateDir } from '../../../lib/mockup';
import { DESIGNS } from './designs';

const PAIRS: [string, string, keyof typeof DESIGNS, string, number][] = [
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

const QUESTION = `Each picture NN.png shows two product mockups side by side (left, right): the same product, pattern and
colour, made two different ways. For each picture, which one looks more like a real product photograph
in which the pattern follows the surface of the product (folds, curves, edges)? Answer one line per
picture, in list.txt's order:

NN: left | right | tie — why, in about five words

Then, in a few sentences, what gives each away as not a photograph.
`;

async function render(root: string, product: string, view: string, design: keyof typeof DESIGNS, hex: string, repeat: number): Promise<Buffer> {
  const t = await loadTemplateDir(path.join(root, product, view));
  const tile = await decodeTile(await sharp(Buffer.from(DESIGNS[design])).png().toBuffer());
  const rgb = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
  return sharp(await encodeMockup(compositeRaw(t, tile, rgb, repeat), t, t.width, 'png')).resize(768, 768).toBuffer();
}

async function main(): Promise<void> {
  const [oldRoot, newRoot, judgeDir, keyPath] = process.argv.slice(2);
  fs.mkdirSync(judgeDir, { recursive: true });
  const order = PAIRS.map((p) => ({ p, r: crypto.randomInt(1 << 30) })).sort((a, b) => a.r - b.r).map((x) => x.p);
  const key: Record<string, { view: string; design: string; left: 'old' | 'new' }> = {};
  const list: string[] = [];
  for (const [i, [product, view, design, hex, repeat]] of order.entries()) {
    const id = String(i + 1).padStart(2, '0');
    const left = crypto.randomInt(2) ? 'new' : 'old';
    const [a, b] = await Promise.all([render(left === 'old' ? oldRoot : newRoot, product, view, design, hex, repeat), render(left === 'old' ? newRoot : oldRoot, product, view, design, hex, repeat)]);
    await sharp({ create: { width: 1552, height: 768, channels: 3, background: '#ffffff' } })
      .composite([{ input: a, left: 0, top: 0 }, { input: b, left: 784, top: 0 }])
      .png()
      .toFile(path.join(judgeDir, `${id}.png`));
    key[id] = { view: `${product}/${view}`, design, left };
    list.push(`${id}: ${product} — left or right`);
  }
  fs.writeFileSync(path.join(judgeDir, 'list.txt'), list.join('\n') + '\n');
  fs.writeFileSync(path.join(judgeDir, 'QUESTION.md'), QUESTION);
  fs.writeFileSync(keyPath, JSON.stringify(key, null, 1) + '\n');
}

void main();
