// The seller picks the cover photo: { "photoId": "…" }.
import { z } from 'zod';
import { withAuth } from '@/lib/auth';
import { readJson } from '@/lib/http/route';
import { chooseCover } from '@/lib/sellers';
import { publicPagesChanged } from '@/app/_lib/public-pages';

export const dynamic = 'force-dynamic';
type Ctx = { params: Promise<{ id: string }> };

export const POST = withAuth<Ctx>(['SELLER', 'ADMIN'], async ({ req, ctx, user }) => {
  const { photoId } = await readJson(req, z.object({ photoId: z.string().min(1) }));
  const listing = await chooseCover(user, (await ctx.params).id, photoId);
  publicPagesChanged();
  return Response.json({ listing });
});
