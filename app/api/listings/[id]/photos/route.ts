// Photo progress (GET: "3 of 5 rendered") and a fresh render of every photo (POST).
import { withAuth } from '@/lib/auth';
import { getOwnedListing, photoProgress, regeneratePhotos } from '@/lib/sellers';
import { publicPagesChanged } from '@/app/_lib/public-pages';

export const dynamic = 'force-dynamic';
type Ctx = { params: Promise<{ id: string }> };

export const GET = withAuth<Ctx>(['SELLER', 'ADMIN'], async ({ ctx, user }) => {
  const listing = await getOwnedListing(user, (await ctx.params).id);
  return Response.json({ coverPhotoId: listing.coverPhotoId, ...(await photoProgress(listing)) });
});

export const POST = withAuth<Ctx>(['SELLER', 'ADMIN'], async ({ ctx, user }) => {
  await regeneratePhotos(user, (await ctx.params).id);
  publicPagesChanged();
  return Response.json({ queued: true }, { status: 202 });
});
