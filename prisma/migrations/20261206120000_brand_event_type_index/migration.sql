-- The stock relay reads the outbox's recent events of one type on every node,
-- twice a second: this keeps that read an index range scan.
CREATE INDEX "BrandEvent_type_createdAt_idx" ON "BrandEvent"("type", "createdAt");
