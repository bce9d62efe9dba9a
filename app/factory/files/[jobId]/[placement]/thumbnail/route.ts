import { withAuth } from '@/lib/auth';
import { factoryForUser, jobForFactory } from '@/lib/fulfillment';
import { notFound } from '@/lib/http/errors';
import { getBlob } from '@/lib/storage';

export const dynamic = 'force-dynamic';

type Ctx = { params: Promise<{ jobId: string; placement: string }> };

// The print file's thumbnail for factory staff signed in to the console.
export const GET = withAuth<Ctx>(['FACTORY', 'ADMIN'], async ({ ctx, user }) => {
  const { jobId, placement } = await ctx.params;
  const job = await jobForFactory(jobId, await factoryForUser(user.id));
  const file = job.files.find((f) => f.placement === placement);
  if (!file?.thumbKey) throw notFound('No thumbnail for that placement.');
  return new Response(new Uint8Array(await getBlob(file.thumbKey)), { headers: { 'content-type': 'image/jpeg', 'cache-control': 'private, max-age=300' } });
});
