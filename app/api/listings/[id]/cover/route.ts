// The seller picks the cover photo: { "photoId": "…" }.
import { z } from 'zod';
import { withAuth } from '@/lib/auth';
import { readJson } from '@/lib/http/route';
import { chooseCover } from '@/lib/sellers';

export const dynamic = 'force-dynamic';
type Ctx = { params: Promise<{ id: string }> };

export const POST = withAuth<Ctx>(['SELLER', 'ADMIN'], async ({ req, ctx, user }) => {
  const { photoId } = await readJson(req, z.object({ photoId: z.string().min(1) }));
  return Response.json({ listing: await chooseCover(user, (await ctx.params).id, photoId) });
});
