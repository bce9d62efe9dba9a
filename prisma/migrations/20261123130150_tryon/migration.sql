-- CreateEnum
CREATE TYPE "TryonPhotoStatus" AS ENUM ('QUEUED', 'PROCESSING', 'DONE', 'FAILED');

-- CreateTable
CREATE TABLE "TryonSet" (
    "id" TEXT NOT NULL,
    "ownerKey" TEXT NOT NULL,
    "designId" TEXT NOT NULL,
    "productSlug" TEXT NOT NULL,
    "repeatIn" DOUBLE PRECISION NOT NULL DEFAULT 4,
    "consentAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TryonSet_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TryonPhoto" (
    "id" TEXT NOT NULL,
    "setId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "status" "TryonPhotoStatus" NOT NULL DEFAULT 'QUEUED',
    "progress" INTEGER NOT NULL DEFAULT 0,
    "stage" TEXT,
    "errorCode" TEXT,
    "error" TEXT,
    "blobKey" TEXT NOT NULL,
    "width" INTEGER NOT NULL,
    "height" INTEGER NOT NULL,
    "bytes" INTEGER NOT NULL,
    "timings" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TryonPhoto_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TryonRender" (
    "id" TEXT NOT NULL,
    "photoId" TEXT NOT NULL,
    "variant" TEXT NOT NULL,
    "blobKey" TEXT NOT NULL,
    "width" INTEGER NOT NULL,
    "height" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TryonRender_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "TryonSet_ownerKey_idx" ON "TryonSet"("ownerKey");

-- CreateIndex
CREATE INDEX "TryonSet_expiresAt_idx" ON "TryonSet"("expiresAt");

-- CreateIndex
CREATE INDEX "TryonPhoto_setId_idx" ON "TryonPhoto"("setId");

-- CreateIndex
CREATE INDEX "TryonPhoto_blobKey_idx" ON "TryonPhoto"("blobKey");

-- CreateIndex
CREATE INDEX "TryonRender_blobKey_idx" ON "TryonRender"("blobKey");

-- CreateIndex
CREATE UNIQUE INDEX "TryonRender_photoId_variant_key" ON "TryonRender"("photoId", "variant");

-- AddForeignKey
ALTER TABLE "TryonPhoto" ADD CONSTRAINT "TryonPhoto_setId_fkey" FOREIGN KEY ("setId") REFERENCES "TryonSet"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TryonRender" ADD CONSTRAINT "TryonRender_photoId_fkey" FOREIGN KEY ("photoId") REFERENCES "TryonPhoto"("id") ON DELETE CASCADE ON UPDATE CASCADE;
