// Sets up a blind A/B of print art at 100 %: for each prompt (written before any output was
// looked at), the shop's preview and two 500 px crops of the 4 in repeat at 300 DPI — the print
// engine's file against SR ×4 and against bicubic, sides drawn at random. The judge's folder
// holds only neutral names and the prompts; the key goes to a separate file.
//   npx tsx scripts/print/blind-ab.ts OUT_DIR KEY_FILE
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { getModelInfo, renderRecipe, upscale, type Recipe } from '../../lib/generation';
import { decodeRgb, vectoriseTile } from '../../lib/print';

const [outDir, keyFile] = process.argv.slice(2);
if (!outDir || !keyFile) throw new Error('usage: blind-ab.ts OUT_DIR KEY_FILE');
const prompts: string[] = JSON.parse(fs.readFileSync(path.join(import.meta.dirname, 'blind-ab-prompts.json'), 'utf8'));
fs.mkdirSync(outDir, { recursive: true });
const info = await getModelInfo();
const REPEAT = 1200;
const crop = { left: 350, top: 350, width: 500, height: 500 };

async function seamless(png: Buffer, kernel: 'cubic' | 'lanczos3'): Promise<Buffer> {
  const { data, width: w } = await decodeRgb(png);
  const m = Buffer.alloc(w * 3 * w * 3 * 3);
  for (let y = 0; y < w * 3; y++) for (let k = 0; k < 3; k++) m.set(data.subarray((y % w) * w * 3, ((y % w) + 1) * w * 3), (y * w * 3 + k * w) * 3);
  return sharp(m, { raw: { width: w * 3, height: w * 3, channels: 3 } }).resize(REPEAT * 3, REPEAT * 3, { kernel }).extract({ left: REPEAT, top: REPEAT, width: REPEAT, height: REPEAT }).png().toBuffer();
}

// A fixed coin per pair, so the set is reproducible (a high bit: an LCG's low bits alternate).
let state = 20261207;
const coin = () => ((state = (state * 1103515245 + 12345) % 2 ** 31) >> 16) % 2 === 1;

const key: string[] = [];
const list: string[] = [];
let n = 0;
for (const [i, prompt] of prompts.entries()) {
  const recipe: Recipe = { prompt, seed: i + 1, modelId: info.id, modelSha256: info.modelSha256, scheduler: 'unipc', steps: 8, guidance: 3, guidanceMinT: 0.6, width: 64, height: 64, tileable: true };
  const preview = await renderRecipe(recipe);
  const rgb = await decodeRgb(preview);
  const vector = await sharp(Buffer.from(vectoriseTile(rgb.data, rgb.width, rgb.height).svg(REPEAT, REPEAT))).removeAlpha().png().toBuffer();
  const others = { sr4: await seamless(await upscale(preview, 4), 'lanczos3'), bicubic: await seamless(preview, 'cubic') };
  for (const [name, other] of Object.entries(others)) {
    const id = String(++n).padStart(3, '0');
    const leftIsVector = coin();
    const [left, right] = leftIsVector ? [vector, other] : [other, vector];
    await sharp(preview).resize(256, 256, { kernel: 'nearest' }).png().toFile(path.join(outDir, `${id}-shop-preview.png`));
    await sharp(left).extract(crop).png().toFile(path.join(outDir, `${id}-left.png`));
    await sharp(right).extract(crop).png().toFile(path.join(outDir, `${id}-right.png`));
    list.push(`${id}: ${prompt}`);
    key.push(`${id}: left=${leftIsVector ? 'vector' : name} right=${leftIsVector ? name : 'vector'}`);
  }
}
fs.writeFileSync(path.join(outDir, 'list.txt'), `${list.join('\n')}\n`);
fs.writeFileSync(keyFile, `${key.join('\n')}\n`);
console.log(`${n} pairs in ${outDir}; key in ${keyFile}`);
process.exit(0);
