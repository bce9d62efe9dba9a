// POST /api/designs/:id/more -> NDJSON stream of 4 variations of the chosen design.
import { isDesignId } from '@/lib/design';
import { streamMoreLikeThis } from '@/lib/generation/studio';
import { notFound } from '@/lib/http/errors';
import { handle } from '@/lib/http/route';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

export const POST = handle<{ params: Promise<{ id: string }> }>(async (req, ctx) => {
  const { id } = await ctx.params;
  if (!isDesignId(id)) throw notFound('No design with that id.');
  return streamMoreLikeThis(req, id);
});
