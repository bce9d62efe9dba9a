import { listJobsForFactory, listQuerySchema } from '@/lib/fulfillment';
import { readQuery } from '@/lib/http/route';
import { withFactory } from '../with-factory';

export const dynamic = 'force-dynamic';

export const GET = withFactory(async ({ req, factory }) => {
  const { status } = readQuery(req, listQuerySchema);
  return Response.json({ jobs: await listJobsForFactory(factory.id, status) });
});
