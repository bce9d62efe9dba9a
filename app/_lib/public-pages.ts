// Listing, shop and search pages are served from Next's cache (ISR). A listing or shop write
// calls this, so this instance renders them afresh on their next visit; other instances pick the
// change up within the pages' `revalidate` seconds.
import { revalidatePath } from 'next/cache';

export function publicPagesChanged(): void {
  revalidatePath('/listings/[slug]', 'page');
  revalidatePath('/shops/[slug]', 'page');
  revalidatePath('/search/[q]', 'page');
}
