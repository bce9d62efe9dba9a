// GET /api/my-designs -> {designs: [...]} the shopper's designs (account, else guest cart)
// POST /api/my-designs {designId, product?} -> 201 {design}; a guest without a cart gets one.
import { ownerFromRequest, listMyDesigns, saveDesignSchema, saveToMyDesigns } from '@/lib/saved-designs';
import { handle, readJson } from '@/lib/http/route';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

export const GET = handle(async (req) => {
  const { owner } = await ownerFromRequest(req);
  return Response.json({ designs: owner ? await listMyDesigns(owner) : [] }, { headers: { 'cache-control': 'no-store' } });
});

export const POST = handle(async (req) => {
  const input = await readJson(req, saveDesignSchema);
  const { owner, setCookie } = await ownerFromRequest(req, { create: true });
  const design = await saveToMyDesigns(owner!, input);
  return Response.json({ design }, { status: 201, headers: setCookie ? { 'set-cookie': setCookie } : undefined });
});
