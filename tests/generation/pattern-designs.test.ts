// The pattern engine behind the studio: a prompt it can draw becomes four vector designs whose
// recipes re-render byte-identically and print from their vectors; protected names are refused
// with the reason; what it cannot draw still goes to the diffusion model; old recipes keep theirs.
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { printTileSource } from '../../lib/generation';
import { generateCandidates, isPatternRecipe, PATTERN_ENGINE_SHA256, recipeHash, renderRecipe } from '../../lib/generation';
import { deltaE2000 } from '../../lib/pattern/colours';
import { matchPreview, offPaletteShare, decodeRgb, renderPrintFiles } from '../../lib/print';

const TEE_FRONT = { name: 'front', widthIn: 12, heightIn: 16, dpi: 300, bleedIn: 0.125, safeMarginIn: 0.25 };

describe('pattern designs from the studio', () => {
  it('makes four different vector designs for a prompt it understands, each re-rendering to the same bytes', async () => {
    const r = await generateCandidates({ prompt: 'lemons on light blue', seed: 12, engine: 'auto' });
    expect(r.candidates).toHaveLength(4);
    expect(r.understood?.motifs.map((m) => m.id)).toEqual(['lemon']);
    expect(new Set(r.candidates.map((c) => c.designId)).size).toBe(4);
    for (const c of r.candidates) {
      expect(isPatternRecipe(c.recipe)).toBe(true);
      expect(c.recipe).toMatchObject({ modelSha256: PATTERN_ENGINE_SHA256, width: 512, tileable: true });
      expect(c.designId).toBe(recipeHash(c.recipe));
      expect((await renderRecipe(c.recipe)).equals(c.png)).toBe(true);
    }
    // The light blue ground is in the pixels.
    const { data } = await sharp(r.candidates[0].png).resize(64, 64).raw().toBuffer({ resolveWithObject: true });
    let ground = 0;
    for (let i = 0; i < data.length; i += 3) if (deltaE2000(`#${[data[i], data[i + 1], data[i + 2]].map((v) => v.toString(16).padStart(2, '0')).join('')}`, r.candidates[0].recipe.pattern!.background) < 5) ground++;
    expect(ground / (64 * 64)).toBeGreaterThan(0.4);
  });

  it('refuses protected names with the reason, before drawing anything', async () => {
    await expect(generateCandidates({ prompt: 'mickey mouse ears', seed: 1, engine: 'auto' })).rejects.toMatchObject({ status: 422, message: expect.stringMatching(/copyrighted and trademarked character/) });
    await expect(generateCandidates({ prompt: 'nike swoosh stripes', seed: 1, engine: 'auto' })).rejects.toMatchObject({ status: 422, message: expect.stringMatching(/trademark or logo/) });
  });

  it('says which close motifs it has when a subject has no fair stand-in', async () => {
    await expect(generateCandidates({ prompt: 'teal starfish', seed: 1, engine: 'auto' })).rejects.toMatchObject({ status: 422, message: expect.stringMatching(/no motif for "starfish".*spiral shell/) });
  });

  it('leaves prompts it cannot draw, and the diffusion engine, to the model', async () => {
    const r = await generateCandidates({ prompt: 'small red hearts on navy', seed: 3, count: 1, engine: 'diffusion' });
    expect(isPatternRecipe(r.candidates[0].recipe)).toBe(false);
    expect(r.candidates[0].recipe.pattern).toBeUndefined();
  });

  it('prints from the vectors: crisp at 300 DPI, preflighted, and the same design as the preview', async () => {
    const [c] = (await generateCandidates({ prompt: 'skulls and roses on black', seed: 4, count: 1, engine: 'auto' })).candidates;
    const [file] = await renderPrintFiles({ recipe: c.recipe, expectedPreviewSha256: c.sha256, repeatIn: 4, productSlug: 'tee', variantLabel: '', areas: [TEE_FRONT] }, printTileSource());
    expect(file.engine).toMatch(/^seedprint-pattern@/);
    expect(file.preflight.ok).toBe(true);
    expect(file.manifest.effectiveDpi).toBe(300);
    expect(offPaletteShare(await decodeRgb(file.png, { left: 600, top: 600, width: 1200, height: 1200 }))).toBeLessThanOrEqual(0.03);
    const m = await matchPreview(file.png, c.png, { left: 0, top: 0, sizePx: 1200 });
    expect(m.ssim).toBeGreaterThan(0.95);
  });
});
