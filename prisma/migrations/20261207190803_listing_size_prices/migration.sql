-- AlterTable
ALTER TABLE "ListingProduct" ADD COLUMN     "sizePrices" JSONB NOT NULL DEFAULT '{}';

-- Existing listings keep their single price: every offered size gets it.
UPDATE "ListingProduct" lp
SET "sizePrices" = s.prices
FROM (
  SELECT lp2.id, jsonb_object_agg(v.size, lp2."priceMinor") AS prices
  FROM "ListingProduct" lp2
  JOIN "ProductVariant" v ON v."productId" = lp2."productId"
  WHERE v.size IS NOT NULL AND (cardinality(lp2."variantIds") = 0 OR v.id = ANY (lp2."variantIds"))
  GROUP BY lp2.id
) s
WHERE lp.id = s.id;
