-- A refund's amount and reason on the order event that records it, so the
-- timeline can say "Refunded US$12.50 — reason" instead of repeating the
-- order's status ("Paid" a second time after a partial refund).
ALTER TABLE "OrderEvent" ADD COLUMN "refundMinor" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "OrderEvent" ADD COLUMN "reason" TEXT NOT NULL DEFAULT '';

-- Events written before this migration carry both only in their note.
UPDATE "OrderEvent"
   SET "refundMinor" = COALESCE(substring("note" FROM '(?:Refunded|Refund of) ([0-9]+) ')::int, 0),
       "reason" = COALESCE(substring("note" FROM 'Reason: (.*)$'), '')
 WHERE "note" ~ '(Refunded|Refund of) [0-9]+ ';
