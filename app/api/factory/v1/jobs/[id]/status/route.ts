import { reportStatus, statusSchema } from '@/lib/fulfillment';
import { readJson } from '@/lib/http/route';
import { methodNotAllowed, withFactory } from '../../../with-factory';

export const dynamic = 'force-dynamic';

export const POST = withFactory<{ id: string }>(async ({ req, params, factory }) => {
  const report = await readJson(req, statusSchema);
  return Response.json({ job: await reportStatus(params.id, factory.id, report) });
});

export const GET = methodNotAllowed('POST');
export const HEAD = GET;
export const PUT = GET;
export const PATCH = GET;
export const DELETE = GET;
