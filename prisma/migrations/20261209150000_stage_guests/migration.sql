-- Guests on stage (issue 18 item 1): the host's invitations and the guests on stage, one row per
-- person and show (declining, leaving or being removed deletes it), and how viewers see the stage.
CREATE TYPE "StageGuestStatus" AS ENUM ('INVITED', 'ON_STAGE');

CREATE TYPE "StageLayout" AS ENUM ('SIDE_BY_SIDE', 'PICTURE_IN_PICTURE');

CREATE TABLE "StageGuest" (
    "showId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "status" "StageGuestStatus" NOT NULL DEFAULT 'INVITED',
    "invitedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "joinedAt" TIMESTAMP(3),

    CONSTRAINT "StageGuest_pkey" PRIMARY KEY ("showId","userId")
);

CREATE TABLE "ShowStage" (
    "showId" TEXT NOT NULL,
    "layout" "StageLayout" NOT NULL DEFAULT 'SIDE_BY_SIDE',

    CONSTRAINT "ShowStage_pkey" PRIMARY KEY ("showId")
);

CREATE INDEX "StageGuest_userId_idx" ON "StageGuest"("userId");

ALTER TABLE "StageGuest" ADD CONSTRAINT "StageGuest_showId_fkey" FOREIGN KEY ("showId") REFERENCES "Show"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "StageGuest" ADD CONSTRAINT "StageGuest_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "ShowStage" ADD CONSTRAINT "ShowStage_showId_fkey" FOREIGN KEY ("showId") REFERENCES "Show"("id") ON DELETE CASCADE ON UPDATE CASCADE;
