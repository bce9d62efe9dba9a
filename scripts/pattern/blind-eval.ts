// Sets up a blind evaluation of the studio on the shopper requests in eval-prompts.json (written
// before any output was seen): each request goes through the studio's path (generateCandidates,
// engine 'auto', one candidate), so the design is what a shopper gets, diffusion ground included;
// each that renders becomes NNN.png, a 2×2 repeat, listed as "NNN: <request>" for the judge. What
// the engine understood and refused goes to a separate key file the judge never sees.
//   npx tsx scripts/pattern/blind-eval.ts OUT_DIR KEY_FILE [PROMPTS_JSON]
// PROMPTS_JSON defaults to eval-prompts.json; eval-prompts-fresh.json is a second set, written
// the same way by another writer, kept for judging the engine on requests it was not tuned on.
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { generateCandidates, isPatternRecipe, renderRecipe } from '../../lib/generation';
import { understandPrompt } from '../../lib/pattern';

const [outDir, keyFile, promptsFile] = process.argv.slice(2);
if (!outDir || !keyFile) throw new Error('usage: blind-eval.ts OUT_DIR KEY_FILE [PROMPTS_JSON]');
const { prompts } = JSON.parse(fs.readFileSync(promptsFile ?? path.join(import.meta.dirname, 'eval-prompts.json'), 'utf8')) as { prompts: { kind: string; prompt: string }[] };
fs.mkdirSync(outDir, { recursive: true });
const list: string[] = [];
const key: Record<string, unknown>[] = [];
let n = 0;
for (const { kind, prompt } of prompts) {
  const intent = understandPrompt(prompt);
  const row: Record<string, unknown> = { kind, prompt, refused: intent.refusals.map((r) => r.reason), ignored: intent.ignored };
  if (!intent.refusals.length) {
    try {
      const [c] = (await generateCandidates({ prompt, seed: 1, count: 1, engine: 'auto' })).candidates;
      const tile = await renderRecipe(c.recipe, { size: 384 });
      const id = String(++n).padStart(3, '0');
      await sharp({ create: { width: 768, height: 768, channels: 3, background: '#ffffff' } })
        .composite([0, 384].flatMap((x) => [0, 384].map((y) => ({ input: tile, left: x, top: y }))))
        .png()
        .toFile(path.join(outDir, `${id}.png`));
      list.push(`${id}: ${prompt}`);
      Object.assign(row, { id, engine: isPatternRecipe(c.recipe) ? 'pattern' : 'diffusion', recipe: c.recipe });
    } catch (err) {
      row.rendered = false;
      row.error = (err as Error).message;
    }
  }
  key.push(row);
}
fs.writeFileSync(path.join(outDir, 'list.txt'), `${list.join('\n')}\n`);
fs.writeFileSync(keyFile, JSON.stringify(key, null, 1));
const nonIp = key.filter((k) => k.kind !== 'ip');
const ip = key.filter((k) => k.kind === 'ip');
console.log(`${n} rendered of ${nonIp.length} non-IP requests (${((n / nonIp.length) * 100).toFixed(1)} %; ${key.filter((k) => k.engine === 'pattern').length} by the pattern engine, the rest by the diffusion model alone); IP refused for an IP reason: ${ip.filter((k) => (k.refused as string[]).length).length} of ${ip.length}; non-IP wrongly refused: ${nonIp.filter((k) => (k.refused as string[]).length).length}`);
process.exit(0);
