// npm run render -- --prompt "red hearts on navy" --seed 42 --out tile.png
//   [--steps N] [--guidance G] [--guidance-min-t T (0 = every step)] [--scheduler ddim|dpmpp-2m|unipc] [--size PX] [--upscale 2|4|8|16]
//   [--recipe recipe.json]   (render an existing recipe instead of a prompt)
// Prints the recipe JSON on stdout. Same arguments -> byte-identical PNG, in any process.
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { canonicalJson, generateCandidates, normalizeRecipe, renderRecipe, upscale, type Recipe } from '../lib/generation';
import { HttpError } from '../lib/http/errors';

function num(v: string | undefined, name: string): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isFinite(n)) throw new HttpError(400, `--${name} must be a number`);
  return n;
}

async function main() {
  const { values } = parseArgs({
    options: {
      prompt: { type: 'string' },
      seed: { type: 'string' },
      out: { type: 'string', short: 'o' },
      steps: { type: 'string' },
      guidance: { type: 'string' },
      'guidance-min-t': { type: 'string' },
      scheduler: { type: 'string' },
      size: { type: 'string' },
      upscale: { type: 'string' },
      recipe: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help || (!values.prompt && !values.recipe) || !values.out) {
    console.error('usage: npm run render -- --prompt "red hearts on navy" --seed 42 --out tile.png [--steps N --guidance G --guidance-min-t T --scheduler ddim|dpmpp-2m|unipc --size PX --upscale 4] | --recipe r.json --out tile.png');
    process.exit(values.help ? 0 : 2);
  }
  let recipe: Recipe;
  if (values.recipe) {
    recipe = normalizeRecipe(JSON.parse(fs.readFileSync(values.recipe, 'utf8')));
  } else {
    const r = await generateCandidates({
      prompt: values.prompt!,
      seed: num(values.seed, 'seed') ?? 0,
      count: 1,
      steps: num(values.steps, 'steps'),
      guidance: num(values.guidance, 'guidance'),
      guidanceMinT: num(values['guidance-min-t'], 'guidance-min-t'),
      scheduler: values.scheduler,
    });
    recipe = r.candidates[0].recipe;
    if (r.ignoredWords.length) console.error(`ignored words: ${r.ignoredWords.join(', ')}`);
  }
  const size = num(values.size, 'size');
  const factor = num(values.upscale, 'upscale');
  let png = await renderRecipe(recipe, size ? { size } : {});
  if (factor) png = await upscale(png, factor);
  fs.writeFileSync(values.out!, png);
  process.stdout.write(`${canonicalJson(recipe)}\n`);
}

main().catch((err) => {
  console.error(err instanceof HttpError ? `error: ${err.message}` : err);
  process.exit(1);
});
