import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { a1111Parameters, readRecipeFromPng, recipePng } from '../../lib/generation/generate';
import { idatInRenderThread } from '../../lib/generation/ort-pool';
import { encodePng, encodePngAsync, readPngText } from '../../lib/generation/png';
import { canonicalJson, type Recipe } from '../../lib/generation/recipe';

const recipe: Recipe = {
  prompt: 'red hearts on navy — café',
  seed: 42,
  modelId: 'seedprint-tiny-v1',
  modelSha256: 'a'.repeat(64),
  scheduler: 'ddim',
  steps: 8,
  guidance: 3,
  width: 16,
  height: 16,
  tileable: true,
};
const pixels = Uint8Array.from({ length: 16 * 16 * 3 }, (_, i) => (i * 37) % 256);

describe('PNG with recipe in tEXt', () => {
  it('round-trips the recipe (canonical JSON) and AUTOMATIC1111 parameters', async () => {
    const png = recipePng(recipe, pixels, 16, 16);
    const text = readPngText(png);
    expect(text['seedprint-recipe']).toBe(canonicalJson(recipe).replace(/[^\x09\x0a\x20-\x7e\xa0-\xff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
    expect(readRecipeFromPng(png)).toEqual(recipe);
    // tEXt is Latin-1: characters outside it are stored as \uXXXX escapes (valid JSON escapes)
    expect(text.parameters).toBe(a1111Parameters(recipe).replace('—', '\\u2014'));
    expect(text.parameters).toMatch(/^red hearts on navy \\u2014 café\nSteps: 8, Sampler: DDIM, CFG scale: 3, Seed: 42, Size: 16x16, Model hash: aaaaaaaaaa, Model: seedprint-tiny-v1/);
    // a real decoder reads the pixels and the text chunks
    const { data, info } = await sharp(png).raw().toBuffer({ resolveWithObject: true });
    expect([info.width, info.height, info.channels]).toEqual([16, 16, 3]);
    expect(Buffer.from(data).equals(Buffer.from(pixels))).toBe(true);
    const meta = await sharp(png).metadata();
    expect(meta.comments?.map((c) => c.keyword)).toEqual(['seedprint-recipe', 'parameters']);
  });

  it('is deterministic (no timestamps) and detects corruption', () => {
    const a = encodePng(pixels, 16, 16, [['k', 'v']]);
    const b = encodePng(Uint8Array.from(pixels), 16, 16, [['k', 'v']]);
    expect(a.equals(b)).toBe(true);
    expect(a.includes(Buffer.from('tIME'))).toBe(false);
    const bad = Buffer.from(a);
    bad[bad.indexOf(Buffer.from('tEXt')) + 5] ^= 0xff;
    expect(() => readPngText(bad)).toThrow(/CRC/);
  });

  it('compresses in a render worker thread to the same bytes as on the calling thread', async () => {
    const big = Uint8Array.from({ length: 96 * 64 * 3 }, (_, i) => (i * 131 + (i >> 7) * 7) % 256);
    const idat = await idatInRenderThread(big, 96, 64);
    expect(idat).not.toBeNull(); // the worker script is on disk: the thread did the work
    const onThread = await encodePngAsync(big, 96, 64, [['k', 'v']]);
    expect(onThread.equals(encodePng(big, 96, 64, [['k', 'v']]))).toBe(true);
    const { data } = await sharp(onThread).raw().toBuffer({ resolveWithObject: true });
    expect(Buffer.from(data).equals(Buffer.from(big))).toBe(true);
  });
});
