// Published (or draft) → archived: no longer for sale; open campaigns still settle.
import { withAuth } from '@/lib/auth';
import { archiveListing } from '@/lib/sellers';

export const dynamic = 'force-dynamic';
type Ctx = { params: Promise<{ id: string }> };

export const POST = withAuth<Ctx>(['SELLER', 'ADMIN'], async ({ ctx, user }) => Response.json({ listing: await archiveListing(user, (await ctx.params).id) }));
