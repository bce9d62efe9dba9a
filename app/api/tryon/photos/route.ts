// The visitor's try-on photos (signed-in user and/or anonymous cookie), reused for every design
// and product until deleted.
// GET    /api/tryon/photos[?design=&product=&repeat=] -> the photos; with a design and product each
//        photo's look for them (queued when new), with progress and signed render URLs.
// POST   /api/tryon/photos (multipart/form-data: consent=true, one "photo" field per file)
//        -> per-file results: 201 when every file was accepted, 207 when some were, otherwise the
//        first refusal's 4xx (mints the anonymous owner cookie when needed).
// DELETE /api/tryon/photos -> "Delete my photos": every photo, render and stored file, at once.
import { z } from 'zod';
import { designIdSchema } from '@/lib/design';
import { readFormLimited } from '@/lib/http/body';
import { badRequest, parseOrThrow, payloadTooLarge } from '@/lib/http/errors';
import { handle } from '@/lib/http/route';
import { MAX_PHOTO_BYTES, MAX_PHOTOS_PER_OWNER } from '@/lib/tryon/upload';
import { addPhotos, deleteAllForOwner, listPhotos, type UploadFile } from '@/lib/tryon/service';
import { resolveOwner } from '@/lib/tryon/owner';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/** Up to 4 full-size photos per request (the page sends one at a time), plus the multipart framing. */
const MAX_PHOTOS_PER_REQUEST = 4;
const MAX_UPLOAD_BYTES = MAX_PHOTOS_PER_REQUEST * MAX_PHOTO_BYTES + 1024 * 1024;
const noStore = { 'cache-control': 'no-store' };

const lookQuery = z
  .object({
    design: designIdSchema.optional(),
    product: z.string().max(40).optional(),
    repeat: z.coerce.number().optional(),
  })
  .refine((q) => !q.design === !q.product, { message: 'design and product go together' });

export const GET = handle(async (req) => {
  const sp = new URL(req.url).searchParams;
  const q = parseOrThrow(lookQuery, { design: sp.get('design') ?? undefined, product: sp.get('product') ?? undefined, repeat: sp.get('repeat') ?? undefined });
  const owner = await resolveOwner(req);
  const photos = owner ? await listPhotos(owner.keys, q.design && q.product ? { designId: q.design, product: q.product, repeatIn: q.repeat } : undefined) : [];
  return Response.json({ photos, max: MAX_PHOTOS_PER_OWNER }, { headers: noStore });
});

export const POST = handle(async (req) => {
  // Counted while reading (chunked bodies carry no Content-Length): 413 past the limit.
  const form = await readFormLimited(req, MAX_UPLOAD_BYTES, 'Send the photos as multipart/form-data with one "photo" field per file.').catch((err) => {
    if (err?.status === 413) throw payloadTooLarge(`Too much data in one upload: send at most ${MAX_PHOTOS_PER_REQUEST} photos of up to ${MAX_PHOTO_BYTES / 1024 / 1024} MB each per request (${MAX_PHOTOS_PER_OWNER} in all).`);
    throw err;
  });
  const consent = form.get('consent');
  if (consent !== 'true' && consent !== 'on') throw badRequest('Please confirm that the photos are of yourself before uploading (field "consent").', 'consent_required');
  const entries = form.getAll('photo');
  if (!entries.length) throw badRequest('No photo in the upload (field "photo").', 'no_photo');
  const files: UploadFile[] = [];
  for (const e of entries) {
    if (typeof e === 'string') throw badRequest('"photo" must be a file.', 'invalid_form');
    files.push({ name: e.name, data: Buffer.from(await e.arrayBuffer()) });
  }
  const owner = (await resolveOwner(req, { mint: true }))!;
  const results = await addPhotos(owner.key, files, true);
  const ok = results.filter((r) => r.ok).length;
  const status = ok === results.length ? 201 : ok > 0 ? 207 : (results[0] as { status: number }).status;
  const first = results.find((r) => !r.ok) as { error: { message: string; code: string } } | undefined;
  const headers = new Headers(noStore);
  if (owner.setCookie) headers.append('set-cookie', owner.setCookie);
  return Response.json({ results, ...(ok === 0 && first ? { error: first.error } : {}) }, { status, headers });
});

export const DELETE = handle(async (req) => {
  const owner = await resolveOwner(req);
  const r = owner ? await deleteAllForOwner(owner.keys) : { photos: 0, blobs: 0 };
  return Response.json({ deleted: r }, { headers: noStore });
});
