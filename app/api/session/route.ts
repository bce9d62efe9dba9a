// Who is browsing and how many items their cart holds: the header asks this after the page
// loads, so catalog pages can be served statically (ISR) instead of rendered per request.
import { handle } from '@/lib/http/route';
import { cartItemCount, safeCurrentUser } from '@/app/_components/site-data';

export const dynamic = 'force-dynamic';

export const GET = handle(async () => {
  const [user, cartCount] = await Promise.all([safeCurrentUser(), cartItemCount()]);
  return Response.json(
    { user: user ? { email: user.email, name: user.name, role: user.role } : null, cartCount },
    { headers: { 'Cache-Control': 'private, no-store' } },
  );
});
