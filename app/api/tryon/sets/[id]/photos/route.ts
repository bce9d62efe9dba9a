// POST /api/tryon/sets/:id/photos (multipart/form-data, one or more "photo" fields)
// -> per-file results. 201 when every file was accepted, 207 when some were, otherwise the
// first refusal's 4xx; a refused file never stops the others.
import { readFormLimited } from '@/lib/http/body';
import { badRequest, notFound, payloadTooLarge } from '@/lib/http/errors';
import { handle } from '@/lib/http/route';
import { MAX_PHOTO_BYTES, MAX_PHOTOS_PER_SET } from '@/lib/tryon/upload';
import { addPhotos, type UploadFile } from '@/lib/tryon/service';
import { resolveOwner } from '@/lib/tryon/owner';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/** Up to 4 full-size photos per request (the page sends one at a time), plus the multipart framing. */
const MAX_PHOTOS_PER_REQUEST = 4;
const MAX_UPLOAD_BYTES = MAX_PHOTOS_PER_REQUEST * MAX_PHOTO_BYTES + 1024 * 1024;

export const POST = handle<{ params: Promise<{ id: string }> }>(async (req, ctx) => {
  const { id } = await ctx.params;
  const owner = await resolveOwner(req);
  if (!owner) throw notFound('No such try-on set.');
  // Counted while reading (chunked bodies carry no Content-Length): 413 past the limit.
  const form = await readFormLimited(req, MAX_UPLOAD_BYTES, 'Send the photos as multipart/form-data with one "photo" field per file.').catch((err) => {
    if (err?.status === 413) throw payloadTooLarge(`Too much data in one upload: send at most ${MAX_PHOTOS_PER_REQUEST} photos of up to ${MAX_PHOTO_BYTES / 1024 / 1024} MB each per request (${MAX_PHOTOS_PER_SET} per set).`);
    throw err;
  });
  const entries = form.getAll('photo');
  if (!entries.length) throw badRequest('No photo in the upload (field "photo").', 'no_photo');
  const files: UploadFile[] = [];
  for (const e of entries) {
    if (typeof e === 'string') throw badRequest('"photo" must be a file.', 'invalid_form');
    files.push({ name: e.name, data: Buffer.from(await e.arrayBuffer()) });
  }
  const results = await addPhotos(id, owner.keys, files);
  const ok = results.filter((r) => r.ok).length;
  const status = ok === results.length ? 201 : ok > 0 ? 207 : (results[0] as { status: number }).status;
  const first = results.find((r) => !r.ok) as { error: { message: string; code: string } } | undefined;
  return Response.json({ results, ...(ok === 0 && first ? { error: first.error } : {}) }, { status, headers: { 'cache-control': 'no-store' } });
});
