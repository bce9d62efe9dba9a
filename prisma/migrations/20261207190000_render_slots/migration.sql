-- CreateTable
CREATE TABLE "RenderSlot" (
    "id" VARCHAR(64) NOT NULL,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "RenderSlot_pkey" PRIMARY KEY ("id")
);
