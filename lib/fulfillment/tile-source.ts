// Print artwork's view of the generation domain: the exact preview, and the SR-lifted tile.
import type { TileSource } from '../print';
import type { Recipe } from '../generation/recipe';

// One SR pass (64 → 256) lifts the tile with real detail; a second pass (→ 1024) costs ~15× more on
// CPU, so by default print resamples the rest (PRINT_SR_FACTOR=16 for two passes).
const MAX_FACTOR = Number(process.env.PRINT_SR_FACTOR ?? 4);

export async function tileSource(): Promise<TileSource> {
  const gen = await import('../generation/generate');
  const info = await gen.getModelInfo();
  return {
    renderPreview: (recipe: Recipe) => gen.renderRecipe(recipe),
    async upscaleForPrint(recipe: Recipe, minSizePx: number) {
      let factor = 4;
      while (factor < MAX_FACTOR && recipe.width * factor < minSizePx) factor *= 4;
      const png = await gen.upscale(recipe, factor);
      return { png, sizePx: recipe.width * factor, steps: [`sr x${factor} (${info.id}, sr sha256 ${'files' in info ? (info.files as { sr?: { sha256: string } }).sr?.sha256 ?? 'n/a' : 'n/a'})`] };
    },
    modelSha256: () => info.modelSha256,
  };
}
