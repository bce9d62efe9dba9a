import { Readable } from 'node:stream';
import { withAuth } from '@/lib/auth';
import { factoryForUser, jobForFactory } from '@/lib/fulfillment';
import { notFound } from '@/lib/http/errors';
import { getBlobStream } from '@/lib/storage';

export const dynamic = 'force-dynamic';

type Ctx = { params: Promise<{ jobId: string; placement: string }> };

// Print-file download for factory staff signed in to the console.
export const GET = withAuth<Ctx>(['FACTORY', 'ADMIN'], async ({ ctx, user }) => {
  const { jobId, placement } = await ctx.params;
  const job = await jobForFactory(jobId, await factoryForUser(user.id));
  const file = job.files.find((f) => f.placement === placement); // Next has already decoded it
  if (!file) throw notFound('No such file.');
  return new Response(Readable.toWeb(await getBlobStream(file.blobKey)) as ReadableStream, {
    headers: { 'content-type': 'image/png', 'content-length': String(file.bytes), 'x-content-sha256': file.blobKey, 'content-disposition': `attachment; filename="${job.orderId}-${file.placement}.png"` },
  });
});
