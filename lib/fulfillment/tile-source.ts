// Print artwork's view of the generation domain: the exact preview, SR of that same PNG, and
// the vectors of designs that are vector by construction. Nothing loads the diffusion model
// until a recipe needs it: a pattern design opens it only to re-run its ground (a few small steps).
import { env } from '../env';
import type { PrintRecipe, TileSource } from '../print';

export async function tileSource(): Promise<TileSource> {
  const gen = await import('../generation');
  return {
    renderPreview: (recipe: PrintRecipe) => gen.renderRecipe(gen.recipeSchema.parse(recipe)),
    async upscalePreview(previewPng: Buffer, minSizePx: number) {
      const info = await gen.getModelInfo();
      const srSha = 'files' in info ? (info.files as { sr?: { sha256: string } }).sr?.sha256 : undefined;
      if (!srSha) return null; // a backend without an SR stage (sd-onnx)
      const native = gen.readRecipeFromPng(previewPng)?.width ?? 64;
      let factor = 4;
      while (factor < env().PRINT_SR_FACTOR && native * factor < minSizePx) factor *= 4;
      // upscale() reads the recipe's seed from the PNG and lifts those pixels: the model runs once.
      const png = await gen.upscale(previewPng, factor);
      return { png, sizePx: native * factor, steps: [`sr x${factor} (${info.id}, sr sha256 ${srSha})`] };
    },
    // The recipe names the model it was made with; rendering it has already proved that model is the one loaded.
    modelSha256: (recipe: PrintRecipe) => String(recipe.modelSha256 ?? ''),
    vectorArt(recipe: PrintRecipe) {
      const r = gen.recipeSchema.parse(recipe);
      return gen.isPatternRecipe(r) ? { engine: `${gen.PATTERN_MODEL_ID}@${r.modelSha256.slice(0, 12)}`, render: (px: number) => gen.renderPatternVector(r, px) } : null;
    },
  };
}
