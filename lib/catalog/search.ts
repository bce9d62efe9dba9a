// Catalog search: PostgreSQL full-text search over products (name, type, tags, description) and,
// through lib/listings, published listings (title, tags, description). The documents are the SQL functions the GIN
// indexes are built on (see the catalog_search migration), so the planner can use the indexes.
import { z } from 'zod';
import { db } from '../db/client';
import { ttlCache } from '../cache';
import { PUBLIC_SEARCH_CACHE, PUBLIC_TTL_MS, searchListings, type ListingHit } from '../listings';

export const SEARCH_MAX_LENGTH = 200;
const MAX_WORDS = 12;

/** The query as typed: trimmed, control characters dropped (PostgreSQL text refuses NUL), capped. */
export const searchQuerySchema = z
  .string()
  .transform((q) => q.replace(/[\p{Cc}\p{Cs}]/gu, ' ').replace(/\s+/g, ' ').trim().slice(0, SEARCH_MAX_LENGTH));

/**
 * The words of a query as a tsquery: letters and digits only, each a prefix ("hood" finds
 * hoodies), all required. Operators and quotes the shopper typed (& | ! : * ' %) are dropped
 * rather than interpreted, so no input can make a malformed query. Empty when nothing is left.
 */
export function toPrefixQuery(q: string): string {
  const words = (q.normalize('NFKC').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, MAX_WORDS).map((w) => w.slice(0, 64));
  return [...new Set(words)].map((w) => `${w}:*`).join(' & ');
}

export interface ProductHit {
  id: string;
  slug: string;
  name: string;
  kind: string;
  rank: number;
}

export interface SearchResult {
  query: string;
  products: ProductHit[];
  listings: ListingHit[];
}

/** Active products matching the query, best first (ids and ranks; the page loads the products). */
export async function searchProducts(tsquery: string): Promise<ProductHit[]> {
  if (!tsquery) return [];
  return db.$queryRaw<ProductHit[]>`
    SELECT p.id, p.slug, p.name, p.kind,
           ts_rank(seedprint_product_search(p.name, p.kind, p.tags, p.description), q)::float8 AS rank
    FROM "Product" p, to_tsquery('english', ${tsquery}) q
    WHERE p.active AND seedprint_product_search(p.name, p.kind, p.tags, p.description) @@ q
    ORDER BY rank DESC, p."sortOrder" ASC`;
}

/** Products and published listings for what a shopper typed; never throws on odd input. */
export async function searchCatalog(raw: unknown): Promise<SearchResult> {
  const query = searchQuerySchema.catch('').parse(typeof raw === 'string' ? raw : '');
  const tsquery = toPrefixQuery(query);
  const [products, listings] = await Promise.all([searchProducts(tsquery), searchListings(tsquery)]);
  return { query, products, listings };
}

/** Search results shared by everyone who asks the same thing: at most 10 s old (a listing write clears them in this process). */
const searchCache = ttlCache<SearchResult>(PUBLIC_SEARCH_CACHE, PUBLIC_TTL_MS, 500);
export function searchCatalogCached(raw: unknown): Promise<SearchResult> {
  const query = searchQuerySchema.catch('').parse(typeof raw === 'string' ? raw : '');
  return searchCache.get(query, () => searchCatalog(query));
}
