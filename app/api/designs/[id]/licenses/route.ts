// A design's maker licenses it to a shop (POST {shop}) or withdraws the licence (DELETE {shop}):
// without one, a shop can only sell designs its owner made.
import { withAuth } from '@/lib/auth';
import { readJsonLimited } from '@/lib/http/body';
import { grantDesignLicense, revokeDesignLicense } from '@/lib/sellers';

export const dynamic = 'force-dynamic';
type Ctx = { params: Promise<{ id: string }> };

export const POST = withAuth<Ctx>(null, async ({ req, ctx, user }) => {
  const license = await grantDesignLicense(user, (await ctx.params).id, await readJsonLimited(req));
  return Response.json({ license }, { status: 201 });
});

export const DELETE = withAuth<Ctx>(null, async ({ req, ctx, user }) => {
  await revokeDesignLicense(user, (await ctx.params).id, await readJsonLimited(req));
  return new Response(null, { status: 204 });
});
