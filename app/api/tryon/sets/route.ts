// POST /api/tryon/sets {designId, product, repeatIn?, consent: true} -> a new private try-on set
//   (mints the anonymous owner cookie when the shopper is not signed in).
// GET  /api/tryon/sets?design=&product= -> the visitor's current sets.
import { z } from 'zod';
import { designIdSchema } from '@/lib/design';
import { handle, readJson } from '@/lib/http/route';
import { createSet, getSetView, listSetViews } from '@/lib/tryon/service';
import { resolveOwner } from '@/lib/tryon/owner';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

const body = z.object({
  designId: designIdSchema,
  product: z.string().max(40),
  repeatIn: z.number().optional(),
  consent: z.boolean(),
});

export const POST = handle(async (req) => {
  const b = await readJson(req, body);
  const owner = (await resolveOwner(req, { mint: true }))!;
  const set = await createSet({ ownerKey: owner.key, designId: b.designId, product: b.product, repeatIn: b.repeatIn, consent: b.consent });
  const headers = new Headers({ 'cache-control': 'no-store' });
  if (owner.setCookie) headers.append('set-cookie', owner.setCookie);
  return Response.json({ set: await getSetView(set.id, owner.keys) }, { status: 201, headers });
});

export const GET = handle(async (req) => {
  const owner = await resolveOwner(req);
  const url = new URL(req.url);
  const sets = owner ? await listSetViews(owner.keys, { designId: url.searchParams.get('design') ?? undefined, product: url.searchParams.get('product') ?? undefined }) : [];
  return Response.json({ sets }, { headers: { 'cache-control': 'no-store' } });
});
