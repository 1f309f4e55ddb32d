-- Simulcast destinations (issue 16 item 6): RTMP(S) ingests a live show is pushed to. The stream key
-- is stored sealed (AES-256-GCM, key from SECRETS_KEY) with its last four characters for display.
CREATE TABLE "SimulcastDestination" (
    "id" TEXT NOT NULL,
    "showId" TEXT NOT NULL,
    "platform" TEXT NOT NULL,
    "ingestUrl" TEXT NOT NULL,
    "streamKeySealed" TEXT NOT NULL,
    "streamKeyLast4" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SimulcastDestination_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "SimulcastDestination_showId_idx" ON "SimulcastDestination"("showId");

ALTER TABLE "SimulcastDestination" ADD CONSTRAINT "SimulcastDestination_showId_fkey" FOREIGN KEY ("showId") REFERENCES "Show"("id") ON DELETE CASCADE ON UPDATE CASCADE;
