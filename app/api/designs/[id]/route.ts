// GET a design's shopper-facing summary (its prompt), for pages that hold only its id. The
// design's PNG (/r/<id>.png) carries the same prompt in its recipe, so nothing new is exposed.
import { getDesign } from '@/lib/generation';
import { notFound } from '@/lib/http/errors';
import { handle } from '@/lib/http/route';

export const dynamic = 'force-dynamic';

export const GET = handle<{ params: Promise<{ id: string }> }>(async (_req, ctx) => {
  const design = await getDesign((await ctx.params).id);
  if (!design) throw notFound('There is no such design.');
  return Response.json({ id: design.id, prompt: design.recipe.prompt }, { headers: { 'cache-control': 'public, max-age=3600' } });
});
