// A seller's listings: GET lists them, POST creates a draft (photos are rendered by a queue job).
import { withAuth } from '@/lib/auth';
import { readJsonLimited } from '@/lib/http/body';
import { createListing, listListingsForSeller, requireSeller } from '@/lib/sellers';

export const dynamic = 'force-dynamic';

export const GET = withAuth(['SELLER', 'ADMIN'], async ({ user }) => {
  const seller = await requireSeller(user);
  return Response.json({ listings: await listListingsForSeller(seller.id) });
});

export const POST = withAuth(['SELLER', 'ADMIN'], async ({ req, user }) => {
  const body = await readJsonLimited(req);
  const listing = await createListing(user, body);
  return Response.json({ listing }, { status: 201 });
});
