// GET    /api/admin/tryon-models/:id -> the uploaded model photo (admin thumbnails).
// DELETE /api/admin/tryon-models/:id -> takes the model off the gallery and deletes its photo.
import { revalidatePath } from 'next/cache';
import { withAuth } from '@/lib/auth';
import { notFound } from '@/lib/http/errors';
import { deleteSiteModel, siteModelPhoto } from '@/lib/tryon/site-model';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

type Ctx = { params: Promise<{ id: string }> };

export const GET = withAuth<Ctx>(['ADMIN'], async ({ ctx }) => {
  const { id } = await ctx.params;
  const jpeg = await siteModelPhoto(id);
  return new Response(new Uint8Array(jpeg), { headers: { 'content-type': 'image/jpeg', 'cache-control': 'private, max-age=300' } });
});

export const DELETE = withAuth<Ctx>(['ADMIN'], async ({ ctx }) => {
  const { id } = await ctx.params;
  if (!(await deleteSiteModel(id))) throw notFound('No such model.');
  revalidatePath('/admin/models');
  return Response.json({ deleted: id }, { headers: { 'cache-control': 'no-store' } });
});
