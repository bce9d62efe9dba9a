// Published (or draft) → archived: no longer for sale; open campaigns still settle.
import { withAuth } from '@/lib/auth';
import { archiveListing } from '@/lib/sellers';
import { publicPagesChanged } from '@/app/_lib/public-pages';

export const dynamic = 'force-dynamic';
type Ctx = { params: Promise<{ id: string }> };

export const POST = withAuth<Ctx>(['SELLER', 'ADMIN'], async ({ ctx, user }) => {
  const listing = await archiveListing(user, (await ctx.params).id);
  publicPagesChanged();
  return Response.json({ listing });
});
