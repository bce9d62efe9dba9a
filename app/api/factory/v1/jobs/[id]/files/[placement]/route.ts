import { Readable } from 'node:stream';
import { jobForFactory } from '@/lib/fulfillment';
import { notFound } from '@/lib/http/errors';
import { getBlobStream } from '@/lib/storage';
import { methodNotAllowed, withFactory } from '../../../../with-factory';

export const dynamic = 'force-dynamic';

// Streams a print file; its sha256 travels in a header so the factory can verify it.
export const GET = withFactory<{ id: string; placement: string }>(async ({ params, factory }) => {
  const job = await jobForFactory(params.id, factory.id);
  const file = job.files.find((f) => f.placement === params.placement); // Next has already decoded it
  if (!file) throw notFound('This job has no file for that placement (yet).');
  const stream = await getBlobStream(file.blobKey);
  return new Response(Readable.toWeb(stream) as ReadableStream, {
    headers: {
      'content-type': 'image/png',
      'content-length': String(file.bytes),
      'x-content-sha256': file.blobKey,
      digest: `sha-256=${Buffer.from(file.blobKey, 'hex').toString('base64')}`,
      'content-disposition': `attachment; filename="${job.orderId}-${file.placement}.png"`,
      'cache-control': 'private, no-store',
    },
  });
});

export const POST = methodNotAllowed('GET');
export const PUT = POST;
export const PATCH = POST;
export const DELETE = POST;
