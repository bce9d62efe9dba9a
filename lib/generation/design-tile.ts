// The one way to a design's tile. Mockups, try-on, listing photos and print files all start from
// the same pixels: the recipe's native preview PNG (recipe-images: rendered once, cached in blob
// storage). Print also gets SR of that PNG and, for pattern designs, their vector tile.
import sharp from 'sharp';
import { isDesignId } from '../design';
import { env } from '../env';
import { HttpError, notFound } from '../http/errors';
import type { PrintRecipe, TileSource } from '../print';
import { getModelInfo, readRecipeFromPng, renderRecipe, upscale } from './generate';
import { isPatternRecipe, PATTERN_MODEL_ID, renderPatternVector } from './pattern-engine';
import { recipeSchema } from './recipe';
import { recipeImage } from './recipe-images';

/**
 * The design's native tile (PNG), or null when there is no such design. `cachedOnly`: never
 * start a render (null unless a preview is already stored).
 */
export async function designTilePng(designId: string, opts: { cachedOnly?: boolean } = {}): Promise<Buffer | null> {
  if (!isDesignId(designId)) return null;
  const beforeRender = opts.cachedOnly
    ? async () => {
        throw notFound('The design has no stored preview.');
      }
    : undefined;
  try {
    return (await recipeImage(designId, undefined, { beforeRender })).png;
  } catch (err) {
    if (err instanceof HttpError && err.status === 404) return null;
    throw err;
  }
}

export interface TileRgb {
  w: number;
  h: number;
  data: Uint8Array;
}

// Decoded tiles are reused across try-on renders; a design's PNG never changes (its id is its recipe).
const rgbCache = new Map<string, Promise<TileRgb>>();
const RGB_CACHE_MAX = 64;

async function decodeTile(designId: string): Promise<TileRgb> {
  const png = await designTilePng(designId);
  if (!png) throw notFound('No such design.');
  const { data, info } = await sharp(png).removeAlpha().toColourspace('srgb').raw().toBuffer({ resolveWithObject: true });
  return { w: info.width, h: info.height, data: new Uint8Array(data.buffer, data.byteOffset, data.length) };
}

/** The native tile as sRGB pixels (3 channels); 404 HttpError when there is no such design. */
export function designTileRgb(designId: string): Promise<TileRgb> {
  let p = rgbCache.get(designId);
  if (!p) {
    p = decodeTile(designId);
    rgbCache.set(designId, p);
    p.catch(() => rgbCache.delete(designId));
    if (rgbCache.size > RGB_CACHE_MAX) rgbCache.delete(rgbCache.keys().next().value!);
  }
  return p;
}

/**
 * Print artwork's tile source: the exact preview, SR of that same PNG, and the vectors of designs
 * that are vector by construction. The diffusion model loads only when a recipe needs it:
 * printing a pattern design never opens it.
 */
export function printTileSource(): TileSource {
  return {
    renderPreview: (recipe: PrintRecipe) => renderRecipe(recipeSchema.parse(recipe)),
    async upscalePreview(previewPng: Buffer, minSizePx: number) {
      const info = await getModelInfo();
      const srSha = 'files' in info ? (info.files as { sr?: { sha256: string } }).sr?.sha256 : undefined;
      if (!srSha) return null; // a backend without an SR stage (sd-onnx)
      const native = readRecipeFromPng(previewPng)?.width ?? 64;
      let factor = 4;
      while (factor < env().PRINT_SR_FACTOR && native * factor < minSizePx) factor *= 4;
      // upscale() reads the recipe's seed from the PNG and lifts those pixels: the model runs once.
      const png = await upscale(previewPng, factor);
      return { png, sizePx: native * factor, steps: [`sr x${factor} (${info.id}, sr sha256 ${srSha})`] };
    },
    // The recipe names the model it was made with; rendering it has already proved that model is the one loaded.
    modelSha256: (recipe: PrintRecipe) => String(recipe.modelSha256 ?? ''),
    vectorArt(recipe: PrintRecipe) {
      const r = recipeSchema.parse(recipe);
      return isPatternRecipe(r) ? { engine: `${PATTERN_MODEL_ID}@${r.modelSha256.slice(0, 12)}`, render: (px: number) => renderPatternVector(r, px) } : null;
    },
  };
}
