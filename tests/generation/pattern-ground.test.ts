// The diffusion model's part in every tossed, grid and half-drop pattern design: its seeded tile is
// a field that composes the design (where heroes sit and how big, how motifs turn, where fillers
// gather). It must show in the pixels (ink follows the field), differ between seeds, re-render
// byte-identically from the recipe (the model re-run, not a stored picture), keep the design clean
// flat vector art that prints crisp, and matter: without it the same prompt and seed give other pixels.
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { printTileSource } from '../../lib/generation';
import { generateCandidates, getModelInfo, renderPatternVector, renderRecipe, type Recipe } from '../../lib/generation';
import { fieldFor, patternCandidates, readPatternPrompt } from '../../lib/generation/pattern-engine';
import { deltaE2000, hexToLab } from '../../lib/pattern/colours';
import { fieldSteer } from '../../lib/pattern/ground';
import { TILE } from '../../lib/pattern/types';
import { decodeRgb, offPaletteShare, renderPrintFiles } from '../../lib/print';

const TEE_FRONT = { name: 'front', widthIn: 12, heightIn: 16, dpi: 300, bleedIn: 0.125, safeMarginIn: 0.25 };

async function rgb(png: Buffer) {
  const { data, info } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  return { data, w: info.width, h: info.height };
}

const hexAt = (data: Uint8Array | Buffer, i: number) => `#${[0, 1, 2].map((c) => data[i * 3 + c].toString(16).padStart(2, '0')).join('')}`;

/** Mean absolute difference of two equal-size RGB images (0-255). */
function meanDiff(a: { data: Uint8Array | Buffer }, b: { data: Uint8Array | Buffer }): number {
  let s = 0;
  for (let i = 0; i < a.data.length; i++) s += Math.abs(a.data[i] - b.data[i]);
  return s / a.data.length;
}

describe('the diffusion model composes pattern designs', () => {
  it('is in every candidate: the recipe records what re-runs it (model, seed, conditioning), not a picture', async () => {
    const r = await generateCandidates({ prompt: 'lemons on light blue', seed: 21, engine: 'auto' });
    const model = await getModelInfo();
    for (const c of r.candidates) {
      const g = c.recipe.pattern!.ground!;
      expect(g).toMatchObject({ model: model.modelSha256, seed: c.recipe.seed });
      expect(g.tokens).toHaveLength(5);
      expect(g.levels).toBeUndefined(); // nothing is traced: the field steers the composition
    }
  });

  it('leaves the background clean: no tone-on-tone shapes, only the background, motifs and fillers', async () => {
    const { intent } = readPatternPrompt('lemons on light blue');
    const [on] = (await patternCandidates('lemons on light blue', intent, [12], { ground: true }))!;
    const [off] = (await patternCandidates('lemons on light blue', intent, [12], { ground: false }))!;
    const bg = on.recipe.pattern!.background;
    // Pixels near the background (a faint ground would sit 2–12 ΔE away): no more with the stage than without.
    const faint = (px: Uint8Array) => {
      let n = 0;
      for (let i = 0; i < px.length / 3; i++) {
        const d = deltaE2000(hexAt(px, i), bg);
        if (d > 1.5 && d < 12) n++;
      }
      return n / (px.length / 3);
    };
    expect(faint(on.pixels.rgb)).toBeLessThan(faint(off.pixels.rgb) * 1.5 + 0.01);
  });

  it('steers the composition: ink gathers where the model field is strong', async () => {
    const on: number[] = [];
    const off: number[] = [];
    for (const [prompt, seed] of [['strawberries', 31], ['skulls and roses on black', 32], ['tropical fish on white', 33]] as const) {
      const { intent } = readPatternPrompt(prompt);
      const steered = (await patternCandidates(prompt, intent, [seed, seed + 1], { ground: true }))!;
      const flat = (await patternCandidates(prompt, intent, [seed, seed + 1], { ground: false }))!;
      for (const [k, c] of steered.entries()) {
        const spec = c.recipe.pattern!;
        const steer = fieldSteer((await fieldFor(spec))!);
        // Mean field strength under motif ink (the field is ranked: its mean over the tile is 0.5).
        const underInk = ({ rgb: px, w }: { rgb: Uint8Array; w: number }) => {
          let sum = 0;
          let ink = 0;
          for (let y = 0; y < w; y += 2)
            for (let x = 0; x < w; x += 2) {
              if (deltaE2000(hexAt(px, y * w + x), spec.background) < 25) continue; // background and faint fillers
              sum += steer.at(((x + 0.5) / w) * TILE, ((y + 0.5) / w) * TILE);
              ink++;
            }
          return sum / ink;
        };
        on.push(underInk(c.pixels));
        // Coverage stays even: every quarter-tile window (2 × 2 blocks of an 8 × 8 grid, wrapping) shows ink.
        const { rgb: px, w } = c.pixels;
        const B = w / 8;
        const inked = Array.from({ length: 64 }, (_, b) => {
          let n = 0;
          for (let y = 0; y < B; y += 2) for (let x = 0; x < B; x += 2) if (deltaE2000(hexAt(px, ((b >> 3) * B + y) * w + (b & 7) * B + x), spec.background) > 6) n++;
          return n / ((B / 2) * (B / 2)) > 0.02;
        });
        for (let r = 0; r < 8; r++) for (let q = 0; q < 8; q++) expect([[r, q], [r, (q + 1) % 8], [(r + 1) % 8, q], [(r + 1) % 8, (q + 1) % 8]].some(([y, x]) => inked[y * 8 + x]), `${prompt} ${c.recipe.seed}: hole at ${r},${q}`).toBe(true);
        off.push(underInk(flat[k].pixels)); // the same design unsteered, against the same field
      }
    }
    const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;
    expect(mean(on)).toBeGreaterThan(0.55);
    expect(mean(on)).toBeGreaterThan(mean(off) + 0.04);
  });

  it('differs between seeds, and re-renders byte-identically from the recipe alone (preview and print vector)', async () => {
    const r = await generateCandidates({ prompt: 'cats and dogs', seed: 40, engine: 'auto' });
    const [a, b] = r.candidates;
    for (const c of [a, b]) {
      expect((await renderRecipe(structuredClone(c.recipe))).equals(c.png)).toBe(true);
      expect((await renderPatternVector(c.recipe, 700)).equals(await renderPatternVector(structuredClone(c.recipe), 700))).toBe(true);
    }
    // Same spec and seed, model seeds apart: the field alone makes the difference.
    const withSeed = (seed: number): Recipe => ({ ...a.recipe, pattern: { ...a.recipe.pattern!, ground: { ...a.recipe.pattern!.ground!, seed } } });
    const one = await rgb(await renderRecipe(withSeed(1), { size: 128 }));
    const two = await rgb(await renderRecipe(withSeed(2), { size: 128 }));
    expect(meanDiff(one, two)).toBeGreaterThan(5);
  });

  it('matters: without the diffusion stage the same prompt and seed give other pixels', async () => {
    for (const prompt of ['sunflowers on navy', 'stars and moons on navy in a grid']) {
      const { intent } = readPatternPrompt(prompt);
      const [withGround] = (await patternCandidates(prompt, intent, [9], { ground: true }))!;
      const [flat] = (await patternCandidates(prompt, intent, [9], { ground: false }))!;
      expect(flat.recipe.pattern!.ground).toBeUndefined();
      expect({ ...withGround.recipe.pattern!, ground: undefined }).toEqual({ ...flat.recipe.pattern!, ground: undefined });
      expect(meanDiff({ data: withGround.pixels.rgb }, { data: flat.pixels.rgb }), prompt).toBeGreaterThan(3);
    }
  });

  it('is left out of texture designs and fixed rows (stripes, borders), which it would not change', async () => {
    for (const prompt of ['red tartan', 'lemons in stripes']) {
      const r = await generateCandidates({ prompt, seed: 8, count: 2, engine: 'auto' });
      for (const c of r.candidates) expect(c.recipe.pattern!.ground, prompt).toBeUndefined();
    }
  });

  it('repeats without a seam', async () => {
    const [c] = (await generateCandidates({ prompt: 'hearts on white', seed: 5, count: 1, engine: 'auto' })).candidates;
    const { data, w, h } = await rgb(await renderRecipe(c.recipe, { size: 256 }));
    const colDiff = (x1: number, x2: number) => {
      let s = 0;
      for (let y = 0; y < h; y++) for (let k = 0; k < 3; k++) s += Math.abs(data[(y * w + x1) * 3 + k] - data[(y * w + x2) * 3 + k]);
      return s / h;
    };
    const inner = Array.from({ length: w - 1 }, (_, x) => colDiff(x, x + 1)).sort((p, q) => p - q);
    expect(colDiff(w - 1, 0)).toBeLessThanOrEqual(inner[Math.floor(inner.length * 0.98)] + 1);
  });

  it('prints crisp: flat vector colours at 300 DPI', async () => {
    const [c] = (await generateCandidates({ prompt: 'pink flamingos on mint green', seed: 3, count: 1, engine: 'auto' })).candidates;
    expect(c.recipe.pattern!.ground).toBeDefined();
    const [file] = await renderPrintFiles({ recipe: c.recipe, expectedPreviewSha256: c.sha256, repeatIn: 4, productSlug: 'tee', variantLabel: '', areas: [TEE_FRONT] }, printTileSource());
    expect(file.preflight.ok).toBe(true);
    expect(offPaletteShare(await decodeRgb(file.png, { left: 600, top: 600, width: 1200, height: 1200 }))).toBeLessThanOrEqual(0.03);
  });

  it('refuses to redraw a design composed by another diffusion model', async () => {
    const [c] = (await generateCandidates({ prompt: 'owls on brown', seed: 2, count: 1, engine: 'auto' })).candidates;
    const other = { ...c.recipe, pattern: { ...c.recipe.pattern!, ground: { ...c.recipe.pattern!.ground!, model: 'f'.repeat(64) } } };
    await expect(renderRecipe(other)).rejects.toMatchObject({ status: 409 });
  });

  it('still draws a stored traced ground (levels and tints) in its tints', async () => {
    const [c] = (await generateCandidates({ prompt: 'hearts on white', seed: 6, count: 1, engine: 'auto' })).candidates;
    const tints = ['#f3f3f3', '#e8e8e8'] as const;
    const spec = { ...c.recipe.pattern!, motifs: [], filler: undefined, ground: { ...c.recipe.pattern!.ground!, levels: [0.3, 0.62], tints: [...tints] } };
    const { data, w, h } = await rgb(await renderRecipe({ ...c.recipe, pattern: spec }, { size: 128 }));
    let n = 0;
    for (let i = 0; i < w * h; i++) if (tints.some((t) => Math.hypot(...hexToLab(hexAt(data, i)).map((v, k) => v - hexToLab(t)[k])) < 1.5)) n++;
    expect(n / (w * h)).toBeGreaterThan(0.04);
  });
});
