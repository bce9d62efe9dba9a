import { claim } from '@/lib/fulfillment';
import { withFactory } from '../../../with-factory';

export const dynamic = 'force-dynamic';

// Idempotent for the claimer; another factory gets 409.
export const POST = withFactory<{ id: string }>(async ({ params, factory }) => Response.json({ job: await claim(params.id, factory.id) }));
