// POST /api/admin/tryon-models (multipart/form-data from /admin/models: label, releaseSignedBy,
// releaseSignedOn, releaseConfirmed, photo) -> 201 { model }. A route handler rather than a server
// action: server actions stop at 1 MB. The role is checked before the body is read; the body is
// counted while it is read (413 past the limit).
import { revalidatePath } from 'next/cache';
import { withAuth } from '@/lib/auth';
import { readFormLimited } from '@/lib/http/body';
import { badRequest, payloadTooLarge } from '@/lib/http/errors';
import { addSiteModel } from '@/lib/tryon/site-model';
import { MAX_PHOTO_BYTES } from '@/lib/tryon/upload';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

const MAX_BODY = MAX_PHOTO_BYTES + 256 * 1024;

export const POST = withAuth(['ADMIN'], async ({ req, user }) => {
  const form = await readFormLimited(req, MAX_BODY, 'Send the model photo as multipart/form-data with a "photo" file.').catch((err) => {
    if (err?.status === 413) throw payloadTooLarge(`The photo is larger than ${MAX_PHOTO_BYTES / 1024 / 1024} MB.`);
    throw err;
  });
  const photo = form.get('photo');
  if (photo !== null && typeof photo === 'string') throw badRequest('"photo" must be a file.', 'invalid_form');
  const model = await addSiteModel(
    {
      label: form.get('label'),
      releaseSignedBy: form.get('releaseSignedBy'),
      releaseSignedOn: form.get('releaseSignedOn'),
      releaseConfirmed: form.get('releaseConfirmed'),
      photo: photo && photo.size > 0 ? Buffer.from(await photo.arrayBuffer()) : null,
    },
    user.id,
  );
  revalidatePath('/admin/models');
  return Response.json({ model: { id: model.id, label: model.label } }, { status: 201, headers: { 'cache-control': 'no-store' } });
});
