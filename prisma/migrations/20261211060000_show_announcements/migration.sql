-- What the shows' viewers must be told about a sale or a stock change that did not happen on a
-- socket: a QR payment confirmed by the job queue, a 3-D Secure order finished by Stripe's webhook or
-- the buyer's page, a reservation given back by an expiry or a sweep. Each node's realtime server reads
-- the recent rows (server/realtime/sale-relay.ts) and announces them as a one-tap purchase is announced.
CREATE TABLE "ShowAnnouncement" (
    "id" BIGSERIAL NOT NULL,
    "kind" TEXT NOT NULL,
    "orderId" TEXT,
    -- A sale is announced once however many paths confirm it (a QR check and QPay's callback at once).
    "key" TEXT,
    "variantIds" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[],
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ShowAnnouncement_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "ShowAnnouncement_key_key" ON "ShowAnnouncement"("key");
CREATE INDEX "ShowAnnouncement_createdAt_idx" ON "ShowAnnouncement"("createdAt");
