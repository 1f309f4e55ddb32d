-- The media directory of a multi-node deployment (server/media/cluster): which
-- app nodes carry mediasoup, where their pipe endpoint is, whether they are
-- alive (heartbeat), and which node a show's host publishes on (its origin).
-- In PostgreSQL rather than Redis so it works with or without Redis.
CREATE TABLE "MediaNode" (
    "id" TEXT NOT NULL,
    "internalUrl" TEXT NOT NULL,
    "announcedIp" TEXT,
    "heartbeatAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MediaNode_pkey" PRIMARY KEY ("id")
);

-- Keyed by the show's id without a foreign key: a room exists in memory before
-- and apart from any row of the show, and the directory never blocks deleting one.
CREATE TABLE "ShowMediaOrigin" (
    "showId" TEXT NOT NULL,
    "nodeId" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ShowMediaOrigin_pkey" PRIMARY KEY ("showId")
);

CREATE INDEX "ShowMediaOrigin_nodeId_idx" ON "ShowMediaOrigin"("nodeId");

ALTER TABLE "ShowMediaOrigin" ADD CONSTRAINT "ShowMediaOrigin_nodeId_fkey" FOREIGN KEY ("nodeId") REFERENCES "MediaNode"("id") ON DELETE CASCADE ON UPDATE CASCADE;
