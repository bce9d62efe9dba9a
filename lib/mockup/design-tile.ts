// The default tile loader: a design's native preview PNG from lib/generation (rendered from its
// recipe and cached in blob storage on first use). Imported lazily so lib/mockup stays usable
// without a database (tests, bench, scripts).
import { HttpError } from '../http/errors';
import type { TileLoader } from './http';

export const loadDesignTile: TileLoader = async (designId) => {
  const { recipeImage } = await import('../generation');
  try {
    return (await recipeImage(designId)).png;
  } catch (err) {
    if (err instanceof HttpError && err.status === 404) return null;
    throw err;
  }
};
