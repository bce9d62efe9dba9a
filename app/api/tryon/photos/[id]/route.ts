// DELETE /api/tryon/photos/:id -> deletes one of the visitor's photos with every picture made
// from it (someone else's photo is a 404).
import { notFound } from '@/lib/http/errors';
import { handle } from '@/lib/http/route';
import { deletePhoto } from '@/lib/tryon/service';
import { resolveOwner } from '@/lib/tryon/owner';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

export const DELETE = handle<{ params: Promise<{ id: string }> }>(async (req, ctx) => {
  const { id } = await ctx.params;
  const owner = await resolveOwner(req);
  if (!owner || !/^[a-z0-9]{10,40}$/.test(id)) throw notFound('No such photo.');
  return Response.json({ deleted: await deletePhoto(owner.keys, id) }, { headers: { 'cache-control': 'no-store' } });
});
