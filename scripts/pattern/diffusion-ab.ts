// Sets up a blind A/B of the diffusion stage: each shopper request in diffusion-ab-prompts.json
// (written before any output was seen) is drawn twice from the same prompt and seed, once composed
// with the diffusion model's field and once without it, as one image: two 2×2 repeats side by side,
// labelled only "A" and "B". Which side has the diffusion stage is drawn with crypto.randomInt and written
// to a separate key file the judge never sees.
//   npx tsx scripts/pattern/diffusion-ab.ts OUT_DIR KEY_FILE [SEED]
import { randomInt } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { patternCandidates, readPatternPrompt } from '../../lib/generation/pattern-engine';

const [outDir, keyFile, seedArg] = process.argv.slice(2);
if (!outDir || !keyFile) throw new Error('usage: diffusion-ab.ts OUT_DIR KEY_FILE [SEED]');
const baseSeed = Number(seedArg ?? 7000);
const { prompts } = JSON.parse(fs.readFileSync(path.join(import.meta.dirname, 'diffusion-ab-prompts.json'), 'utf8')) as { prompts: string[] };
const TILE_PX = 384;
const GAP = 48;
const LABEL = 64;

/** A 2×2 repeat of one candidate's tile. */
async function repeat(pixels: { rgb: Uint8Array; w: number; h: number }): Promise<Buffer> {
  const tile = await sharp(Buffer.from(pixels.rgb), { raw: { width: pixels.w, height: pixels.h, channels: 3 } }).resize(TILE_PX, TILE_PX, { kernel: 'lanczos3' }).png().toBuffer();
  return sharp({ create: { width: 2 * TILE_PX, height: 2 * TILE_PX, channels: 3, background: '#ffffff' } })
    .composite([0, TILE_PX].flatMap((left) => [0, TILE_PX].map((top) => ({ input: tile, left, top }))))
    .png()
    .toBuffer();
}

const label = (text: string) =>
  Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="${2 * TILE_PX}" height="${LABEL}"><text x="${TILE_PX}" y="${LABEL - 14}" font-family="DejaVu Sans, sans-serif" font-size="44" font-weight="bold" text-anchor="middle" fill="#222">${text}</text></svg>`);

fs.mkdirSync(outDir, { recursive: true });
const list: string[] = [];
const key: { id: string; prompt: string; seed: number; diffusion: 'A' | 'B'; staged: boolean; designIds: Record<'A' | 'B', string> }[] = [];
for (const [i, prompt] of prompts.entries()) {
  const seed = baseSeed + i;
  const { intent, drawable } = readPatternPrompt(prompt);
  if (!drawable) {
    console.warn(`skipped (the pattern engine cannot draw it): ${prompt}`);
    continue;
  }
  const [withGround] = (await patternCandidates(prompt, intent, [seed], { ground: true })) ?? []; // the diffusion stage on
  const [flat] = (await patternCandidates(prompt, intent, [seed], { ground: false })) ?? [];
  if (!withGround || !flat) continue;
  const diffusion = randomInt(2) === 0 ? 'A' : 'B';
  const [a, b] = diffusion === 'A' ? [withGround, flat] : [flat, withGround];
  const id = String(list.length + 1).padStart(2, '0');
  const W = 4 * TILE_PX + GAP;
  await sharp({ create: { width: W, height: LABEL + 2 * TILE_PX, channels: 3, background: '#ffffff' } })
    .composite([
      { input: label('A'), left: 0, top: 0 },
      { input: label('B'), left: 2 * TILE_PX + GAP, top: 0 },
      { input: await repeat(a.pixels), left: 0, top: LABEL },
      { input: await repeat(b.pixels), left: 2 * TILE_PX + GAP, top: LABEL },
    ])
    .png()
    .toFile(path.join(outDir, `${id}.png`));
  list.push(`${id}: ${prompt}`);
  key.push({ id, prompt, seed, diffusion, staged: !!withGround.recipe.pattern!.ground, designIds: { A: a.designId, B: b.designId } });
}
fs.writeFileSync(path.join(outDir, 'list.txt'), `${list.join('\n')}\n`);
fs.writeFileSync(keyFile, `${JSON.stringify({ about: 'diffusion: the side (A or B) whose design the diffusion model composed; staged: whether the stage applied (false: texture or fixed rows, both sides alike)', pairs: key }, null, 1)}\n`);
console.log(`${list.length} pairs in ${outDir}; key in ${keyFile}`);
process.exit(0);
