-- AlterEnum
ALTER TYPE "FulfillmentStatus" ADD VALUE 'DELIVERED';

-- AlterTable
ALTER TABLE "Product" ADD COLUMN     "tags" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- Catalog search (PostgreSQL full-text search). The search documents are IMMUTABLE functions so
-- the GIN indexes and the queries (lib/catalog/search.ts) use one and the same expression.
CREATE FUNCTION seedprint_product_search(name TEXT, kind TEXT, tags TEXT[], description TEXT) RETURNS tsvector
  LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT setweight(to_tsvector('english'::regconfig, coalesce(name, '')), 'A')
      || setweight(to_tsvector('english'::regconfig, replace(coalesce(kind, ''), '-', ' ') || ' ' || coalesce(array_to_string(tags, ' '), '')), 'B')
      || setweight(to_tsvector('english'::regconfig, coalesce(description, '')), 'D')
$$;

CREATE FUNCTION seedprint_listing_search(title TEXT, tags TEXT[], description TEXT) RETURNS tsvector
  LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT setweight(to_tsvector('english'::regconfig, coalesce(title, '')), 'A')
      || setweight(to_tsvector('english'::regconfig, coalesce(array_to_string(tags, ' '), '')), 'B')
      || setweight(to_tsvector('english'::regconfig, coalesce(description, '')), 'D')
$$;

CREATE INDEX "Product_search_idx" ON "Product" USING GIN (seedprint_product_search("name", "kind", "tags", "description"));
CREATE INDEX "Listing_search_idx" ON "Listing" USING GIN (seedprint_listing_search("title", "tags", "description"));
