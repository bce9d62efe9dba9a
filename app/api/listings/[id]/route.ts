// One listing, for its owner (or an admin): anyone else gets 404.
import { withAuth } from '@/lib/auth';
import { readJsonLimited } from '@/lib/http/body';
import { getOwnedListing, photoProgress, updateListing } from '@/lib/sellers';
import { publicPagesChanged } from '@/app/_lib/public-pages';

export const dynamic = 'force-dynamic';
type Ctx = { params: Promise<{ id: string }> };

export const GET = withAuth<Ctx>(['SELLER', 'ADMIN'], async ({ ctx, user }) => {
  const listing = await getOwnedListing(user, (await ctx.params).id);
  return Response.json({ listing, photos: await photoProgress(listing) });
});

export const PATCH = withAuth<Ctx>(['SELLER', 'ADMIN'], async ({ req, ctx, user }) => {
  const body = await readJsonLimited(req);
  const listing = await updateListing(user, (await ctx.params).id, body);
  publicPagesChanged();
  return Response.json({ listing });
});
