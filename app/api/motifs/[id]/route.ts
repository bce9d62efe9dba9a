// A motif's artwork as SVG, for the studio's "what we understood" thumbnails.
import { motifSvg } from '@/lib/pattern';
import { handle } from '@/lib/http/route';
import { notFound } from '@/lib/http/errors';

export const dynamic = 'force-dynamic';

export const GET = handle<{ params: Promise<{ id: string }> }>(async (_req, ctx) => {
  const { id } = await ctx.params;
  const svg = motifSvg(id.replace(/\.svg$/, ''));
  if (!svg) throw notFound('No such motif.');
  return new Response(svg, { headers: { 'content-type': 'image/svg+xml', 'cache-control': 'public, max-age=86400, immutable', 'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'" } });
});
