// GET /api/mockups/<product>/<view>.png?design=<64 hex>&color=<hex>&repeat=<in>&size=512|1024
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { DESIGN_ID_RE, REPEAT_IN } from '../design';
import { HttpError, badRequest, notFound, parseOrThrow } from '../http/errors';
import { renderMockup, type MockupFormat } from './render';
import { getTemplate, resolveTemplate } from './template';

/** Gives a design's pattern tile (PNG) by design id, or null when there is no such design. */
export type TileLoader = (designId: string) => Promise<Buffer | null>;

const RENDERER_VERSION = '1';

export const mockupQuerySchema = z.object({
  design: z.string({ error: 'design is required (a 64-character hex design id)' }).regex(DESIGN_ID_RE, 'design must be a 64-character lowercase hex design id'),
  color: z
    .string()
    .regex(/^#?[0-9a-fA-F]{6}$/, 'color must be a 6-digit hex colour without # (e.g. 1c1917)')
    .transform((c) => c.replace(/^#/, '').toLowerCase())
    .default('ffffff'),
  repeat: z.coerce
    .number({ error: 'repeat must be a number of inches' })
    .min(REPEAT_IN.min, `repeat must be at least ${REPEAT_IN.min} inches`)
    .max(REPEAT_IN.max, `repeat must be at most ${REPEAT_IN.max} inches`)
    .default(REPEAT_IN.default),
  size: z.enum(['512', '1024'], { error: 'size must be 512 or 1024' }).default('1024').transform((s) => Number(s) as 512 | 1024),
});
export type MockupQuery = z.infer<typeof mockupQuerySchema>;

const segment = /^[a-z0-9][a-z0-9-]{0,40}$/;

/** Builds the HTTP answer; HttpErrors (400/404) are thrown for lib/http's handle() to format. */
export async function mockupResponse(req: Request, params: { product: string; view: string }, loadTile: TileLoader): Promise<Response> {
  const m = /^(.+)\.(png|webp)$/.exec(params.view);
  if (!m) throw notFound('Mockup URLs end in .png or .webp, e.g. /api/mockups/tee/front.png.');
  const view = m[1];
  const format = m[2] as MockupFormat;
  const product = params.product;
  const url = new URL(req.url);
  const q = parseOrThrow(mockupQuerySchema, Object.fromEntries(url.searchParams));
  if (!segment.test(product) || !segment.test(view) || !resolveTemplate(product, view)) {
    throw notFound(`No mockup for ${product}/${view}.`);
  }
  const template = await getTemplate(product, view)!;
  // the design id is the hash of its recipe, so these inputs fix the bytes
  const etag = `"${createHash('sha256').update([RENDERER_VERSION, template.digest, q.design, q.color, q.repeat, q.size, format].join('|')).digest('hex').slice(0, 32)}"`;
  const headers = {
    'Cache-Control': 'public, max-age=86400',
    ETag: etag,
    'Content-Type': format === 'png' ? 'image/png' : 'image/webp',
  };
  const inm = req.headers.get('if-none-match');
  if (inm && inm.split(',').some((t) => t.trim() === etag || t.trim() === `W/${etag}`)) {
    return new Response(null, { status: 304, headers });
  }
  const tile = await loadTile(q.design);
  if (!tile) throw notFound('No design with that id.');
  let body: Buffer;
  try {
    body = await renderMockup({ product, view, variantColorHex: q.color, tile, repeatIn: q.repeat, size: q.size, format });
  } catch (err) {
    if (err instanceof HttpError) throw err;
    if (err instanceof Error && /unsupported image format|Input buffer/i.test(err.message)) throw badRequest('The design image could not be decoded.', 'bad_design_image');
    throw err;
  }
  return new Response(new Uint8Array(body), { status: 200, headers: { ...headers, 'Content-Length': String(body.length) } });
}
