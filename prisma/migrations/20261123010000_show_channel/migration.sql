-- AlterTable
ALTER TABLE "Show" ADD COLUMN     "maxPerBuyer" INTEGER NOT NULL DEFAULT 5,
ADD COLUMN     "pinnedMessageId" TEXT,
ADD COLUMN     "slowModeSeconds" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "OrderItem" ADD COLUMN     "dealId" TEXT;

-- CreateTable
CREATE TABLE "ShowBan" (
    "showId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "bannedById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ShowBan_pkey" PRIMARY KEY ("showId","userId")
);

-- CreateTable
CREATE TABLE "FlashDeal" (
    "id" TEXT NOT NULL,
    "showId" TEXT NOT NULL,
    "productId" TEXT NOT NULL,
    "variantId" TEXT NOT NULL,
    "priceMinor" INTEGER NOT NULL,
    "endsAt" TIMESTAMP(3) NOT NULL,
    "quantityCap" INTEGER,
    "soldCount" INTEGER NOT NULL DEFAULT 0,
    "endedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FlashDeal_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "FlashDeal_showId_createdAt_idx" ON "FlashDeal"("showId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Show_pinnedMessageId_key" ON "Show"("pinnedMessageId");

-- AddForeignKey
ALTER TABLE "Show" ADD CONSTRAINT "Show_pinnedMessageId_fkey" FOREIGN KEY ("pinnedMessageId") REFERENCES "ChatMessage"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ShowBan" ADD CONSTRAINT "ShowBan_showId_fkey" FOREIGN KEY ("showId") REFERENCES "Show"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ShowBan" ADD CONSTRAINT "ShowBan_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ShowBan" ADD CONSTRAINT "ShowBan_bannedById_fkey" FOREIGN KEY ("bannedById") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FlashDeal" ADD CONSTRAINT "FlashDeal_showId_fkey" FOREIGN KEY ("showId") REFERENCES "Show"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FlashDeal" ADD CONSTRAINT "FlashDeal_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FlashDeal" ADD CONSTRAINT "FlashDeal_variantId_fkey" FOREIGN KEY ("variantId") REFERENCES "ProductVariant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrderItem" ADD CONSTRAINT "OrderItem_dealId_fkey" FOREIGN KEY ("dealId") REFERENCES "FlashDeal"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- A deal never sells beyond its cap, nor a buyer limit below one (see the order transaction).
ALTER TABLE "FlashDeal" ADD CONSTRAINT "FlashDeal_soldCount_within_cap" CHECK ("quantityCap" IS NULL OR "soldCount" <= "quantityCap");
ALTER TABLE "Show" ADD CONSTRAINT "Show_maxPerBuyer_positive" CHECK ("maxPerBuyer" > 0);
