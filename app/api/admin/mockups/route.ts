// POST /api/admin/mockups (multipart/form-data from /admin/mockups) -> 201 { ok, preview }.
// A route handler rather than a server action: server actions stop at 1 MB, and the photo may be
// 15 MB. The role is checked before the body is read; the body is counted while it is read.
import { revalidatePath } from 'next/cache';
import { withAuth } from '@/lib/auth';
import { readFormLimited } from '@/lib/http/body';
import { MAX_TEMPLATE_UPLOAD_BYTES, saveTemplateFromForm } from '@/lib/mockup';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

export const POST = withAuth(['ADMIN'], async ({ req }) => {
  const form = await readFormLimited(req, MAX_TEMPLATE_UPLOAD_BYTES, 'Send the template as multipart/form-data with a "photo" file.');
  const t = await saveTemplateFromForm(form);
  revalidatePath('/admin/mockups');
  revalidatePath(`/products/${t.product}`); // the product page lists its mockup views
  return Response.json({ ok: `Template ${t.product}/${t.view} saved.`, preview: `/api/mockups/${t.product}/${t.view}.png` }, { status: 201, headers: { 'cache-control': 'no-store' } });
});
