// The caches of public listing data (lib/cache): listing pages, shop pages, search results. Every
// listing write in this module's repository clears them in the process that made it.
import { clearCache } from '../cache';

export const PUBLIC_LISTING_CACHE = 'public-listings';
export const PUBLIC_SHOP_CACHE = 'public-shops';
export const PUBLIC_SEARCH_CACHE = 'public-search';
/** How old public listing data may be on the app instances that did not make a change. */
export const PUBLIC_TTL_MS = 10_000;

export function listingsChanged(): void {
  for (const name of [PUBLIC_LISTING_CACHE, PUBLIC_SHOP_CACHE, PUBLIC_SEARCH_CACHE]) clearCache(name);
}
