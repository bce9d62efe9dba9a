-- AlterTable
ALTER TABLE "FulfillmentJob" ADD COLUMN     "factoryNote" TEXT,
ADD COLUMN     "filesRemadeAt" TIMESTAMP(3),
ADD COLUMN     "printEngine" INTEGER;

-- AlterTable
ALTER TABLE "PrintFile" ADD COLUMN     "engine" TEXT,
ADD COLUMN     "preflight" JSONB,
ADD COLUMN     "thumbKey" TEXT;
