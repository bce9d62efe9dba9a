// The sd-onnx backend against a tiny random-weight SD folder (text_encoder/unet/vae_decoder +
// CLIP BPE tokenizer) built by scripts/model-sd/build_tiny_sd.py (committed, ~140 kB).
process.env.GENERATION_BACKEND = 'sd-onnx';
process.env.GENERATION_MODEL_DIR = 'tests/generation/fixtures/tiny-sd';
import fs from 'node:fs';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { generateCandidates, getModelInfo, readRecipeFromPng, renderRecipe, upscale } from '../../lib/generation';
import * as ort from 'onnxruntime-node';
import { fromHalf, loadSd, sdGrid, toHalf } from '../../lib/generation/sd/backend';
import { ClipTokenizer } from '../../lib/generation/sd/clip-tokenizer';

const DIR = 'tests/generation/fixtures/tiny-sd';

describe('CLIP BPE tokenizer', () => {
  const tk = ClipTokenizer.fromDir(`${DIR}/tokenizer`);
  const vocab = JSON.parse(fs.readFileSync(`${DIR}/tokenizer/vocab.json`, 'utf8')) as Record<string, number>;
  const inv = Object.fromEntries(Object.entries(vocab).map(([k, v]) => [v, k]));
  it('applies merges by rank and marks word ends with </w>', () => {
    const pieces = tk.encode('Red HEARTS, on navy!').map((i) => inv[i]);
    expect(pieces.join('')).toBe('red</w>hearts</w>,</w>on</w>navy</w>!</w>');
    expect(pieces.length).toBeLessThan('redheartsonnavy'.length); // merges happened
    // words of the merge corpus are single tokens
    expect(tk.encode('hearts').map((i) => inv[i])).toEqual(['hearts</w>']);
  });
  it('pads to 77 with BOS/EOS and truncates long prompts keeping EOS', () => {
    const ids = tk.encodePadded('red hearts');
    expect(ids).toHaveLength(77);
    expect(ids[0]).toBe(vocab['<|startoftext|>']);
    expect(Array.from(ids).slice(-3)).toEqual([tk.eos, tk.eos, tk.eos]);
    const long = tk.encodePadded('zebra '.repeat(100));
    expect(long[76]).toBe(tk.eos);
    expect(long[75]).not.toBe(tk.eos);
  });
});

describe('sd-onnx backend (tiny random weights)', () => {
  it('float16 conversion for fp16 exports (round to nearest even, subnormals, inf)', () => {
    const h = toHalf(Float32Array.from([1, -2.5, 0.1, 1 / 3, 65504, 70000, 6.1e-5, 2049, 2051]));
    expect(Array.from(h)).toEqual([0x3c00, 0xc100, 0x2e66, 0x3555, 0x7bff, 0x7c00, 0x03ff, 0x6800, 0x6802]);
    expect(Array.from(fromHalf(h))).toEqual([1, -2.5, 0.0999755859375, 0.333251953125, 65504, Infinity, 0.00006097555160522461, 2048, 2052]);
  });

  it('trailing timesteps end on a clean point', () => {
    const ac = new Float64Array(1000).map((_, i) => 1 - i / 1000);
    const g = sdGrid(ac, 4);
    expect(g.timesteps).toEqual([999, 749, 499, 249]);
    expect(g.alpha.at(-1)).toBe(1);
    expect(g.sigma.at(-1)).toBe(0);
  });

  it('generates 4 candidates in one batch, recipes re-render byte-identically, not tileable', async () => {
    const info = await getModelInfo();
    expect(info).toMatchObject({ backend: 'sd-onnx', id: 'tiny-sd-random', tileable: false });
    const steps: number[] = [];
    const r = await generateCandidates({ prompt: 'red hearts on navy', seed: 11, onStep: (s) => void steps.push(s) });
    expect(steps).toEqual([1, 2, 3, 4]); // 4 UNet steps for the whole batch, not 16
    expect(r.candidates).toHaveLength(4);
    expect(new Set(r.candidates.map((c) => c.sha256)).size).toBe(4);
    const c = r.candidates[2];
    expect(c.recipe).toMatchObject({ seed: 13, modelId: 'tiny-sd-random', modelSha256: info.modelSha256, tileable: false, width: 64 });
    expect(readRecipeFromPng(c.png)).toEqual(c.recipe);
    expect((await sharp(c.png).metadata()).width).toBe(64);
    expect((await renderRecipe(c.recipe)).equals(c.png)).toBe(true);
    await expect(renderRecipe({ ...c.recipe, modelSha256: '0'.repeat(64) })).rejects.toMatchObject({ status: 409 });
    await expect(upscale(c.png, 4)).rejects.toMatchObject({ status: 400 });
    // guidance intervals are the embedded model's: refused by name, not silently guided at every step
    expect(c.recipe.guidanceMinT).toBeUndefined();
    await expect(renderRecipe({ ...c.recipe, guidanceMinT: 0.6 })).rejects.toMatchObject({ status: 400, message: expect.stringMatching(/guidance interval/) });
    await expect(generateCandidates({ prompt: 'red hearts on navy', seed: 11, count: 1, guidanceMinT: 0.6 })).rejects.toMatchObject({ status: 400 });
  });

  it('variations ("more like this") keep the seed, differ, and re-render from their recipe', async () => {
    const r = await generateCandidates({ prompt: 'red hearts on navy', seed: 11, variation: { seeds: [1, 2, 3, 4], strength: 0.3 } });
    expect(r.candidates.map((c) => c.recipe.seed)).toEqual([11, 11, 11, 11]);
    expect(new Set(r.candidates.map((c) => c.sha256)).size).toBe(4);
    expect(r.candidates[3].recipe.variation).toEqual({ seed: 4, strength: 0.3 });
    expect((await renderRecipe(r.candidates[3].recipe)).equals(r.candidates[3].png)).toBe(true);
  });

  it('make_tileable.py output is exactly roll-equivariant (seamless); the original is not', async () => {
    const roll = (a: Float32Array, C: number, H: number, W: number, dy: number, dx: number) => {
      const o = new Float32Array(a.length);
      for (let c = 0; c < C; c++) for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) o[c * H * W + ((y + dy) % H) * W + ((x + dx) % W)] = a[c * H * W + y * W + x];
      return o;
    };
    const maxErr = (a: Float32Array, b: Float32Array) => a.reduce((m, v, i) => Math.max(m, Math.abs(v - b[i])), 0);
    const lat = Float32Array.from({ length: 4 * 8 * 8 }, (_, i) => Math.sin(i * 1.7));
    const errs: Record<string, number> = {};
    for (const dir of [DIR, `${DIR}-tileable`]) {
      const m = await loadSd(dir);
      expect(m.tileable).toBe(dir.endsWith('-tileable'));
      const enc = new ort.Tensor('float32', new Float32Array(77 * 32).fill(0.05), [1, 77, 32]);
      const unet = async (x: Float32Array) => (await m.unet.run({ sample: new ort.Tensor('float32', x, [1, 4, 8, 8]), timestep: new ort.Tensor('int64', BigInt64Array.from([500n]), [1]), encoder_hidden_states: enc })).out_sample.data as Float32Array;
      const vae = async (x: Float32Array) => (await m.vae.run({ latent_sample: new ort.Tensor('float32', x, [1, 4, 8, 8]) })).sample.data as Float32Array;
      errs[dir] = Math.max(
        maxErr(roll(await unet(lat), 4, 8, 8, 3, 5), await unet(roll(lat, 4, 8, 8, 3, 5))),
        maxErr(roll(await vae(lat), 3, 64, 64, 24, 40), await vae(roll(lat, 4, 8, 8, 3, 5))),
      );
    }
    expect(errs[`${DIR}-tileable`]).toBeLessThan(1e-5);
    expect(errs[DIR]).toBeGreaterThan(1e-3);
  });

  it('the model fixture stays small', () => {
    let total = 0;
    const walk = (d: string) => {
      for (const e of fs.readdirSync(d, { withFileTypes: true })) {
        if (e.isDirectory()) walk(`${d}/${e.name}`);
        else total += fs.statSync(`${d}/${e.name}`).size;
      }
    };
    walk(DIR);
    expect(total).toBeLessThan(2 * 1024 * 1024);
  });
});
