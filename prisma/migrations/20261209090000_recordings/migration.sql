-- Recordings of live shows (issue 16): HLS segments and playlists live in the object store
-- under `storagePrefix`; this row says where, how long, and whether the replay can be opened.
CREATE TYPE "RecordingStatus" AS ENUM ('RECORDING', 'READY', 'FAILED');

ALTER TABLE "Show" ADD COLUMN "recordingEnabled" BOOLEAN NOT NULL DEFAULT true;

CREATE TABLE "ShowRecording" (
    "id" TEXT NOT NULL,
    "showId" TEXT NOT NULL,
    "status" "RecordingStatus" NOT NULL DEFAULT 'RECORDING',
    "storagePrefix" TEXT NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "endedAt" TIMESTAMP(3),
    "durationMs" INTEGER NOT NULL DEFAULT 0,
    "segmentCount" INTEGER NOT NULL DEFAULT 0,
    "bytes" BIGINT NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ShowRecording_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "ShowRecording_showId_startedAt_idx" ON "ShowRecording"("showId", "startedAt");

ALTER TABLE "ShowRecording" ADD CONSTRAINT "ShowRecording_showId_fkey" FOREIGN KEY ("showId") REFERENCES "Show"("id") ON DELETE CASCADE ON UPDATE CASCADE;
