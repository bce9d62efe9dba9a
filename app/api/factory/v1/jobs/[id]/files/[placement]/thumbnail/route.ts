import { jobForFactory } from '@/lib/fulfillment';
import { notFound } from '@/lib/http/errors';
import { getBlob } from '@/lib/storage';
import { methodNotAllowed, withFactory } from '../../../../../with-factory';

export const dynamic = 'force-dynamic';

// A small JPEG of the whole print file, to check a job at a glance before downloading it.
export const GET = withFactory<{ id: string; placement: string }>(async ({ params, factory }) => {
  const job = await jobForFactory(params.id, factory.id);
  const file = job.files.find((f) => f.placement === params.placement);
  if (!file?.thumbKey) throw notFound('This job has no thumbnail for that placement (yet).');
  return new Response(new Uint8Array(await getBlob(file.thumbKey)), { headers: { 'content-type': 'image/jpeg', 'cache-control': 'private, max-age=300' } });
});

export const POST = methodNotAllowed('GET');
export const PUT = POST;
export const PATCH = POST;
export const DELETE = POST;
