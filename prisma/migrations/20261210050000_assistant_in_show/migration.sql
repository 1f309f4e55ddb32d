-- The shop assistant in a show (issue 19): a switch per show, and the confirmation cards it offers.
-- A card fixes what one tap confirms (variant, quantity, the deal it was priced with) on the server,
-- so the client sends back only the card's id; the card's id is the order's idempotency key, so a
-- second tap on the same card replays the first order instead of placing another.
ALTER TABLE "Show" ADD COLUMN "assistantEnabled" BOOLEAN NOT NULL DEFAULT true;

CREATE TABLE "AssistantCard" (
    "id" TEXT NOT NULL,
    "showId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "variantId" TEXT NOT NULL,
    "quantity" INTEGER NOT NULL,
    "dealId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AssistantCard_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "AssistantCard_showId_userId_idx" ON "AssistantCard"("showId", "userId");

ALTER TABLE "AssistantCard" ADD CONSTRAINT "AssistantCard_showId_fkey" FOREIGN KEY ("showId") REFERENCES "Show"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "AssistantCard" ADD CONSTRAINT "AssistantCard_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
