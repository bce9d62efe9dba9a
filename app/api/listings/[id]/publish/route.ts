// Draft → published: 409 until at least one photo is rendered; 422 if moderation refuses it.
import { withAuth } from '@/lib/auth';
import { publishListing } from '@/lib/sellers';
import { publicPagesChanged } from '@/app/_lib/public-pages';

export const dynamic = 'force-dynamic';
type Ctx = { params: Promise<{ id: string }> };

export const POST = withAuth<Ctx>(['SELLER', 'ADMIN'], async ({ ctx, user }) => {
  const listing = await publishListing(user, (await ctx.params).id);
  publicPagesChanged();
  return Response.json({ listing });
});
