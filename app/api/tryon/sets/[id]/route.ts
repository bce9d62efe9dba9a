// GET /api/tryon/sets/:id -> the set with per-photo progress and signed render URLs (owner only).
import { notFound } from '@/lib/http/errors';
import { handle } from '@/lib/http/route';
import { getSetView } from '@/lib/tryon/service';
import { resolveOwner } from '@/lib/tryon/owner';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

export const GET = handle<{ params: Promise<{ id: string }> }>(async (req, ctx) => {
  const { id } = await ctx.params;
  const owner = await resolveOwner(req);
  if (!owner) throw notFound('No such try-on set.');
  return Response.json({ set: await getSetView(id, owner.keys) }, { headers: { 'cache-control': 'no-store' } });
});
