// `npm run print`: one print file from a recipe on the fulfillment job's code path, one JSON line
// out; bad input exits 2 with one line a person can act on.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson, getModelInfo, renderRecipe, type Recipe } from '../../lib/generation';
import { matchPreview } from '../../lib/print';

const root = path.resolve(import.meta.dirname, '../..');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'seedprint-print-cli-'));
const recipeFile = path.join(dir, 'recipe.json');
let recipe: Recipe;

const print = (...args: string[]) => spawnSync(path.join(root, 'node_modules/.bin/tsx'), ['scripts/print.ts', ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, NODE_ENV: 'test' }, timeout: 120_000 });

beforeAll(async () => {
  const info = await getModelInfo();
  recipe = { prompt: 'yellow stars on black', seed: 21, modelId: info.id, modelSha256: info.modelSha256, scheduler: 'unipc', steps: 8, guidance: 3, guidanceMinT: 0.6, width: 64, height: 64, tileable: true };
  fs.writeFileSync(recipeFile, `${canonicalJson(recipe)}\n`); // what `npm run render` prints
});

describe('npm run print', () => {
  it('writes the tee front at 300 DPI and prints its summary; the pixels are the design', async () => {
    const out = path.join(dir, 'front.png');
    const r = print('--recipe', recipeFile, '--product', 'tee', '--placement', 'front', '--repeat', '4', '--out', out);
    expect(r.status, r.stderr).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const summary = JSON.parse(lines[0]);
    const png = fs.readFileSync(out);
    expect(summary).toMatchObject({ width: 3675, height: 4875, dpi: 300, placement: 'front', repeatIn: 4, effectiveDpi: 300, sha256: createHash('sha256').update(png).digest('hex'), preflight: true });
    expect((await sharp(png, { limitInputPixels: false }).metadata()).density).toBe(300);
    expect((await matchPreview(png, await renderRecipe(recipe), { left: 0, top: 0, sizePx: 1200 })).ok).toBe(true);
    // Same recipe, same arguments: the same bytes.
    const again = print('--recipe', recipeFile, '--product', 'tee', '--placement', 'front', '--repeat', '4', '--out', path.join(dir, 'again.png'));
    expect(JSON.parse(again.stdout).sha256).toBe(summary.sha256);
  });

  it.each([
    [['--product', 'hat', '--placement', 'front'], /unknown product "hat"/],
    [['--product', 'tee', '--placement', 'sleeve'], /tee has no placement "sleeve"; one of: front, back/],
    [['--product', 'mug', '--placement', 'wrap', '--repeat', '30'], /--repeat must be from 0.5 to 24 inches/],
    [['--product', 'mug', '--placement', 'wrap', '--repeat', 'big'], /--repeat must be/],
    [['--product', 'mug', '--placement', 'wrap', '--recipe', '/nonexistent.json'], /cannot read the recipe/],
  ])('refuses %j with exit code 2 and one line', (args, message) => {
    const withRecipe = args.includes('--recipe') ? args : ['--recipe', recipeFile, ...args];
    const r = print(...withRecipe, '--out', path.join(dir, 'x.png'));
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n').filter((l) => !l.startsWith('npm warn'))).toEqual([expect.stringMatching(message)]);
    expect(r.stdout).toBe('');
  });

  it('refuses a recipe whose model is not installed, and an invalid recipe', () => {
    const other = path.join(dir, 'other-model.json');
    fs.writeFileSync(other, canonicalJson({ ...recipe, modelSha256: 'b'.repeat(64) }));
    const r = print('--recipe', other, '--product', 'mug', '--placement', 'wrap', '--out', path.join(dir, 'x.png'));
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/cannot be re-rendered exactly/);
    const invalid = path.join(dir, 'invalid.json');
    fs.writeFileSync(invalid, JSON.stringify({ prompt: 'stars' }));
    const r2 = print('--recipe', invalid, '--product', 'mug', '--placement', 'wrap', '--out', path.join(dir, 'x.png'));
    expect(r2.status).toBe(2);
    expect(r2.stderr).toMatch(/the recipe is not valid/);
  });
});
