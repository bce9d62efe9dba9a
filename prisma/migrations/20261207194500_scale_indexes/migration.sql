-- CreateIndex
CREATE INDEX "Order_createdAt_idx" ON "Order"("createdAt");

-- CreateIndex
CREATE INDEX "Order_status_createdAt_idx" ON "Order"("status", "createdAt");

-- CreateIndex
CREATE INDEX "Order_campaignId_status_idx" ON "Order"("campaignId", "status");

-- Order search by number or email is ILIKE (Prisma's `contains` / `mode: 'insensitive'`), which a
-- btree cannot serve: trigram GIN indexes can, for both the admin search and "my orders" by email.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX "Order_email_trgm_idx" ON "Order" USING GIN ("email" gin_trgm_ops);
CREATE INDEX "Order_number_trgm_idx" ON "Order" USING GIN ("number" gin_trgm_ops);

-- "My orders" finds a shopper's guest orders by email in any case: lower(email) = lower($1).
CREATE INDEX "Order_email_lower_idx" ON "Order" (lower("email"));
