// Admin tools for a listing's campaign (support and tests): PATCH moves the deadline (into the
// past ends it now) and settles; POST settles now. Both ADMIN only.
import { withAuth } from '@/lib/auth';
import { z } from 'zod';
import { adminSetDeadline, adminSettle } from '@/lib/campaigns';
import { readJson } from '@/lib/http/route';
import { publicPagesChanged } from '@/app/_lib/public-pages';

export const dynamic = 'force-dynamic';
type Ctx = { params: Promise<{ id: string }> };

export const PATCH = withAuth<Ctx>('ADMIN', async ({ req, ctx, user }) => {
  const body = await readJson(req, z.unknown());
  const result = await adminSetDeadline(user, (await ctx.params).id, body);
  publicPagesChanged();
  return Response.json(result);
});

export const POST = withAuth<Ctx>('ADMIN', async ({ ctx, user }) => {
  const settled = await adminSettle(user, (await ctx.params).id);
  publicPagesChanged();
  return Response.json({ settled });
});
