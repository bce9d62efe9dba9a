-- DropIndex
DROP INDEX "FulfillmentJob_status_idx";

-- CreateTable
CREATE TABLE "FactoryApiRateLimit" (
    "keyId" TEXT NOT NULL,
    "windowIndex" BIGINT NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "FactoryApiRateLimit_pkey" PRIMARY KEY ("keyId")
);

-- CreateIndex
CREATE INDEX "FulfillmentJob_status_factoryId_createdAt_id_idx" ON "FulfillmentJob"("status", "factoryId", "createdAt", "id");

-- CreateIndex
CREATE INDEX "FulfillmentJob_status_createdAt_id_idx" ON "FulfillmentJob"("status", "createdAt", "id");

-- AddForeignKey
ALTER TABLE "FactoryApiRateLimit" ADD CONSTRAINT "FactoryApiRateLimit_keyId_fkey" FOREIGN KEY ("keyId") REFERENCES "FactoryApiKey"("id") ON DELETE CASCADE ON UPDATE CASCADE;


