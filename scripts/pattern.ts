// npm run pattern -- --prompt "lemons on light blue" [--seed 7] [--count 4] --out lemons.png
// What the pattern engine understood (JSON on stdout) and its candidates as PNG tiles
// (out.png, or out-1.png … out-N.png), 1024 px each.
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { renderPatternPng, specFor, understandPrompt } from '../lib/pattern';

const { values } = parseArgs({ options: { prompt: { type: 'string' }, seed: { type: 'string' }, count: { type: 'string' }, out: { type: 'string' }, size: { type: 'string' } } });
if (!values.prompt || !values.out) {
  console.error('usage: npm run pattern -- --prompt "lemons on light blue" [--seed 7] [--count 4] [--size 1024] --out lemons.png');
  process.exit(2);
}
const seed = Number(values.seed ?? 1);
const count = Number(values.count ?? 1);
const size = Number(values.size ?? 1024);
const intent = understandPrompt(values.prompt);
if (intent.refusals.length) {
  console.error(intent.refusals.map((r) => r.message).join('\n'));
  process.exit(3);
}
const specs = await Promise.all(Array.from({ length: count }, (_, i) => specFor(intent, seed, i)));
if (!specs[0]) {
  console.error(`Nothing in "${values.prompt}" is something the pattern engine can draw (ignored: ${intent.ignored.join(', ') || 'none'}).`);
  process.exit(4);
}
for (const [i, spec] of specs.entries()) {
  const file = count === 1 ? values.out : values.out.replace(/(\.png)?$/, `-${i + 1}.png`);
  fs.writeFileSync(file, await renderPatternPng(spec!, seed + i, size));
}
console.log(JSON.stringify({ understood: { motifs: intent.motifs.map((m) => ({ id: m.motif.id, words: m.words, corrected: m.corrected, colour: m.colour?.name })), background: intent.background?.name, texture: intent.texture?.def.id, text: intent.text && { content: intent.text.content, font: intent.text.font.id }, layout: intent.layout, scale: intent.scale, density: intent.density, count: intent.count, excluded: intent.excluded, ignored: intent.ignored }, specs }));
process.exit(0);
