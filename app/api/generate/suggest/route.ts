// GET /api/generate/suggest?q=red%20he -> {suggestions: [...]} (vocabulary + popular prompts)
import { z } from 'zod';
import { popularPrompts } from '@/lib/generation/design-repository';
import { loadModel } from '@/lib/generation/model-registry';
import { POPULAR_PROMPTS, suggestFrom } from '@/lib/generation/vocab';
import { handle, readQuery } from '@/lib/http/route';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

let popular: { at: number; list: string[] } | undefined;
async function popularList(): Promise<string[]> {
  if (!popular || Date.now() - popular.at > 60_000) {
    const fromDb = await popularPrompts(20).catch(() => [] as string[]);
    popular = { at: Date.now(), list: [...new Set([...fromDb, ...POPULAR_PROMPTS])] };
  }
  return popular.list;
}

export const GET = handle(async (req) => {
  const { q } = readQuery(req, z.object({ q: z.string().max(300).default('') }));
  const m = await loadModel();
  return Response.json({ suggestions: suggestFrom(m.parser, q, 8, await popularList()) }, { headers: { 'cache-control': 'no-store' } });
});
