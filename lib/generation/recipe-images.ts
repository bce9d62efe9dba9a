// Recipe URLs (/r/<hash>.png, /r/<hash>@<size>.png): render on demand from the stored Design,
// cache the PNG in blob storage (named ref r/<hash>@<size>.png -> sha256), and render each
// (recipe, size) once per process even when many requests arrive together (single-flight).
// A render costs seconds of CPU, so over HTTP (renderGuard) an uncached render is rate-limited per
// client in PostgreSQL (lib/generation/rate-limit) and sizes above PUBLIC_RENDER_MAX are served
// from the cache only (or rendered for staff); cached images are free.
import { isDesignId } from '../design';
import { forbidden, notFound } from '../http/errors';
import { getBlob, getRef, hasBlob, putBlob, putRef } from '../storage';
import { getDesign, setDesignPreview } from './design-repository';
import { renderRecipe } from './generate';
import { identifyClient, takeOrThrow, type Limit } from './rate-limit';

export const RECIPE_SIZES = [32, 64, 128, 256, 512, 1024, 2048] as const;

/** The largest size anyone may have rendered over HTTP; bigger ones only from the cache (or for staff). */
export const PUBLIC_RENDER_MAX = 1024;
/** Uncached renders per client: 16 tokens, 8 a minute; a render costs (size / 512)² tokens, at least 1. */
export const RENDER_LIMIT: Limit = { capacity: 16, perMinute: 8 };
const STAFF_ROLES = new Set(['ADMIN', 'FACTORY']);

export function renderCost(size?: number): number {
  return Math.max(1, Math.ceil(((size ?? 0) / 512) ** 2));
}

/**
 * Called before an uncached render for an HTTP request: 403 for sizes above PUBLIC_RENDER_MAX
 * unless staff asks, 429 when the client has rendered too much lately.
 */
export function renderGuard(req: Request, size?: number): () => Promise<void> {
  return async () => {
    let userId: string | null = null;
    if (size !== undefined && size > PUBLIC_RENDER_MAX) {
      const user = await signedInUser(req);
      if (!user || !STAFF_ROLES.has(user.role)) {
        throw forbidden(`Images larger than ${PUBLIC_RENDER_MAX} px are served once they have been rendered for print; ask for @${PUBLIC_RENDER_MAX} or smaller.`);
      }
      userId = user.id;
    }
    const client = await identifyClient(req, userId ?? undefined);
    await takeOrThrow('render', client, RENDER_LIMIT, { cost: renderCost(size), what: 'image renders' });
  };
}

async function signedInUser(req: Request): Promise<{ id: string; role: string } | null> {
  try {
    const { getUserFromRequest } = await import('../auth');
    return await getUserFromRequest(req);
  } catch {
    return null;
  }
}

export const recipeImageStats = { renders: 0, cacheHits: 0, joined: 0 };

const inflight = new Map<string, Promise<{ key: string; bytes: number }>>();

function refName(hash: string, size?: number) {
  return `r/${hash}${size ? `@${size}` : ''}.png`;
}

/** Parses "<hash>.png" / "<hash>@<size>.png"; null if it is not a recipe URL. */
export function parseRecipeFile(file: string): { hash: string; size?: number } | null {
  const m = /^([^@.]+)(?:@(\d{1,4}))?\.png$/.exec(file);
  if (!m || !isDesignId(m[1])) return null;
  return { hash: m[1], size: m[2] ? Number(m[2]) : undefined };
}

/**
 * The blob key of the recipe's PNG at `size` (undefined = native), rendering it if needed.
 * `beforeRender` runs (and may throw) only when this call would start a render itself.
 */
export async function recipeImageKey(hash: string, size?: number, opts: { beforeRender?: () => Promise<void> } = {}): Promise<{ key: string }> {
  const name = refName(hash, size);
  const cached = await getRef(name);
  if (cached && (await hasBlob(cached))) {
    recipeImageStats.cacheHits++;
    return { key: cached };
  }
  let running = inflight.get(name);
  if (running) {
    recipeImageStats.joined++;
    return running;
  }
  const design = await getDesign(hash);
  if (!design) throw notFound('No design with that recipe hash.');
  const native = !size || (size === design.recipe.width && size === design.recipe.height);
  if (native && design.previewSha256 && (await hasBlob(design.previewSha256))) {
    await putRef(name, design.previewSha256);
    return { key: design.previewSha256 };
  }
  if (opts.beforeRender && !inflight.has(name)) await opts.beforeRender();
  running = inflight.get(name); // started by another request while this one looked
  if (running) {
    recipeImageStats.joined++;
    return running;
  }
  const p = (async () => {
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

export async function recipeImage(hash: string, size?: number, opts: { beforeRender?: () => Promise<void> } = {}): Promise<{ key: string; png: Buffer }> {
  const { key } = await recipeImageKey(hash, size, opts);
  return { key, png: await getBlob(key) };
}
