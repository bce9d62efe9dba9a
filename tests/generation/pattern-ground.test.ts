// The diffusion model's part in every tossed, grid and half-drop pattern design: its seeded tile is
// a field that steers the composition without moving anything (how motifs turn, their sizes within
// ±10 %, which kind takes which spot). It must show in the pixels, never cost evenness (spacing,
// collisions, holes, mixed kinds no worse than without it), differ between seeds, re-render
// byte-identically from the recipe (the model re-run, not a stored picture), keep the design clean
// flat vector art that prints crisp, and matter: without it the same prompt and seed give other pixels.
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { printTileSource } from '../../lib/generation';
import { generateCandidates, getModelInfo, renderPatternVector, renderRecipe, type Recipe } from '../../lib/generation';
import { fieldFor, patternCandidates, readPatternPrompt } from '../../lib/generation/pattern-engine';
import { deltaE2000 } from '../../lib/pattern/colours';
import { placements, type Placement } from '../../lib/pattern';
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

  it('steers turns, sizes and which motif goes where, never spacing: no closer, no more crowded, no more holes than without it', async () => {
    let turned = 0;
    let swapped = 0;
    for (const [prompt, seed] of [['strawberries', 31], ['skulls and roses on black', 32], ['tropical fish on white', 33], ['bees and honeycombs', 34], ['ghosts and books', 35], ['rockets and rainbows on navy', 36]] as const) {
      const { intent } = readPatternPrompt(prompt);
      const steered = (await patternCandidates(prompt, intent, [seed, seed + 1], { ground: true }))!;
      const flat = (await patternCandidates(prompt, intent, [seed, seed + 1], { ground: false }))!;
      for (const [k, c] of steered.entries()) {
        const spec = c.recipe.pattern!;
        const label = `${prompt} ${c.recipe.seed}`;
        const on = placements(spec, c.recipe.seed, fieldSteer((await fieldFor(spec))!));
        const off = placements(flat[k].recipe.pattern!, c.recipe.seed);
        // Positions are the even scatter's: the same centres, so the same distances between them.
        expect(on.map((p) => [p.x, p.y]), label).toEqual(off.map((p) => [p.x, p.y]));
        expect(Math.max(...on.map((p) => Math.abs(p.rotate))), label).toBeLessThanOrEqual(15);
        turned += on.filter((p, i) => Math.abs(p.rotate - off[i].rotate) > 1).length / on.length;
        swapped += on.filter((p, i) => p.item !== off[i].item).length / on.length;
        // Motif art against its neighbours: the closest pair, in sums of radii, is no closer.
        expect(closestPair(on), label).toBeGreaterThanOrEqual(closestPair(off) - 1e-3);
        // Kinds share the spots as evenly, and stay mixed: no more same-kind nearest neighbours.
        const counts = (ps: Placement[]) => spec.motifs.map((_, m) => ps.filter((p) => p.item === m).length).sort((x, y) => x - y);
        expect(counts(on), label).toEqual(counts(off));
        if (spec.motifs.length > 1) expect(sameKindNeighbours(on), label).toBeLessThanOrEqual(sameKindNeighbours(off));
        // Pixels: no more blank quarter-tile windows (2 × 2 blocks of an 8 × 8 grid, wrapping), and
        // ink spread as evenly over the 16 blocks of a 4 × 4 grid.
        const a = inkBlocks(c.pixels, spec.background);
        const b = inkBlocks(flat[k].pixels, spec.background);
        expect(a.holes, label).toBeLessThanOrEqual(b.holes);
        expect(a.spread, label).toBeLessThanOrEqual(b.spread * 1.25 + 0.02);
      }
    }
    // The field changes most turns and deals the kinds to other spots in designs with several.
    expect(turned / 12).toBeGreaterThan(0.5);
    expect(swapped).toBeGreaterThan(0);
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

});

/** The closest two motifs' centre distance in sums of their art radii (wrapping). */
function closestPair(ps: Placement[]): number {
  const motifs = ps.filter((p) => p.item >= 0);
  let best = Infinity;
  for (const [i, p] of motifs.entries())
    for (const q of motifs.slice(i + 1)) {
      const dx = Math.min(Math.abs(p.x - q.x), TILE - Math.abs(p.x - q.x));
      const dy = Math.min(Math.abs(p.y - q.y), TILE - Math.abs(p.y - q.y));
      best = Math.min(best, Math.hypot(dx, dy) / ((p.size + q.size) * 0.45));
    }
  return best;
}

/** Share of motifs whose nearest motif (wrapping) is of the same kind. */
function sameKindNeighbours(ps: Placement[]): number {
  const motifs = ps.filter((p) => p.item >= 0);
  const near = motifs.map((p) => {
    let best = { d: Infinity, item: -1 };
    for (const q of motifs) {
      if (q === p) continue;
      const d = Math.hypot(Math.min(Math.abs(p.x - q.x), TILE - Math.abs(p.x - q.x)), Math.min(Math.abs(p.y - q.y), TILE - Math.abs(p.y - q.y)));
      if (d < best.d) best = { d, item: q.item };
    }
    return best.item === p.item;
  });
  return near.filter(Boolean).length / motifs.length;
}

/** Ink (pixels away from the background) by block: blank quarter-tile windows, and the spread of ink over a 4 × 4 grid (coefficient of variation). */
function inkBlocks({ rgb: px, w }: { rgb: Uint8Array; w: number }, background: string) {
  const inked = (b: number, grid: number) => {
    const B = w / grid;
    let n = 0;
    for (let y = 0; y < B; y += 2) for (let x = 0; x < B; x += 2) if (deltaE2000(hexAt(px, (Math.floor(b / grid) * B + y) * w + (b % grid) * B + x), background) > 6) n++;
    return n / ((B / 2) * (B / 2));
  };
  const fine = Array.from({ length: 64 }, (_, b) => inked(b, 8) > 0.02);
  let holes = 0;
  for (let r = 0; r < 8; r++) for (let q = 0; q < 8; q++) if (![[r, q], [r, (q + 1) % 8], [(r + 1) % 8, q], [(r + 1) % 8, (q + 1) % 8]].some(([y, x]) => fine[y * 8 + x])) holes++;
  const coarse = Array.from({ length: 16 }, (_, b) => inked(b, 4));
  const mean = coarse.reduce((s, v) => s + v, 0) / 16;
  const sd = Math.sqrt(coarse.reduce((s, v) => s + (v - mean) ** 2, 0) / 16);
  return { holes, spread: sd / mean };
}
