-- CreateTable
CREATE TABLE "DesignLicense" (
    "id" TEXT NOT NULL,
    "designId" TEXT NOT NULL,
    "sellerId" TEXT NOT NULL,
    "grantedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DesignLicense_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "DesignLicense_sellerId_idx" ON "DesignLicense"("sellerId");

-- CreateIndex
CREATE UNIQUE INDEX "DesignLicense_designId_sellerId_key" ON "DesignLicense"("designId", "sellerId");

-- AddForeignKey
ALTER TABLE "DesignLicense" ADD CONSTRAINT "DesignLicense_designId_fkey" FOREIGN KEY ("designId") REFERENCES "Design"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DesignLicense" ADD CONSTRAINT "DesignLicense_sellerId_fkey" FOREIGN KEY ("sellerId") REFERENCES "SellerProfile"("id") ON DELETE CASCADE ON UPDATE CASCADE;
