/**
 * Renders one mockup with the store's compositor from a template directory, for looking at
 * templates and for blind A/B pairs.
 * usage: npx tsx bench/judging/mockup-ab-2/render-pair.ts <template dir> <design> <hex> <repeatIn> <out.png>
 */
import { compositeRaw, decodeTile, encodeMockup, loadTemplateDir } from '../../../lib/mockup';
import sharp from 'sharp';
import { DESIGNS } from './designs';

async function main(): Promise<void> {
  const [dir, design, hex, repeat, out] = process.argv.slice(2);
  const t = await loadTemplateDir(dir);
  const tile = await decodeTile(await sharp(Buffer.from(DESIGNS[design as keyof typeof DESIGNS])).png().toBuffer());
  const rgb = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
  const raw = compositeRaw(t, tile, rgb, Number(repeat));
  await sharp(await encodeMockup(raw, t, t.width, 'png')).toFile(out);
}

void main();
