// GET /api/tryon/site-models -> the store's model photos for the try-on gallery (the shop's
// uploads first, then the embedded default) and the gallery's views, in order. Public.
import { handle } from '@/lib/http/route';
import { listSiteModels, SITE_VARIANTS, siteVariantLabel } from '@/lib/tryon/site-model';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

export const GET = handle(async () => {
  const models = await listSiteModels();
  return Response.json(
    { models: models.map((m) => ({ id: m.id, alt: m.alt, credit: m.credit })), variants: SITE_VARIANTS.map((v) => ({ id: v, label: siteVariantLabel(v) })) },
    { headers: { 'cache-control': 'no-store' } },
  );
});
