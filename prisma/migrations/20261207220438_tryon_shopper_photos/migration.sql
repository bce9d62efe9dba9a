-- Try-on photos belong to their owner and are reused for every design and product. The render
-- state of each photo moves to a "look" (photo x design x product x repeat). Existing data is
-- kept: every photo takes the owner, consent and expiry of its set, its render state and
-- pictures become its first look, and the same file uploaded by one owner into several sets
-- becomes one photo with all its looks.

-- CreateTable
CREATE TABLE "TryonLook" (
    "id" TEXT NOT NULL,
    "photoId" TEXT NOT NULL,
    "designId" TEXT NOT NULL,
    "productSlug" TEXT NOT NULL,
    "repeatIn" DOUBLE PRECISION NOT NULL,
    "status" "TryonPhotoStatus" NOT NULL DEFAULT 'QUEUED',
    "progress" INTEGER NOT NULL DEFAULT 0,
    "stage" TEXT,
    "errorCode" TEXT,
    "error" TEXT,
    "timings" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TryonLook_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TryonSiteModel" (
    "id" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "blobKey" TEXT NOT NULL,
    "width" INTEGER NOT NULL,
    "height" INTEGER NOT NULL,
    "releaseSignedBy" TEXT NOT NULL,
    "releaseSignedOn" DATE NOT NULL,
    "releaseConfirmedAt" TIMESTAMP(3) NOT NULL,
    "releaseConfirmedBy" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TryonSiteModel_pkey" PRIMARY KEY ("id")
);

-- Photos take their sets owner, consent and expiry
ALTER TABLE "TryonPhoto" ADD COLUMN "consentAt" TIMESTAMP(3), ADD COLUMN "expiresAt" TIMESTAMP(3), ADD COLUMN "ownerKey" TEXT;
UPDATE "TryonPhoto" p SET "ownerKey" = s."ownerKey", "consentAt" = s."consentAt", "expiresAt" = s."expiresAt" FROM "TryonSet" s WHERE s."id" = p."setId";

-- Each photos render state becomes a look with the photos id
INSERT INTO "TryonLook" ("id", "photoId", "designId", "productSlug", "repeatIn", "status", "progress", "stage", "errorCode", "error", "timings", "createdAt", "updatedAt")
SELECT p."id", p."id", s."designId", s."productSlug", s."repeatIn", p."status", p."progress", p."stage", p."errorCode", p."error", p."timings", p."createdAt", p."updatedAt"
FROM "TryonPhoto" p JOIN "TryonSet" s ON s."id" = p."setId";

-- Renders hang off looks (each look has the id of its original photo)
ALTER TABLE "TryonRender" DROP CONSTRAINT "TryonRender_photoId_fkey";
DROP INDEX "TryonRender_photoId_variant_key";
ALTER TABLE "TryonRender" RENAME COLUMN "photoId" TO "lookId";

-- One photo per owner and file: the earliest upload keeps the looks of its duplicates
-- (a duplicate look of the same design and product is dropped with its duplicate photo)
CREATE TEMP TABLE "_tryon_keep" AS
SELECT p."id", first_value(p."id") OVER (PARTITION BY p."ownerKey", p."blobKey" ORDER BY p."createdAt", p."id") AS "keepId"
FROM "TryonPhoto" p;
UPDATE "TryonLook" l SET "photoId" = k."keepId"
FROM "_tryon_keep" k
WHERE l."photoId" = k."id" AND k."id" <> k."keepId"
  AND NOT EXISTS (
    SELECT 1 FROM "TryonLook" o JOIN "_tryon_keep" ko ON ko."id" = o."photoId"
    WHERE ko."keepId" = k."keepId" AND o."id" <> l."id" AND o."designId" = l."designId" AND o."productSlug" = l."productSlug" AND o."repeatIn" = l."repeatIn"
      AND (o."photoId" = k."keepId" OR o."id" < l."id")
  );
UPDATE "TryonPhoto" p SET "expiresAt" = LEAST(p."expiresAt", d."expiresAt"), "consentAt" = LEAST(p."consentAt", d."consentAt")
FROM (SELECT k."keepId", min(x."expiresAt") AS "expiresAt", min(x."consentAt") AS "consentAt" FROM "_tryon_keep" k JOIN "TryonPhoto" x ON x."id" = k."id" GROUP BY k."keepId") d
WHERE p."id" = d."keepId";
DELETE FROM "TryonRender" r USING "TryonLook" l, "_tryon_keep" k WHERE r."lookId" = l."id" AND l."photoId" = k."id" AND k."id" <> k."keepId";
DELETE FROM "TryonLook" l USING "_tryon_keep" k WHERE l."photoId" = k."id" AND k."id" <> k."keepId";
DELETE FROM "TryonPhoto" p USING "_tryon_keep" k WHERE p."id" = k."id" AND k."id" <> k."keepId";
DROP TABLE "_tryon_keep";

-- The sets go
ALTER TABLE "TryonPhoto" DROP CONSTRAINT "TryonPhoto_setId_fkey";
DROP INDEX "TryonPhoto_setId_idx";
ALTER TABLE "TryonPhoto" DROP COLUMN "error",
DROP COLUMN "errorCode",
DROP COLUMN "position",
DROP COLUMN "progress",
DROP COLUMN "setId",
DROP COLUMN "stage",
DROP COLUMN "status",
DROP COLUMN "timings",
DROP COLUMN "updatedAt",
ALTER COLUMN "consentAt" SET NOT NULL,
ALTER COLUMN "expiresAt" SET NOT NULL,
ALTER COLUMN "ownerKey" SET NOT NULL;
DROP TABLE "TryonSet";

-- CreateIndex
CREATE UNIQUE INDEX "TryonLook_photoId_designId_productSlug_repeatIn_key" ON "TryonLook"("photoId", "designId", "productSlug", "repeatIn");

-- CreateIndex
CREATE INDEX "TryonSiteModel_createdAt_idx" ON "TryonSiteModel"("createdAt");

-- CreateIndex
CREATE INDEX "TryonSiteModel_blobKey_idx" ON "TryonSiteModel"("blobKey");

-- CreateIndex
CREATE INDEX "TryonPhoto_ownerKey_createdAt_idx" ON "TryonPhoto"("ownerKey", "createdAt");

-- CreateIndex
CREATE INDEX "TryonPhoto_expiresAt_idx" ON "TryonPhoto"("expiresAt");

-- CreateIndex
CREATE UNIQUE INDEX "TryonRender_lookId_variant_key" ON "TryonRender"("lookId", "variant");

-- AddForeignKey
ALTER TABLE "TryonLook" ADD CONSTRAINT "TryonLook_photoId_fkey" FOREIGN KEY ("photoId") REFERENCES "TryonPhoto"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TryonRender" ADD CONSTRAINT "TryonRender_lookId_fkey" FOREIGN KEY ("lookId") REFERENCES "TryonLook"("id") ON DELETE CASCADE ON UPDATE CASCADE;
