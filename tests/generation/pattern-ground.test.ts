// The diffusion model's part in every pattern design: the tone-on-tone ground. It must be in the
// pixels, differ between seeds, re-render byte-identically from the recipe (the model re-run, not
// a stored picture), repeat without a seam, print crisp, and matter: without it the pixels differ.
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { tileSource } from '../../lib/fulfillment/tile-source';
import { generateCandidates, getModelInfo, renderPatternVector, renderRecipe, type Recipe } from '../../lib/generation';
import { patternCandidates, readPatternPrompt } from '../../lib/generation/pattern-engine';
import { hexToLab } from '../../lib/pattern/colours';
import { decodeRgb, offPaletteShare, renderPrintFiles } from '../../lib/print';

const TEE_FRONT = { name: 'front', widthIn: 12, heightIn: 16, dpi: 300, bleedIn: 0.125, safeMarginIn: 0.25 };

async function rgb(png: Buffer) {
  const { data, info } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  return { data, w: info.width, h: info.height };
}

/** Share of pixels within ΔE76 `tol` of a colour. */
function shareNear(px: { data: Buffer; w: number; h: number }, hex: string, tol = 1.5): number {
  const [L, a, b] = hexToLab(hex);
  let n = 0;
  for (let i = 0; i < px.w * px.h; i++) {
    const p = hexToLab(`#${[0, 1, 2].map((c) => px.data[i * 3 + c].toString(16).padStart(2, '0')).join('')}`);
    if (Math.hypot(p[0] - L, p[1] - a, p[2] - b) <= tol) n++;
  }
  return n / (px.w * px.h);
}

/** Mean absolute difference of two equal-size RGB images (0-255). */
function meanDiff(a: { data: Buffer }, b: { data: Buffer }): number {
  let s = 0;
  for (let i = 0; i < a.data.length; i++) s += Math.abs(a.data[i] - b.data[i]);
  return s / a.data.length;
}

describe('the diffusion ground of pattern designs', () => {
  it('is in every candidate: recorded in the recipe (model, seed, conditioning), drawn in tints of the background', async () => {
    const r = await generateCandidates({ prompt: 'lemons on light blue', seed: 21, engine: 'auto' });
    const model = await getModelInfo();
    for (const c of r.candidates) {
      const g = c.recipe.pattern!.ground!;
      expect(g).toMatchObject({ model: model.modelSha256, seed: c.recipe.seed });
      expect(g.tints.length).toBe(g.levels.length);
      const px = await rgb(c.png);
      // the first tint covers a visible part of the tile, and differs from the background
      expect(hexToLab(g.tints[0])[0]).not.toBeCloseTo(hexToLab(c.recipe.pattern!.background)[0], 0);
      expect(shareNear(px, g.tints[0]) + shareNear(px, g.tints[1])).toBeGreaterThan(0.04);
    }
  });

  it('differs between seeds, and re-renders byte-identically from the recipe alone (preview and print vector)', async () => {
    const r = await generateCandidates({ prompt: 'cats and dogs', seed: 40, engine: 'auto' });
    const [a, b] = r.candidates;
    for (const c of [a, b]) {
      expect((await renderRecipe(structuredClone(c.recipe))).equals(c.png)).toBe(true);
      expect((await renderPatternVector(c.recipe, 700)).equals(await renderPatternVector(structuredClone(c.recipe), 700))).toBe(true);
    }
    // Same spec, ground seeds apart: the ground alone makes the difference.
    const spec = { ...a.recipe.pattern!, motifs: [] };
    const withSeed = (seed: number): Recipe => ({ ...a.recipe, pattern: { ...spec, ground: { ...spec.ground!, seed } } });
    const one = await rgb(await renderRecipe(withSeed(1), { size: 128 }));
    const two = await rgb(await renderRecipe(withSeed(2), { size: 128 }));
    expect(meanDiff(one, two)).toBeGreaterThan(0.5);
  });

  it('matters: without the diffusion stage the same prompt and seed give other pixels', async () => {
    const { intent } = readPatternPrompt('sunflowers on navy');
    const [withGround] = (await patternCandidates('sunflowers on navy', intent, [9], { ground: true }))!;
    const [flat] = (await patternCandidates('sunflowers on navy', intent, [9], { ground: false }))!;
    expect(flat.recipe.pattern!.ground).toBeUndefined();
    expect({ ...withGround.recipe.pattern!, ground: undefined }).toEqual({ ...flat.recipe.pattern!, ground: undefined });
    const px = (c: typeof flat) => ({ data: Buffer.from(c.pixels.rgb) });
    expect(meanDiff(px(withGround), px(flat))).toBeGreaterThan(0.3);
  });

  it('is left out of texture designs, whose texture paints the whole tile', async () => {
    const r = await generateCandidates({ prompt: 'red tartan', seed: 8, count: 2, engine: 'auto' });
    for (const c of r.candidates) expect(c.recipe.pattern!.ground).toBeUndefined();
  });

  it('repeats without a seam: the tile edges meet like any two neighbouring columns', async () => {
    const [c] = (await generateCandidates({ prompt: 'hearts on white', seed: 5, count: 1, engine: 'auto' })).candidates;
    const spec = { ...c.recipe.pattern!, motifs: [] }; // the ground alone
    const { data, w, h } = await rgb(await renderRecipe({ ...c.recipe, pattern: spec }, { size: 256 }));
    const colDiff = (x1: number, x2: number) => {
      let s = 0;
      for (let y = 0; y < h; y++) for (let k = 0; k < 3; k++) s += Math.abs(data[(y * w + x1) * 3 + k] - data[(y * w + x2) * 3 + k]);
      return s / h;
    };
    const inner = Array.from({ length: w - 1 }, (_, x) => colDiff(x, x + 1)).sort((p, q) => p - q);
    expect(colDiff(w - 1, 0)).toBeLessThanOrEqual(inner[Math.floor(inner.length * 0.95)] + 1);
    expect(inner.at(-1)!).toBeGreaterThan(0); // there is a ground to see
  });

  it('prints crisp: flat vector colours at 300 DPI', async () => {
    const [c] = (await generateCandidates({ prompt: 'pink flamingos on mint green', seed: 3, count: 1, engine: 'auto' })).candidates;
    expect(c.recipe.pattern!.ground).toBeDefined();
    const [file] = await renderPrintFiles({ recipe: c.recipe, expectedPreviewSha256: c.sha256, repeatIn: 4, productSlug: 'tee', variantLabel: '', areas: [TEE_FRONT] }, await tileSource());
    expect(file.preflight.ok).toBe(true);
    expect(offPaletteShare(await decodeRgb(file.png, { left: 600, top: 600, width: 1200, height: 1200 }))).toBeLessThanOrEqual(0.03);
  });

  it('refuses to redraw a ground made by another diffusion model', async () => {
    const [c] = (await generateCandidates({ prompt: 'owls on brown', seed: 2, count: 1, engine: 'auto' })).candidates;
    const other = { ...c.recipe, pattern: { ...c.recipe.pattern!, ground: { ...c.recipe.pattern!.ground!, model: 'f'.repeat(64) } } };
    await expect(renderRecipe(other)).rejects.toMatchObject({ status: 409 });
  });
});
