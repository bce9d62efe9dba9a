import { listJobPage, listQuerySchema } from '@/lib/fulfillment';
import { readQuery } from '@/lib/http/route';
import { methodNotAllowed, withFactory } from '../with-factory';

export const dynamic = 'force-dynamic';

// One page, oldest first: ?limit=1..100 (20) &starting_after=<next_cursor of the previous page>.
export const GET = withFactory(async ({ req, factory }) => Response.json(await listJobPage(factory.id, readQuery(req, listQuerySchema))));

export const POST = methodNotAllowed('GET');
export const PUT = POST;
export const PATCH = POST;
export const DELETE = POST;
