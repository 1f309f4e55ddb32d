-- The one-tap purchase's own cost in PostgreSQL (issue 14 item 1, measured with
-- pg_stat_statements during a 1,000-unit storm: docs/architecture.md, "Purchase path").

-- A line's commission split: most shows have no ShowHostShare rows, and then the
-- whole commission is one credit to the show's host at the show's rate, which is
-- what the general split below computes for them (one share, no remainder). That
-- case no longer runs the split's window query (about a tenth of a sale's time in
-- the database).
CREATE OR REPLACE FUNCTION "order_item_commission_split"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    v_show TEXT;
    v_product TEXT;
BEGIN
    IF NEW."commissionMinor" <= 0 OR NEW."hostId" IS NULL THEN
        RETURN NULL;
    END IF;
    SELECT o."showId" INTO v_show FROM "Order" o WHERE o."id" = NEW."orderId";
    IF NOT EXISTS (SELECT 1 FROM "ShowHostShare" h WHERE h."showId" = v_show) THEN
        INSERT INTO "CommissionEntry" ("id", "orderItemId", "orderId", "showId", "hostId", "kind", "shareBps", "amountMinor")
        VALUES (gen_random_uuid()::text, NEW."id", NEW."orderId", v_show, NEW."hostId", 'CREDIT', NEW."commissionRateBps", NEW."commissionMinor");
        RETURN NULL;
    END IF;
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

-- A live show's stock changes are chained into its audit log in batches. Until
-- now each sale appended its stock.changed entry at commit under the show's
-- audit lock, while it still held the variant's row lock: every sale of the show
-- waited for the previous one's hash-chain append as well as its decrement, and
-- a storm's sales queued twice. Now the sale's transaction writes the entry into
-- ShowAuditPending (durable with the sale, no lock, no read of the chain), and
-- show_audit_chain_pending moves a show's pending entries into the chain in the
-- order they were written, under the show's lock, with their own times (never
-- earlier than the entry before them in the chain). It runs before any other
-- entry of the show is appended (so the chain keeps stock changes before what
-- followed them), before the log is read (readShowAudit), and from the job
-- runner's sweep every two seconds.
CREATE TABLE "ShowAuditPending" (
    "id" BIGSERIAL NOT NULL,
    "showId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "data" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ShowAuditPending_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "ShowAuditPending_showId_id_idx" ON "ShowAuditPending"("showId", "id");

-- The caller holds the show's audit lock. Answers how many entries it chained.
CREATE FUNCTION "show_audit_chain_pending"(p_show_id TEXT) RETURNS INTEGER
LANGUAGE plpgsql AS $$
DECLARE
    p RECORD;
    v_seq INTEGER;
    v_prev TEXT;
    v_last_at TIMESTAMP(3);
    v_at TIMESTAMP(3);
    v_hash TEXT;
    v_count INTEGER := 0;
BEGIN
    FOR p IN SELECT q."id", q."kind", q."data", q."at" FROM "ShowAuditPending" q WHERE q."showId" = p_show_id ORDER BY q."id" LOOP
        IF v_count = 0 THEN
            SELECT e."seq", e."hash", e."at" INTO v_seq, v_prev, v_last_at
              FROM "ShowAuditEntry" e WHERE e."showId" = p_show_id ORDER BY e."seq" DESC LIMIT 1;
            v_seq := COALESCE(v_seq, 0);
            v_prev := COALESCE(v_prev, repeat('0', 64));
        END IF;
        v_seq := v_seq + 1;
        v_at := GREATEST(p."at", v_last_at);
        v_hash := encode(sha256(convert_to("show_audit_canonical"(p_show_id, v_seq, p."kind", v_at, v_prev, p."data"), 'UTF8')), 'hex');
        INSERT INTO "ShowAuditEntry" ("showId", "seq", "kind", "data", "at", "prevHash", "hash")
        VALUES (p_show_id, v_seq, p."kind", p."data", v_at, v_prev, v_hash);
        -- By id, not by range: a sale that wrote a lower id and commits only now is chained next time.
        DELETE FROM "ShowAuditPending" WHERE "id" = p."id";
        v_prev := v_hash;
        v_last_at := v_at;
        v_count := v_count + 1;
    END LOOP;
    RETURN v_count;
END;
$$;

-- Chains the show's pending entries now (readers, the sweep). Answers how many.
CREATE FUNCTION "show_audit_flush"(p_show_id TEXT) RETURNS INTEGER
LANGUAGE plpgsql AS $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM "ShowAuditPending" q WHERE q."showId" = p_show_id) THEN
        RETURN 0;
    END IF;
    PERFORM pg_advisory_xact_lock(hashtextextended('show-audit:' || p_show_id, 0));
    RETURN "show_audit_chain_pending"(p_show_id);
END;
$$;

-- As 20261208110000_show_audit_log wrote it, with the show's pending entries chained first.
CREATE OR REPLACE FUNCTION "append_show_audit"(p_show_id TEXT, p_kind TEXT, p_data TEXT) RETURNS jsonb
LANGUAGE plpgsql AS $$
DECLARE
    v_seq INTEGER;
    v_prev TEXT;
    v_at TIMESTAMP(3);
    v_hash TEXT;
BEGIN
    PERFORM p_data::jsonb; -- refuses text that is not JSON
    PERFORM pg_advisory_xact_lock(hashtextextended('show-audit:' || p_show_id, 0));
    PERFORM "show_audit_chain_pending"(p_show_id);
    SELECT e."seq", e."hash" INTO v_seq, v_prev FROM "ShowAuditEntry" e WHERE e."showId" = p_show_id ORDER BY e."seq" DESC LIMIT 1;
    v_seq := COALESCE(v_seq, 0) + 1;
    v_prev := COALESCE(v_prev, repeat('0', 64));
    -- The clock after the lock: entries' times never go backwards along the chain.
    v_at := date_trunc('milliseconds', clock_timestamp() AT TIME ZONE 'UTC');
    v_hash := encode(sha256(convert_to("show_audit_canonical"(p_show_id, v_seq, p_kind, v_at, v_prev, p_data), 'UTF8')), 'hex');
    INSERT INTO "ShowAuditEntry" ("showId", "seq", "kind", "data", "at", "prevHash", "hash")
    VALUES (p_show_id, v_seq, p_kind, p_data, v_at, v_prev, v_hash);
    RETURN jsonb_build_object('seq', v_seq, 'hash', v_hash, 'at', to_char(v_at, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'));
END;
$$;

-- As before, but the entry waits in ShowAuditPending: no show lock inside the sale.
CREATE OR REPLACE FUNCTION "show_audit_stock_change"() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    s RECORD;
BEGIN
    FOR s IN SELECT sh."id" FROM "Show" sh
              WHERE sh."status" = 'LIVE'
                AND EXISTS (SELECT 1 FROM "ShowProduct" sp WHERE sp."showId" = sh."id" AND sp."productId" = NEW."productId")
              ORDER BY sh."id" LOOP
        INSERT INTO "ShowAuditPending" ("showId", "kind", "data", "at")
        VALUES (s."id", 'stock.changed',
                format('{"from":%s,"productId":%s,"to":%s,"variantId":%s}', OLD."stock", to_json(NEW."productId")::text, NEW."stock", to_json(NEW."id")::text),
                date_trunc('milliseconds', clock_timestamp() AT TIME ZONE 'UTC'));
    END LOOP;
    RETURN NULL;
END;
$$;
