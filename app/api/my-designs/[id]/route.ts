// DELETE /api/my-designs/<design id> -> 200 {removed}: idempotent; 404 for an id that names no design.
import { ownerFromRequest, removeFromMyDesigns } from '@/lib/saved-designs';
import { handle } from '@/lib/http/route';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

export const DELETE = handle<{ params: Promise<{ id: string }> }>(async (req, ctx) => {
  const { id } = await ctx.params;
  const { owner } = await ownerFromRequest(req);
  return Response.json(await removeFromMyDesigns(owner, id));
});
