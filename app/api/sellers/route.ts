// The caller's shop: GET it, POST to open one (a shopper becomes a seller), PATCH to edit it.
import { withAuth } from '@/lib/auth';
import { readJson } from '@/lib/http/route';
import { z } from 'zod';
import { becomeSeller, getSellerForUser, updateSellerProfile } from '@/lib/sellers';
import { notFound } from '@/lib/http/errors';
import { publicPagesChanged } from '@/app/_lib/public-pages';

export const dynamic = 'force-dynamic';

export const GET = withAuth(null, async ({ user }) => {
  const seller = await getSellerForUser(user.id);
  if (!seller) throw notFound('You have no shop yet.');
  return Response.json({ seller });
});

export const POST = withAuth(null, async ({ req, user }) => {
  const seller = await becomeSeller(user, await readJson(req, z.unknown()));
  publicPagesChanged();
  return Response.json({ seller }, { status: 201 });
});

export const PATCH = withAuth(['SELLER', 'ADMIN'], async ({ req, user }) => {
  const seller = await updateSellerProfile(user, await readJson(req, z.unknown()));
  publicPagesChanged();
  return Response.json({ seller });
});
