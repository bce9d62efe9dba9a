// GET /r/<recipe-hash>.png, /r/<hash>@<size>.png or /r/<hash>.png?size=N
// Immutable: the bytes are a pure function of the recipe (and size). Cached images are served to
// anyone; an uncached render is rate-limited per client, and sizes above 1024 px are cache-only
// except for staff (lib/generation/recipe-images renderGuard).
import { badRequest, notFound } from '@/lib/http/errors';
import { handle } from '@/lib/http/route';
import { parseRecipeFile, RECIPE_SIZES, recipeImage, recipeImageKey, renderGuard } from '@/lib/generation/recipe-images';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

export const GET = handle<{ params: Promise<{ file: string }> }>(async (req, ctx) => {
  const { file } = await ctx.params;
  const parsed = parseRecipeFile(file);
  if (!parsed) throw notFound('Recipe images are /r/<sha256>.png or /r/<sha256>@<size>.png.');
  const q = new URL(req.url).searchParams.get('size');
  let size = parsed.size;
  if (q !== null) {
    if (!/^\d{1,4}$/.test(q)) throw badRequest('size must be a whole number of pixels.', 'invalid_size');
    size = Number(q);
  }
  if (size !== undefined && !(RECIPE_SIZES as readonly number[]).includes(size)) {
    throw badRequest(`size must be one of ${RECIPE_SIZES.join(', ')}.`, 'invalid_size');
  }
  const headers = { 'cache-control': 'public, max-age=31536000, immutable', 'content-type': 'image/png', 'x-content-type-options': 'nosniff' };
  const beforeRender = renderGuard(req, size);
  const inm = req.headers.get('if-none-match');
  if (inm) {
    const { key } = await recipeImageKey(parsed.hash, size, { beforeRender });
    const etag = `"${key}"`;
    if (inm.split(',').some((t) => t.trim().replace(/^W\//, '') === etag)) return new Response(null, { status: 304, headers: { ...headers, etag } });
  }
  const { key, png } = await recipeImage(parsed.hash, size, { beforeRender });
  return new Response(new Uint8Array(png), { status: 200, headers: { ...headers, etag: `"${key}"`, 'content-length': String(png.length) } });
});
