-- An append-only, hash-chained audit log per show (issue 17 item 5).
--
-- Each entry's hash is sha256 (hex) over its canonical form (docs/api-and-webhooks.md,
-- "Show audit log"): the lines
--   show-audit-v1, showId, seq, kind, at (ISO 8601 UTC with milliseconds), prevHash, data
-- joined by a line feed, in UTF-8. `data` is JSON text stored exactly as hashed.
-- seq counts from 1 per show; the first entry's prevHash is 64 zeros.
--
-- append_show_audit is the only writer: it takes the show's advisory lock for
-- the rest of the caller's transaction, so two appends never read the same last
-- entry (the chain cannot fork), and the primary key (showId, seq) backs it.
-- The table refuses UPDATE, DELETE and TRUNCATE; no foreign key to "Show":
-- the log outlives the show and a cascade would be refused anyway.

CREATE TABLE "ShowAuditEntry" (
    "showId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "data" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "prevHash" CHAR(64) NOT NULL,
    "hash" CHAR(64) NOT NULL,

    CONSTRAINT "ShowAuditEntry_pkey" PRIMARY KEY ("showId", "seq")
);

CREATE FUNCTION "show_audit_canonical"(p_show_id TEXT, p_seq INTEGER, p_kind TEXT, p_at TIMESTAMP(3), p_prev_hash TEXT, p_data TEXT)
RETURNS TEXT LANGUAGE sql IMMUTABLE AS $$
    SELECT concat_ws(E'\n', 'show-audit-v1', p_show_id, p_seq::text, p_kind,
                     to_char(p_at, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), p_prev_hash, p_data)
$$;

-- p_data: JSON text, kept byte for byte. Answers the new entry's seq and hash.
CREATE FUNCTION "append_show_audit"(p_show_id TEXT, p_kind TEXT, p_data TEXT) RETURNS jsonb
LANGUAGE plpgsql AS $$
DECLARE
    v_seq INTEGER;
    v_prev TEXT;
    v_at TIMESTAMP(3);
    v_hash TEXT;
BEGIN
    PERFORM p_data::jsonb; -- refuses text that is not JSON
    PERFORM pg_advisory_xact_lock(hashtextextended('show-audit:' || p_show_id, 0));
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

CREATE FUNCTION "show_audit_refuse_change"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the show audit log is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER "ShowAuditEntry_append_only"
    BEFORE UPDATE OR DELETE ON "ShowAuditEntry"
    FOR EACH ROW EXECUTE FUNCTION "show_audit_refuse_change"();
CREATE TRIGGER "ShowAuditEntry_no_truncate"
    BEFORE TRUNCATE ON "ShowAuditEntry"
    FOR EACH STATEMENT EXECUTE FUNCTION "show_audit_refuse_change"();

-- Stock changes of a live show's lineup products, whoever makes them (a purchase,
-- a release, the brand's restock, the API). Deferred to commit: the show's lock
-- is then the last one the transaction takes, after every row lock of the order,
-- so two orders cannot deadlock over it.
CREATE FUNCTION "show_audit_stock_change"() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    s RECORD;
    v_now INTEGER;
BEGIN
    -- Deferred: the row may have changed again since; the entry records each change as it was.
    -- From the few live shows to their lineup's primary key: no index on the product needed.
    FOR s IN SELECT sh."id" FROM "Show" sh
              WHERE sh."status" = 'LIVE'
                AND EXISTS (SELECT 1 FROM "ShowProduct" sp WHERE sp."showId" = sh."id" AND sp."productId" = NEW."productId")
              ORDER BY sh."id" LOOP
        PERFORM "append_show_audit"(s."id", 'stock.changed',
            format('{"from":%s,"productId":%s,"to":%s,"variantId":%s}',
                   OLD."stock", to_json(NEW."productId")::text, NEW."stock", to_json(NEW."id")::text));
    END LOOP;
    RETURN NULL;
END;
$$;

CREATE CONSTRAINT TRIGGER "ProductVariant_show_audit_stock"
    AFTER UPDATE OF "stock" ON "ProductVariant"
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW WHEN (OLD."stock" IS DISTINCT FROM NEW."stock")
    EXECUTE FUNCTION "show_audit_stock_change"();
