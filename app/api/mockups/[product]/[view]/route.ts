// GET /api/mockups/<product>/<view>.png?design=<64-hex>&color=<hex>&repeat=<inches>&size=512|1024
// A product mockup of a design's pattern at true print scale (see lib/mockup/README.md).
import { handle } from '@/lib/http/route';
import { designTilePng } from '@/lib/generation';
import { mockupResponse } from '@/lib/mockup/http';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

export const GET = handle<{ params: Promise<{ product: string; view: string }> }>(async (req, ctx) => mockupResponse(req, await ctx.params, (id) => designTilePng(id)));
