/**
 * Blind A/B pairs for mockup templates: each pair is one product view, design, colour and repeat
 * rendered by the store's compositor with the procedural template (`old`) and with the Blender
 * template (`new`), side by side in random order. The judge dir gets only NN.png, list.txt and
 * QUESTION.md; the key (which side is which) goes elsewhere.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { compositeRaw, decodeTile, encodeMockup, loadTemplateDir } from '../../lib/mockup';

/** product, view, design, variant colour (hex), repeat (inches) */
export type Pair<D extends string> = [string, string, D, string, number];

const QUESTION = `Each picture NN.png shows two product mockups side by side (left, right): the same product, pattern and
colour, made two different ways. For each picture, which one looks more like a real product photograph
in which the pattern follows the surface of the product (folds, curves, edges)? Answer one line per
picture, in list.txt's order:

NN: left | right | tie — why, in about five words

Then, in a few sentences, what gives each away as not a photograph.
`;

/** One mockup at the template's full size (PNG) from a template directory and an SVG design. */
export async function renderDesign(dir: string, svg: string, hex: string, repeat: number): Promise<Buffer> {
  const t = await loadTemplateDir(dir);
  const tile = await decodeTile(await sharp(Buffer.from(svg)).png().toBuffer());
  const rgb = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
  return encodeMockup(compositeRaw(t, tile, rgb, repeat), t, t.width, 'png');
}

export async function makePairs<D extends string>(pairs: Pair<D>[], designs: Record<D, string>, argv: string[]): Promise<void> {
  const [oldRoot, newRoot, judgeDir, keyPath] = argv;
  fs.mkdirSync(judgeDir, { recursive: true });
  const order = pairs.map((p) => ({ p, r: crypto.randomInt(1 << 30) })).sort((a, b) => a.r - b.r).map((x) => x.p);
  const key: Record<string, { view: string; design: string; left: 'old' | 'new' }> = {};
  const list: string[] = [];
  const side = async (root: string, [product, view, design, hex, repeat]: Pair<D>): Promise<Buffer> =>
    sharp(await renderDesign(path.join(root, product, view), designs[design], hex, repeat)).resize(768, 768).toBuffer();
  for (const [i, pair] of order.entries()) {
    const id = String(i + 1).padStart(2, '0');
    const left = crypto.randomInt(2) ? 'new' : 'old';
    const [a, b] = await Promise.all([side(left === 'old' ? oldRoot : newRoot, pair), side(left === 'old' ? newRoot : oldRoot, pair)]);
    await sharp({ create: { width: 1552, height: 768, channels: 3, background: '#ffffff' } })
      .composite([{ input: a, left: 0, top: 0 }, { input: b, left: 784, top: 0 }])
      .png()
      .toFile(path.join(judgeDir, `${id}.png`));
    key[id] = { view: `${pair[0]}/${pair[1]}`, design: pair[2], left };
    list.push(`${id}: ${pair[0]} — left or right`);
  }
  fs.writeFileSync(path.join(judgeDir, 'list.txt'), list.join('\n') + '\n');
  fs.writeFileSync(path.join(judgeDir, 'QUESTION.md'), QUESTION);
  fs.writeFileSync(keyPath, JSON.stringify(key, null, 1) + '\n');
}
