// Rendering with the random-weight stand-in (same ONNX interface as seedprint-tiny-v1, tiny and
// fast): batch vs solo, two processes, model mismatch, upscale.
process.env.GENERATION_MODEL_DIR = 'tests/generation/fixtures/standin';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { generateCandidates, getModelInfo, readRecipeFromPng, renderRecipe, upscale } from '../../lib/generation';
import { readPngText } from '../../lib/generation/png';

const run = promisify(execFile);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'seedprint-render-'));

describe('rendering (stand-in model)', () => {
  it('4 candidates = seeds s..s+3, each identical to rendering its recipe alone', async () => {
    const r = await generateCandidates({ prompt: 'small red hearts on navy, half-drop', seed: 4294967294 });
    expect(r.candidates.map((c) => c.recipe.seed)).toEqual([4294967294, 4294967295, 0, 1]);
    expect(new Set(r.candidates.map((c) => c.sha256)).size).toBe(4);
    const info = await getModelInfo();
    for (const c of r.candidates) {
      expect(c.recipe).toMatchObject({ modelId: info.id, modelSha256: info.modelSha256, tileable: true, width: 64, height: 64 });
      expect(readRecipeFromPng(c.png)).toEqual(c.recipe);
      expect((await renderRecipe(c.recipe)).equals(c.png)).toBe(true);
    }
  });

  it('a guidance interval: recorded in the recipe, rendered alone identically, guided steps at full batch only', async () => {
    const prompt = 'small red hearts on navy, half-drop';
    const batches: number[] = [];
    const { sampleBase } = await import('../../lib/generation/embedded');
    const { loadModel } = await import('../../lib/generation/model-registry');
    const m = await loadModel();
    const tokens = m.parser.parse(prompt).tokens;
    const opts = { tokens, seeds: [3, 4], steps: 8, guidance: 3, scheduler: 'unipc' as const };
    const previews: Float32Array[] = [], everyStep: Float32Array[] = [];
    await sampleBase(m, { ...opts, guidanceMinT: 0.6, onUnetCall: (_ms, b) => void batches.push(b), onPreview: (x) => void previews.push(x) });
    await sampleBase(m, { ...opts, onPreview: (x) => void everyStep.push(x) });
    // t = 1, .875, .75, .625 are guided (cond + uncond rows); .5 ... .125 run the 2 conditional rows alone
    expect(batches).toEqual([4, 4, 4, 4, 2, 2, 2, 2]);
    const same = previews.map((x, i) => Buffer.from(x.buffer).equals(Buffer.from(everyStep[i].buffer)));
    expect(same).toEqual([true, true, true, true, false, false, false, false]);

    // the stand-in's manifest default (as the shipped model's) puts the interval in every new recipe
    const r = await generateCandidates({ prompt, seed: 11 });
    for (const c of r.candidates) {
      expect(c.recipe.guidanceMinT).toBe(0.6);
      expect((await renderRecipe(c.recipe)).equals(c.png)).toBe(true);
    }
    // 0 asks for guidance at every step: no field in the recipe, other pixels, another design id
    const [every] = (await generateCandidates({ prompt, seed: 11, count: 1, guidanceMinT: 0 })).candidates;
    expect(every.recipe.guidanceMinT).toBeUndefined();
    expect(every.designId).not.toBe(r.candidates[0].designId);
    expect(every.png.equals(r.candidates[0].png)).toBe(false);
    expect(readPngText(r.candidates[0].png).parameters).toContain('Guidance from t: 0.6');
    for (const bad of [1.5, -1, Number.NaN]) {
      await expect(generateCandidates({ prompt, seed: 1, count: 1, guidanceMinT: bad })).rejects.toMatchObject({ status: 400, message: expect.stringMatching(/guidanceMinT must be from 0/) });
    }
  });

  it('the CLI gives byte-identical PNGs in two separate processes', async () => {
    const args = (out: string) => ['tsx', 'scripts/render.ts', '--prompt', 'teal waves on white', '--seed', '7', '--steps', '4', '--scheduler', 'dpmpp-2m', '--guidance-min-t', '0.5', '--out', out];
    const opts = { cwd: process.cwd(), env: { ...process.env, GENERATION_MODEL_DIR: 'tests/generation/fixtures/standin' } };
    const [a, b] = await Promise.all([run('npx', args(path.join(tmp, 'a.png')), opts), run('npx', args(path.join(tmp, 'b.png')), opts)]);
    const recipe = JSON.parse(a.stdout.trim());
    expect(recipe).toMatchObject({ prompt: 'teal waves on white', seed: 7, steps: 4, scheduler: 'dpmpp-2m', guidanceMinT: 0.5 });
    expect(b.stdout).toBe(a.stdout);
    const pa = fs.readFileSync(path.join(tmp, 'a.png'));
    expect(pa.equals(fs.readFileSync(path.join(tmp, 'b.png')))).toBe(true);
    // ... and identical to this process's render of the same recipe
    expect((await renderRecipe(recipe)).equals(pa)).toBe(true);
  }, 60_000);

  it('refuses a recipe made with another model, with a clear error', async () => {
    const r = await generateCandidates({ prompt: 'red hearts on navy', seed: 1, count: 1 });
    await expect(renderRecipe({ ...r.candidates[0].recipe, modelSha256: 'b'.repeat(64) })).rejects.toMatchObject({ status: 409, message: expect.stringMatching(/made with model .* but this server runs/) });
  });

  it('upscale x4 is deterministic, equal from PNG or recipe, and the size option resizes', async () => {
    const [c] = (await generateCandidates({ prompt: 'yellow stars on navy', seed: 3, count: 1 })).candidates;
    const a = await upscale(c.png, 4);
    const b = await upscale(c.recipe, 4);
    expect(a.equals(b)).toBe(true);
    expect((await sharp(a).metadata()).width).toBe(256);
    expect(JSON.parse(readPngText(a)['seedprint-render'])).toMatchObject({ upscale: 4, size: 256 });
    const small = await renderRecipe(c.recipe, { size: 32 });
    expect((await sharp(small).metadata()).width).toBe(32);
    await expect(upscale(c.png, 3)).rejects.toMatchObject({ status: 400 });
  });
});
