// A seller's listings: GET lists them, POST creates a draft (photos are rendered by a queue job).
import { withAuth } from '@/lib/auth';
import { badRequest } from '@/lib/http/errors';
import { createListing, listListingsForSeller, requireSeller } from '@/lib/sellers';

export const dynamic = 'force-dynamic';

export const GET = withAuth(['SELLER', 'ADMIN'], async ({ user }) => {
  const seller = await requireSeller(user);
  return Response.json({ listings: await listListingsForSeller(seller.id) });
});

export const POST = withAuth(['SELLER', 'ADMIN'], async ({ req, user }) => {
  let body: unknown;
  try {
    body = await req.json();
  } catch {
    throw badRequest('The request body must be valid JSON.', 'invalid_json');
  }
  const listing = await createListing(user, body);
  return Response.json({ listing }, { status: 201 });
});
