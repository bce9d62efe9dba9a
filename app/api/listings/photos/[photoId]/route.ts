// Listing photos. Public once the listing is published; drafts only for the owner or an admin.
import { getUserFromRequest } from '@/lib/auth';
import { handle } from '@/lib/http/route';
import { notFound } from '@/lib/http/errors';
import { getBlob } from '@/lib/storage';
import { findPhoto } from '@/lib/listings';

export const dynamic = 'force-dynamic';
type Ctx = { params: Promise<{ photoId: string }> };

export const GET = handle<Ctx>(async (req, ctx) => {
  const photo = await findPhoto((await ctx.params).photoId);
  if (!photo) throw notFound('Photo not found.');
  const isPublic = photo.listing.status === 'PUBLISHED';
  if (!isPublic) {
    const user = await getUserFromRequest(req);
    if (!user || (user.id !== photo.listing.seller.userId && user.role !== 'ADMIN')) throw notFound('Photo not found.');
  }
  const etag = `"${photo.blobKey}"`;
  if (req.headers.get('if-none-match') === etag) return new Response(null, { status: 304, headers: { etag } });
  const img = await getBlob(photo.blobKey);
  return new Response(new Uint8Array(img), {
    headers: {
      // Mockups are PNG, photos of the site's model JPEG.
      'content-type': img[0] === 0xff && img[1] === 0xd8 ? 'image/jpeg' : 'image/png',
      'content-length': String(img.length),
      etag,
      'cache-control': isPublic ? 'public, max-age=300, stale-while-revalidate=86400' : 'private, no-store',
    },
  });
});
