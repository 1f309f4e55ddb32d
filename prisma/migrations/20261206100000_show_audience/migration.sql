-- The audience of a show, kept for its end-of-show summary: the most viewers
-- watching at once and the distinct viewers (signed-in people once each,
-- anonymous connections each). Written when the host ends the show.
ALTER TABLE "Show" ADD COLUMN "peakViewers" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "Show" ADD COLUMN "uniqueViewers" INTEGER NOT NULL DEFAULT 0;
