-- Private shows, rehearsals and co-host payouts (issue 18 items 2-4).

CREATE TYPE "ShowVisibility" AS ENUM ('PUBLIC', 'UNLISTED', 'INVITE_ONLY');
CREATE TYPE "CommissionEntryKind" AS ENUM ('CREDIT', 'REVERSAL');

-- visibility: PUBLIC is listed everywhere; UNLISTED opens by link only; INVITE_ONLY admits the
-- invited emails (ShowInvite) and, with inviteFollowers, the brand's followers.
-- rehearsalStartedAt: set while the host rehearses a SCHEDULED show; the status never changes.
ALTER TABLE "Show" ADD COLUMN "visibility" "ShowVisibility" NOT NULL DEFAULT 'PUBLIC',
ADD COLUMN "inviteFollowers" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN "rehearsalStartedAt" TIMESTAMP(3);

CREATE TABLE "ShowInvite" (
    "id" TEXT NOT NULL,
    "showId" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "token" TEXT NOT NULL,
    "sentAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ShowInvite_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "ShowInvite_token_key" ON "ShowInvite"("token");
CREATE UNIQUE INDEX "ShowInvite_showId_email_key" ON "ShowInvite"("showId", "email");
ALTER TABLE "ShowInvite" ADD CONSTRAINT "ShowInvite_showId_fkey" FOREIGN KEY ("showId") REFERENCES "Show"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A host's share of the show's commission rate, for the whole show (productId NULL) or for one
-- product of it. Shares of one scope sum to the show's commissionRateBps (checked by the domain).
CREATE TABLE "ShowHostShare" (
    "id" TEXT NOT NULL,
    "showId" TEXT NOT NULL,
    "hostId" TEXT NOT NULL,
    "productId" TEXT,
    "shareBps" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ShowHostShare_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "ShowHostShare_shareBps_check" CHECK ("shareBps" >= 0 AND "shareBps" <= 10000)
);
CREATE INDEX "ShowHostShare_showId_idx" ON "ShowHostShare"("showId");
CREATE INDEX "ShowHostShare_hostId_idx" ON "ShowHostShare"("hostId");
ALTER TABLE "ShowHostShare" ADD CONSTRAINT "ShowHostShare_showId_fkey" FOREIGN KEY ("showId") REFERENCES "Show"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ShowHostShare" ADD CONSTRAINT "ShowHostShare_hostId_fkey" FOREIGN KEY ("hostId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The commission ledger: one CREDIT per host per order line when the line is written, and
-- REVERSAL rows (negative) as refunds and cancellations take the order back.
CREATE TABLE "CommissionEntry" (
    "id" TEXT NOT NULL,
    "orderItemId" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "showId" TEXT,
    "hostId" TEXT NOT NULL,
    "kind" "CommissionEntryKind" NOT NULL,
    "shareBps" INTEGER NOT NULL,
    "amountMinor" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CommissionEntry_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "CommissionEntry_orderId_idx" ON "CommissionEntry"("orderId");
CREATE INDEX "CommissionEntry_hostId_showId_idx" ON "CommissionEntry"("hostId", "showId");
ALTER TABLE "CommissionEntry" ADD CONSTRAINT "CommissionEntry_orderItemId_fkey" FOREIGN KEY ("orderItemId") REFERENCES "OrderItem"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "CommissionEntry" ADD CONSTRAINT "CommissionEntry_hostId_fkey" FOREIGN KEY ("hostId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Splits a line's commission (fixed by "order_item_commission") among the show's hosts. Scope:
-- the product's own shares if it has any, else the show's, else the show's host alone. Rounding
-- (largest remainder): each host gets floor(commission * share / rate); the units left over go one
-- each to the largest remainders (ties by host id), so the credits sum exactly to the line's commission.
CREATE FUNCTION "order_item_commission_split"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    v_show TEXT;
    v_product TEXT;
BEGIN
    IF NEW."commissionMinor" <= 0 OR NEW."hostId" IS NULL THEN
        RETURN NULL;
    END IF;
    SELECT o."showId" INTO v_show FROM "Order" o WHERE o."id" = NEW."orderId";
    SELECT v."productId" INTO v_product FROM "ProductVariant" v WHERE v."id" = NEW."variantId";
    INSERT INTO "CommissionEntry" ("id", "orderItemId", "orderId", "showId", "hostId", "kind", "shareBps", "amountMinor")
    WITH item_shares AS (
        SELECT h."hostId", h."shareBps" FROM "ShowHostShare" h WHERE h."showId" = v_show AND h."productId" = v_product
    ), show_shares AS (
        SELECT h."hostId", h."shareBps" FROM "ShowHostShare" h WHERE h."showId" = v_show AND h."productId" IS NULL
    ), shares AS (
        SELECT * FROM item_shares
        UNION ALL SELECT * FROM show_shares WHERE NOT EXISTS (SELECT 1 FROM item_shares)
        UNION ALL SELECT NEW."hostId", NEW."commissionRateBps"
         WHERE NOT EXISTS (SELECT 1 FROM item_shares) AND NOT EXISTS (SELECT 1 FROM show_shares)
    ), positive AS (
        SELECT * FROM shares WHERE "shareBps" > 0
    ), exact AS (
        SELECT p."hostId", p."shareBps",
               (NEW."commissionMinor"::bigint * p."shareBps") / t.bps AS base,
               (NEW."commissionMinor"::bigint * p."shareBps") % t.bps AS rem
          FROM positive p, (SELECT SUM("shareBps") AS bps FROM positive) t
    ), ranked AS (
        SELECT e.*, ROW_NUMBER() OVER (ORDER BY e.rem DESC, e."hostId") AS rnk,
               NEW."commissionMinor" - SUM(e.base) OVER () AS leftover
          FROM exact e
    )
    SELECT gen_random_uuid()::text, NEW."id", NEW."orderId", v_show, r."hostId", 'CREDIT', r."shareBps",
           (r.base + CASE WHEN r.rnk <= r.leftover THEN 1 ELSE 0 END)::int
      FROM ranked r;
    RETURN NULL;
END;
$$;
CREATE TRIGGER "order_item_commission_split" AFTER INSERT ON "OrderItem" FOR EACH ROW EXECUTE FUNCTION "order_item_commission_split"();

-- Refunds take commission back in proportion to what the buyer got back: after a refund each
-- credit should have floor(credit * refunded / total) reversed (rounded in the host's favour
-- while the order stands); a cancelled or fully refunded order reverses every credit exactly.
-- Reversals are cumulative, so any sequence of partial refunds lands on the same figures.
CREATE FUNCTION "order_commission_reversal"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW."refundedMinor" IS NOT DISTINCT FROM OLD."refundedMinor" AND NEW."status" = OLD."status" THEN
        RETURN NULL;
    END IF;
    INSERT INTO "CommissionEntry" ("id", "orderItemId", "orderId", "showId", "hostId", "kind", "shareBps", "amountMinor")
    SELECT gen_random_uuid()::text, c."orderItemId", NEW."id", c."showId", c."hostId", 'REVERSAL', c."shareBps", -(c.target - c.reversed)::int
      FROM (
        SELECT l."orderItemId", l."showId", l."hostId", l."shareBps", l.reversed,
               CASE WHEN NEW."status" IN ('CANCELLED', 'REFUNDED') THEN l.credit
                    WHEN NEW."totalMinor" <= 0 THEN 0
                    ELSE (l.credit * LEAST(GREATEST(NEW."refundedMinor", 0), NEW."totalMinor")) / NEW."totalMinor" END AS target
          FROM (
            SELECT e."orderItemId", e."showId", e."hostId", MAX(e."shareBps") AS "shareBps",
                   SUM(e."amountMinor") FILTER (WHERE e."kind" = 'CREDIT')::bigint AS credit,
                   COALESCE(-SUM(e."amountMinor") FILTER (WHERE e."kind" = 'REVERSAL'), 0)::bigint AS reversed
              FROM "CommissionEntry" e
             WHERE e."orderId" = NEW."id"
             GROUP BY e."orderItemId", e."showId", e."hostId"
          ) l
      ) c
     WHERE c.target > c.reversed;
    RETURN NULL;
END;
$$;
CREATE TRIGGER "order_commission_reversal" AFTER UPDATE OF "refundedMinor", "status" ON "Order" FOR EACH ROW EXECUTE FUNCTION "order_commission_reversal"();

-- Orders placed before the ledger: each line's commission is one credit to its host, and
-- what was already refunded or cancelled is reversed by the same rule.
INSERT INTO "CommissionEntry" ("id", "orderItemId", "orderId", "showId", "hostId", "kind", "shareBps", "amountMinor", "createdAt")
SELECT gen_random_uuid()::text, i."id", i."orderId", o."showId", i."hostId", 'CREDIT', i."commissionRateBps", i."commissionMinor", o."createdAt"
  FROM "OrderItem" i JOIN "Order" o ON o."id" = i."orderId"
 WHERE i."hostId" IS NOT NULL AND i."commissionMinor" > 0;
INSERT INTO "CommissionEntry" ("id", "orderItemId", "orderId", "showId", "hostId", "kind", "shareBps", "amountMinor")
SELECT gen_random_uuid()::text, e."orderItemId", e."orderId", e."showId", e."hostId", 'REVERSAL', e."shareBps",
       -(CASE WHEN o."status" IN ('CANCELLED', 'REFUNDED') THEN e."amountMinor"::bigint
              ELSE (e."amountMinor"::bigint * LEAST(o."refundedMinor", o."totalMinor")) / o."totalMinor" END)::int
  FROM "CommissionEntry" e JOIN "Order" o ON o."id" = e."orderId"
 WHERE e."kind" = 'CREDIT' AND o."totalMinor" > 0 AND (o."refundedMinor" > 0 OR o."status" IN ('CANCELLED', 'REFUNDED'));
