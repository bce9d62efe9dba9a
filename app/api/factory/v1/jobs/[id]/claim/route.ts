import { claim } from '@/lib/fulfillment';
import { methodNotAllowed, withFactory } from '../../../with-factory';

export const dynamic = 'force-dynamic';

// Idempotent for the claimer; another factory gets 409.
export const POST = withFactory<{ id: string }>(async ({ params, factory }) => Response.json({ job: await claim(params.id, factory.id) }));

export const GET = methodNotAllowed('POST');
export const HEAD = GET;
export const PUT = GET;
export const PATCH = GET;
export const DELETE = GET;
