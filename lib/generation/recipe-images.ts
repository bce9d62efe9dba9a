// Recipe URLs (/r/<hash>.png, /r/<hash>@<size>.png): render on demand from the stored Design,
// cache the PNG in blob storage (named ref r/<hash>@<size>.png -> sha256), and render each
// (recipe, size) once per process even when many requests arrive together (single-flight).
import { notFound } from '../http/errors';
import { getBlob, getRef, hasBlob, putBlob, putRef } from '../storage';
import { getDesign, setDesignPreview } from './design-repository';
import { renderRecipe } from './generate';

export const RECIPE_SIZES = [32, 64, 128, 256, 512, 1024, 2048] as const;

export const recipeImageStats = { renders: 0, cacheHits: 0, joined: 0 };

const inflight = new Map<string, Promise<{ key: string; bytes: number }>>();

function refName(hash: string, size?: number) {
  return `r/${hash}${size ? `@${size}` : ''}.png`;
}

/** Parses "<hash>.png" / "<hash>@<size>.png"; null if it is not a recipe URL. */
export function parseRecipeFile(file: string): { hash: string; size?: number } | null {
  const m = /^([0-9a-f]{64})(?:@(\d{1,4}))?\.png$/.exec(file);
  if (!m) return null;
  return { hash: m[1], size: m[2] ? Number(m[2]) : undefined };
}

/** The blob key of the recipe's PNG at `size` (undefined = native), rendering it if needed. */
export async function recipeImageKey(hash: string, size?: number): Promise<{ key: string }> {
  const name = refName(hash, size);
  const cached = await getRef(name);
  if (cached && (await hasBlob(cached))) {
    recipeImageStats.cacheHits++;
    return { key: cached };
  }
  const running = inflight.get(name);
  if (running) {
    recipeImageStats.joined++;
    return running;
  }
  const p = (async () => {
    const design = await getDesign(hash);
    if (!design) throw notFound('No design with that recipe hash.');
    const native = !size || (size === design.recipe.width && size === design.recipe.height);
    if (native && design.previewSha256 && (await hasBlob(design.previewSha256))) {
      await putRef(name, design.previewSha256);
      return { key: design.previewSha256, bytes: 0 };
    }
    recipeImageStats.renders++;
    const png = await renderRecipe(design.recipe, native ? {} : { size });
    const put = await putBlob(png, { contentType: 'image/png' });
    await putRef(name, put.key);
    if (native && !design.previewSha256) await setDesignPreview(hash, put.key);
    return put;
  })();
  inflight.set(name, p);
  try {
    return await p;
  } finally {
    inflight.delete(name);
  }
}

export async function recipeImage(hash: string, size?: number): Promise<{ key: string; png: Buffer }> {
  const { key } = await recipeImageKey(hash, size);
  return { key, png: await getBlob(key) };
}
