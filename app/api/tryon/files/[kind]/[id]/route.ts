// GET /api/tryon/files/(photo|render)/:id?exp=&sig= -> a private try-on image, only with a valid,
// unexpired signature (HMAC with AUTH_SECRET). Never cached by shared caches.
import { BlobNotFoundError } from '@/lib/storage';
import { HttpError, notFound } from '@/lib/http/errors';
import { handle } from '@/lib/http/route';
import { fileBlob } from '@/lib/tryon/service';
import { verifySignature } from '@/lib/tryon/signing';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

export const GET = handle<{ params: Promise<{ kind: string; id: string }> }>(async (req, ctx) => {
  const { kind, id } = await ctx.params;
  const url = new URL(req.url);
  const check = verifySignature(kind, id, url.searchParams.get('exp'), url.searchParams.get('sig'));
  if (check === 'expired') throw new HttpError(403, 'This link has expired: reload the page.', 'link_expired');
  if (check !== 'ok') throw new HttpError(403, 'This link is not valid.', 'bad_signature');
  let buf: Buffer;
  try {
    buf = await fileBlob(kind as 'photo' | 'render', id);
  } catch (err) {
    if (err instanceof BlobNotFoundError) throw notFound('This photo was deleted.');
    throw err;
  }
  return new Response(new Uint8Array(buf), {
    headers: { 'content-type': 'image/jpeg', 'cache-control': 'private, max-age=600', 'x-content-type-options': 'nosniff', 'referrer-policy': 'no-referrer' },
  });
});
