/**
 * Renders one mockup with the store's compositor from a template directory, for looking at templates.
 * usage: npx tsx bench/judging/mockup-ab-2/render-pair.ts <template dir> <design> <hex> <repeatIn> <out.png>
 */
import fs from 'node:fs';
import { renderDesign } from '../ab-pairs';
import { DESIGNS } from './designs';

async function main(): Promise<void> {
  const [dir, design, hex, repeat, out] = process.argv.slice(2);
  fs.writeFileSync(out, await renderDesign(dir, DESIGNS[design as keyof typeof DESIGNS], hex, Number(repeat)));
}

void main();
