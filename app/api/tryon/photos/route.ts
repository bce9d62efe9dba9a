// DELETE /api/tryon/photos -> "Delete my photos": every try-on set, photo, render and stored
// file of this visitor (signed-in user and/or anonymous cookie), at once.
import { handle } from '@/lib/http/route';
import { deleteAllForOwner } from '@/lib/tryon/service';
import { resolveOwner } from '@/lib/tryon/owner';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

export const DELETE = handle(async (req) => {
  const owner = await resolveOwner(req);
  const r = owner ? await deleteAllForOwner(owner.keys) : { sets: 0, blobs: 0 };
  return Response.json({ deleted: r }, { headers: { 'cache-control': 'no-store' } });
});
