// Runs in its own process so its peak RSS is the print job's alone: tee front at 300 DPI, of a
// pattern-engine design (argv[3] = pattern, what the studio makes for most prompts) or of a
// diffusion design (argv[3] = diffusion). Writes the file to argv[2] for the parent to measure.
import fs from 'node:fs';
import { generateCandidates, getModelInfo } from '../lib/generation';
import { renderPrintFiles, type PrintRecipe } from '../lib/print';
import { printTileSource } from '../lib/generation';
import { BENCH_PATTERN_PROMPT, BENCH_RECIPE } from './print-recipe';

let recipe: PrintRecipe;
if (process.argv[3] === 'pattern') {
  recipe = (await generateCandidates({ prompt: BENCH_PATTERN_PROMPT, seed: 1234, count: 1, engine: 'auto' })).candidates[0].recipe;
} else {
  const info = await getModelInfo();
  recipe = { ...BENCH_RECIPE, modelId: info.id, modelSha256: info.modelSha256 };
}
const source = printTileSource();
const area = { name: 'front', widthIn: 12, heightIn: 16, dpi: 300, bleedIn: 0.125, safeMarginIn: 0.25 };
const spec = { recipe, expectedPreviewSha256: null, repeatIn: 4, productSlug: 'tee', variantLabel: 'White / M', areas: [area] };
await renderPrintFiles({ ...spec, areas: [{ ...area, widthIn: 1, heightIn: 1 }] }, source); // warm the model
const runs: number[] = [];
let out;
for (let i = 0; i < 3; i++) {
  const t = performance.now();
  out = await renderPrintFiles(spec, source);
  runs.push(performance.now() - t);
}
runs.sort((a, b) => a - b);
if (process.argv[2]) fs.writeFileSync(process.argv[2], out![0].png);
// Peak RSS of this process's own memory: VmHWM. getrusage's maxRSS is not usable on Linux: a
// child started from a big parent (the bench, with the generation models loaded) inherits the
// parent's high-water mark across fork + exec.
function peakRssMb(): number {
  try {
    const kb = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync('/proc/self/status', 'utf8'))?.[1];
    if (kb) return Number(kb) / 1024;
  } catch {
    // not Linux
  }
  return process.resourceUsage().maxRSS / 1024;
}
console.log(JSON.stringify({ ms: runs[1], peakRssMb: peakRssMb(), widthPx: out![0].widthPx, heightPx: out![0].heightPx, bytes: out![0].png.length, engine: out![0].engine }));
process.exit(0);
