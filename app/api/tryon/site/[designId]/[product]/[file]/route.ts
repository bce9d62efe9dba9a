// GET /api/tryon/site/:designId/:product/:modelId-:variant.jpg -> the store's model wearing the
// design (public: the model photos are the store's own). ?repeat= sets inches per repeat.
import { isDesignId, isProductSlug } from '@/lib/design';
import { badRequest, notFound } from '@/lib/http/errors';
import { handle } from '@/lib/http/route';
import { siteRender } from '@/lib/tryon/site-model';
import { ALL_VARIANTS, type VariantName } from '@/lib/tryon/variants';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

export const GET = handle<{ params: Promise<{ designId: string; product: string; file: string }> }>(async (req, ctx) => {
  const { designId, product, file } = await ctx.params;
  if (!isDesignId(designId)) throw notFound('No such design.');
  if (!isProductSlug(product)) throw notFound('No such product.');
  const m = /^([a-z0-9]+)-([a-z-]+)\.jpg$/.exec(file);
  if (!m || !ALL_VARIANTS.includes(m[2] as VariantName)) throw notFound('No such view.');
  const q = new URL(req.url).searchParams.get('repeat');
  const repeat = q === null ? undefined : Number(q);
  if (repeat !== undefined && !(repeat >= 0.5 && repeat <= 24)) throw badRequest('repeat must be between 0.5 and 24 inches.', 'invalid_repeat');
  const jpeg = await siteRender(m[1], designId, product, m[2] as VariantName, repeat);
  return new Response(new Uint8Array(jpeg), { headers: { 'content-type': 'image/jpeg', 'cache-control': 'public, max-age=86400' } });
});
