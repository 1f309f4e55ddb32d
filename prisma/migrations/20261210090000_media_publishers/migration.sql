-- The nodes other than a show's origin where someone publishes to it (a guest on
-- stage connected to another node): every other room of the show pulls their
-- streams from them as it pulls the host's from the origin.
CREATE TABLE "ShowMediaPublisher" (
    "showId" TEXT NOT NULL,
    "nodeId" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ShowMediaPublisher_pkey" PRIMARY KEY ("showId","nodeId")
);

CREATE INDEX "ShowMediaPublisher_nodeId_idx" ON "ShowMediaPublisher"("nodeId");

ALTER TABLE "ShowMediaPublisher" ADD CONSTRAINT "ShowMediaPublisher_nodeId_fkey" FOREIGN KEY ("nodeId") REFERENCES "MediaNode"("id") ON DELETE CASCADE ON UPDATE CASCADE;
