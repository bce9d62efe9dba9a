// A listing page's visit, reported by the page's script (the page itself is served from Next's
// cache): counts the view and answers the campaign's current progress, which the page shows.
import { z } from 'zod';
import { getUserFromRequest } from '@/lib/auth';
import { notFound } from '@/lib/http/errors';
import { handle, readJson } from '@/lib/http/route';
import { visitListing } from '@/lib/sellers';

export const dynamic = 'force-dynamic';

const visitSchema = z.object({ slug: z.string().min(1).max(200) });

export const POST = handle(async (req: Request) => {
  const { slug } = await readJson(req, visitSchema);
  const viewer = await getUserFromRequest(req);
  const visit = await visitListing(slug, viewer?.id ?? null);
  if (!visit) throw notFound('No published listing has this address.');
  return Response.json(visit, { headers: { 'Cache-Control': 'private, no-store' } });
});
