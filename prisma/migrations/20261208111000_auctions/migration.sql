-- Live auctions (issue 17 item 1). The running auction is a hot row like stock:
-- each bid is one conditional UPDATE of it (place_auction_bid), so bids queue on
-- its row lock, the end is decided by the database's clock under that lock, and
-- there is never a second leader. Proxy bidding, eBay-style (docs/realtime-protocol.md,
-- "Auctions"): each bidder has a maximum; the price is the lowest that keeps the
-- highest maximum ahead of the next one by one increment, never above it.
-- The winner pays through the order pipeline: reserve_order prices a line that
-- names an auction at the price awarded to that buyer (settle_auction, pass_auction).

CREATE TABLE "Auction" (
    "id" TEXT NOT NULL,
    "showId" TEXT NOT NULL,
    "productId" TEXT NOT NULL,
    "variantId" TEXT NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "startPriceMinor" INTEGER NOT NULL,
    "incrementMinor" INTEGER NOT NULL,
    "antiSnipeSeconds" INTEGER NOT NULL,
    "extendSeconds" INTEGER NOT NULL,
    -- RUNNING, then SETTLING (bidding over, charging), then SOLD or UNSOLD; CANCELLED by the host.
    "status" TEXT NOT NULL DEFAULT 'RUNNING',
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "endsAt" TIMESTAMP(3) NOT NULL,
    "endedAt" TIMESTAMP(3),
    -- The price the leader pays now; null before the first bid.
    "priceMinor" INTEGER,
    "leaderId" TEXT,
    "leaderMaxMinor" INTEGER,
    "bidCount" INTEGER NOT NULL DEFAULT 0,
    -- While SETTLING: who is being charged, at what price; those who could not pay.
    "awardedId" TEXT,
    "awardedPriceMinor" INTEGER,
    "passedIds" TEXT[] NOT NULL,
    "winnerId" TEXT,
    "orderId" TEXT,
    "createdById" TEXT NOT NULL,

    CONSTRAINT "Auction_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "Auction_price_check" CHECK ("startPriceMinor" >= 0 AND "incrementMinor" > 0)
);

CREATE INDEX "Auction_showId_startedAt_idx" ON "Auction"("showId", "startedAt");
CREATE INDEX "Auction_status_endsAt_idx" ON "Auction"("status", "endsAt");

ALTER TABLE "Auction" ADD CONSTRAINT "Auction_showId_fkey" FOREIGN KEY ("showId") REFERENCES "Show"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Auction" ADD CONSTRAINT "Auction_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Auction" ADD CONSTRAINT "Auction_variantId_fkey" FOREIGN KEY ("variantId") REFERENCES "ProductVariant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "AuctionBid" (
    "id" TEXT NOT NULL,
    "auctionId" TEXT NOT NULL,
    "bidderId" TEXT NOT NULL,
    "maxMinor" INTEGER NOT NULL,
    -- The auction's price right after this bid.
    "priceMinor" INTEGER NOT NULL,
    "idempotencyKey" TEXT NOT NULL,
    -- The acknowledgement, answered again to a repeated key.
    "answer" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuctionBid_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "AuctionBid_auctionId_bidderId_idempotencyKey_key" ON "AuctionBid"("auctionId", "bidderId", "idempotencyKey");
CREATE INDEX "AuctionBid_auctionId_maxMinor_idx" ON "AuctionBid"("auctionId", "maxMinor");
ALTER TABLE "AuctionBid" ADD CONSTRAINT "AuctionBid_auctionId_fkey" FOREIGN KEY ("auctionId") REFERENCES "Auction"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The public view of an auction (no maximums, the leader as first name and initial).
CREATE FUNCTION "auction_view"(a "Auction") RETURNS jsonb
LANGUAGE sql STABLE AS $$
    SELECT jsonb_build_object(
        'id', a."id", 'showId', a."showId", 'productId', a."productId", 'variantId', a."variantId",
        'productTitle', p."title", 'variantName', v."name", 'currency', a."currency",
        'startPriceMinor', a."startPriceMinor", 'incrementMinor', a."incrementMinor",
        'antiSnipeSeconds', a."antiSnipeSeconds", 'extendSeconds', a."extendSeconds", 'status', a."status",
        'endsAt', to_char(a."endsAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
        'priceMinor', a."priceMinor", 'leaderName', u."name", 'bidCount', a."bidCount",
        'nextBidMinor', CASE WHEN a."leaderId" IS NULL THEN a."startPriceMinor" ELSE a."priceMinor" + a."incrementMinor" END)
      FROM "ProductVariant" v JOIN "Product" p ON p."id" = v."productId"
      LEFT JOIN "User" u ON u."id" = a."leaderId"
     WHERE v."id" = a."variantId"
$$;

-- One bid: p_max is the bidder's maximum (a one-tap bid's is the next price).
-- Answers { outcome: ACCEPTED | REPLAY | refusal, ... }; refusals are answers, not exceptions.
CREATE FUNCTION "place_auction_bid"(p_auction_id TEXT, p_bidder_id TEXT, p_max INTEGER, p_key TEXT) RETURNS jsonb
LANGUAGE plpgsql AS $$
DECLARE
    a "Auction"%ROWTYPE;
    b RECORD;
    v_now TIMESTAMP(3);
    v_answer jsonb;
    v_old_leader TEXT;
    v_old_ends TIMESTAMP(3);
BEGIN
    SELECT x."answer" INTO v_answer FROM "AuctionBid" x WHERE x."auctionId" = p_auction_id AND x."bidderId" = p_bidder_id AND x."idempotencyKey" = p_key;
    IF FOUND THEN
        RETURN v_answer || jsonb_build_object('outcome', 'REPLAY');
    END IF;
    SELECT s."hostId" = p_bidder_id AS is_host,
           EXISTS (SELECT 1 FROM "PaymentMethod" m WHERE m."userId" = p_bidder_id AND m."isDefault") AS has_card,
           EXISTS (SELECT 1 FROM "Address" ad WHERE ad."userId" = p_bidder_id AND ad."isDefault") AS has_address,
           x."showId" AS show_id
      INTO b
      FROM "Auction" x JOIN "Show" s ON s."id" = x."showId" WHERE x."id" = p_auction_id;
    IF NOT FOUND THEN
        RETURN jsonb_build_object('outcome', 'NOT_FOUND');
    END IF;
    IF b.is_host THEN
        RETURN jsonb_build_object('outcome', 'HOST_CANNOT_BID');
    END IF;
    IF NOT b.has_card THEN
        RETURN jsonb_build_object('outcome', 'NO_PAYMENT_METHOD');
    END IF;
    IF NOT b.has_address THEN
        RETURN jsonb_build_object('outcome', 'NO_ADDRESS');
    END IF;
    -- Most bids of a storm are below the next price by the time they arrive. The
    -- price only ever rises, so a bid below the committed next price is refused
    -- here without queueing for the row's lock.
    SELECT * INTO a FROM "Auction" x WHERE x."id" = p_auction_id;
    IF a."status" = 'RUNNING' AND a."leaderId" IS NOT NULL AND a."leaderId" <> p_bidder_id AND p_max < a."priceMinor" + a."incrementMinor" THEN
        RETURN jsonb_build_object('outcome', 'BID_TOO_LOW', 'minMinor', a."priceMinor" + a."incrementMinor", 'currency', a."currency");
    END IF;
    BEGIN
        -- The hot row. Read once its lock is ours: the end and the price are the ones
        -- every earlier bid left, and the clock is read after waiting, not before.
        SELECT x."leaderId", x."endsAt" INTO v_old_leader, v_old_ends FROM "Auction" x WHERE x."id" = p_auction_id FOR UPDATE;
        v_now := clock_timestamp() AT TIME ZONE 'UTC';
        UPDATE "Auction" x SET
            "leaderId" = CASE WHEN x."leaderId" IS NULL OR x."leaderId" = p_bidder_id OR p_max > x."leaderMaxMinor" THEN p_bidder_id ELSE x."leaderId" END,
            "leaderMaxMinor" = CASE WHEN x."leaderId" IS NULL OR x."leaderId" = p_bidder_id OR p_max > x."leaderMaxMinor" THEN p_max ELSE x."leaderMaxMinor" END,
            "priceMinor" = CASE
                WHEN x."leaderId" IS NULL THEN x."startPriceMinor"
                WHEN x."leaderId" = p_bidder_id THEN x."priceMinor"
                WHEN p_max > x."leaderMaxMinor" THEN LEAST(p_max, x."leaderMaxMinor" + x."incrementMinor")
                ELSE LEAST(x."leaderMaxMinor", p_max + x."incrementMinor") END,
            -- Anti-snipe: a bid in the last seconds moves the end to now + the extension.
            "endsAt" = CASE WHEN x."endsAt" - v_now <= make_interval(secs => x."antiSnipeSeconds")
                            THEN GREATEST(x."endsAt", v_now + make_interval(secs => x."extendSeconds")) ELSE x."endsAt" END,
            "bidCount" = x."bidCount" + 1
         WHERE x."id" = p_auction_id AND x."status" = 'RUNNING' AND x."endsAt" > v_now
           AND ((x."leaderId" IS NULL AND p_max >= x."startPriceMinor")
             OR (x."leaderId" = p_bidder_id AND p_max > x."leaderMaxMinor")
             OR (x."leaderId" <> p_bidder_id AND p_max >= x."priceMinor" + x."incrementMinor"))
        RETURNING x.* INTO a;
        IF NOT FOUND THEN
            SELECT * INTO a FROM "Auction" x WHERE x."id" = p_auction_id;
            IF a."status" <> 'RUNNING' OR a."endsAt" <= v_now THEN
                RETURN jsonb_build_object('outcome', 'AUCTION_ENDED');
            END IF;
            IF a."leaderId" = p_bidder_id THEN
                RETURN jsonb_build_object('outcome', 'ALREADY_LEADING', 'maxMinor', a."leaderMaxMinor", 'currency', a."currency");
            END IF;
            RETURN jsonb_build_object('outcome', 'BID_TOO_LOW', 'minMinor',
                CASE WHEN a."leaderId" IS NULL THEN a."startPriceMinor" ELSE a."priceMinor" + a."incrementMinor" END, 'currency', a."currency");
        END IF;
        v_answer := jsonb_build_object(
            'leading', a."leaderId" = p_bidder_id, 'maxMinor', p_max,
            'outbidId', CASE WHEN v_old_leader IS DISTINCT FROM a."leaderId" AND v_old_leader IS DISTINCT FROM p_bidder_id THEN v_old_leader END,
            'extended', a."endsAt" <> v_old_ends,
            'auction', "auction_view"(a));
        INSERT INTO "AuctionBid" ("id", "auctionId", "bidderId", "maxMinor", "priceMinor", "idempotencyKey", "answer")
        VALUES (gen_random_uuid()::text, p_auction_id, p_bidder_id, p_max, a."priceMinor", p_key, v_answer);
    EXCEPTION WHEN unique_violation THEN
        -- The same key from another node got there first: its answer is this one's.
        SELECT x."answer" INTO v_answer FROM "AuctionBid" x WHERE x."auctionId" = p_auction_id AND x."bidderId" = p_bidder_id AND x."idempotencyKey" = p_key;
        RETURN v_answer || jsonb_build_object('outcome', 'REPLAY');
    END;
    -- The log keeps maximums out: they are the bidders' secret until they are reached.
    PERFORM "append_show_audit"(a."showId", 'auction.bid', format('{"auctionId":%s,"bidCount":%s,"bidderId":%s,"leaderId":%s,"priceMinor":%s}',
        COALESCE(to_json(a."id")::text, 'null'), a."bidCount", COALESCE(to_json(p_bidder_id)::text, 'null'), COALESCE(to_json(a."leaderId")::text, 'null'), a."priceMinor"));
    IF a."endsAt" <> v_old_ends THEN
        PERFORM "append_show_audit"(a."showId", 'auction.extended', format('{"auctionId":%s,"endsAt":%s,"from":%s}',
            COALESCE(to_json(a."id")::text, 'null'), COALESCE(to_json(to_char(a."endsAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))::text, 'null'),
            COALESCE(to_json(to_char(v_old_ends, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))::text, 'null')));
    END IF;
    RETURN v_answer || jsonb_build_object('outcome', 'ACCEPTED');
END;
$$;

-- Closes bidding once the end has passed by the database's clock (under the row
-- lock, after every bid that got it first) and awards the leader at the price.
-- Answers the auction's view with its status; an auction not yet over answers
-- RUNNING with its end, so the caller's timer can wait for the extension.
CREATE FUNCTION "close_auction"(p_auction_id TEXT) RETURNS jsonb
LANGUAGE plpgsql AS $$
DECLARE
    a "Auction"%ROWTYPE;
    v_now TIMESTAMP(3);
BEGIN
    SELECT * INTO a FROM "Auction" x WHERE x."id" = p_auction_id FOR UPDATE;
    IF NOT FOUND THEN
        RETURN NULL;
    END IF;
    v_now := clock_timestamp() AT TIME ZONE 'UTC';
    IF a."status" <> 'RUNNING' OR a."endsAt" > v_now THEN
        RETURN "auction_view"(a) || jsonb_build_object('awardedId', a."awardedId", 'awardedPriceMinor', a."awardedPriceMinor");
    END IF;
    UPDATE "Auction" x SET
        "status" = CASE WHEN x."leaderId" IS NULL THEN 'UNSOLD' ELSE 'SETTLING' END,
        "endedAt" = v_now, "awardedId" = x."leaderId", "awardedPriceMinor" = x."priceMinor"
     WHERE x."id" = p_auction_id RETURNING x.* INTO a;
    PERFORM "append_show_audit"(a."showId", 'auction.ended', format('{"auctionId":%s,"bidCount":%s,"endedAt":%s,"leaderId":%s,"priceMinor":%s}',
        COALESCE(to_json(a."id")::text, 'null'), a."bidCount", COALESCE(to_json(to_char(v_now, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))::text, 'null'),
        COALESCE(to_json(a."leaderId")::text, 'null'), COALESCE(a."priceMinor"::text, 'null')));
    IF a."status" = 'UNSOLD' THEN
        PERFORM "append_show_audit"(a."showId", 'auction.result', format('{"auctionId":%s,"result":"UNSOLD"}', COALESCE(to_json(a."id")::text, 'null')));
    END IF;
    RETURN "auction_view"(a) || jsonb_build_object('awardedId', a."awardedId", 'awardedPriceMinor', a."awardedPriceMinor");
END;
$$;

-- The awarded bidder could not pay (declined card, no card or address, over the
-- show's limit): the item is offered to the bidder with the next highest maximum
-- who has not been passed over, at that maximum (their own highest bid, never
-- above the price reached). Nobody left: UNSOLD. Only the current award passes.
CREATE FUNCTION "pass_auction"(p_auction_id TEXT, p_from TEXT, p_reason TEXT) RETURNS jsonb
LANGUAGE plpgsql AS $$
DECLARE
    a "Auction"%ROWTYPE;
    n RECORD;
BEGIN
    SELECT * INTO a FROM "Auction" x WHERE x."id" = p_auction_id AND x."status" = 'SETTLING' AND x."awardedId" = p_from FOR UPDATE;
    IF NOT FOUND THEN
        SELECT * INTO a FROM "Auction" x WHERE x."id" = p_auction_id;
        RETURN "auction_view"(a) || jsonb_build_object('awardedId', a."awardedId", 'awardedPriceMinor', a."awardedPriceMinor");
    END IF;
    SELECT bd."bidderId" AS bidder_id, MAX(bd."maxMinor") AS max_minor, MIN(bd."createdAt") AS first_at INTO n
      FROM "AuctionBid" bd
     WHERE bd."auctionId" = p_auction_id AND bd."bidderId" <> p_from AND NOT (bd."bidderId" = ANY (a."passedIds"))
     GROUP BY bd."bidderId"
     ORDER BY MAX(bd."maxMinor") DESC, MIN(bd."createdAt") ASC
     LIMIT 1;
    UPDATE "Auction" x SET
        "passedIds" = x."passedIds" || p_from,
        "awardedId" = n.bidder_id,
        "awardedPriceMinor" = LEAST(n.max_minor, x."awardedPriceMinor"),
        "status" = CASE WHEN n.bidder_id IS NULL THEN 'UNSOLD' ELSE 'SETTLING' END
     WHERE x."id" = p_auction_id RETURNING x.* INTO a;
    PERFORM "append_show_audit"(a."showId", 'auction.passed', format('{"auctionId":%s,"bidderId":%s,"nextBidderId":%s,"nextPriceMinor":%s,"reason":%s}',
        COALESCE(to_json(a."id")::text, 'null'), COALESCE(to_json(p_from)::text, 'null'), COALESCE(to_json(a."awardedId")::text, 'null'), COALESCE(a."awardedPriceMinor"::text, 'null'), COALESCE(to_json(p_reason)::text, 'null')));
    IF a."status" = 'UNSOLD' THEN
        PERFORM "append_show_audit"(a."showId", 'auction.result', format('{"auctionId":%s,"result":"UNSOLD"}', COALESCE(to_json(a."id")::text, 'null')));
    END IF;
    RETURN "auction_view"(a) || jsonb_build_object('awardedId', a."awardedId", 'awardedPriceMinor', a."awardedPriceMinor");
END;
$$;

-- reserve_order (migration 20261207140000_order_pipeline) with one addition: a
-- line may name an auction ("auctionId"); it is priced at the auction's awarded
-- price, only for the awarded buyer, one unit, and an order of auction lines only
-- is placed even when the show has ended since the auction closed. Everything
-- else (lineup, limit per buyer, address, card, stock) applies as to any order.
CREATE OR REPLACE FUNCTION "reserve_order"(
    p_order_id TEXT,
    p_buyer_id TEXT,
    p_show_id TEXT,
    p_source TEXT,
    p_lines jsonb,
    p_idempotency_key TEXT,
    p_coupon_code TEXT,
    p_expected_total INTEGER
) RETURNS jsonb
LANGUAGE plpgsql AS $$
DECLARE
    c RECORD;
    l RECORD;
    cp RECORD;
    v_coupon_id TEXT;
    v_coupon_code TEXT;
    v_existing TEXT;
    v_address "Address"%ROWTYPE;
    v_lines jsonb := '[]'::jsonb;
    v_units jsonb := '{}'::jsonb;
    v_bought jsonb;
    v_unit INTEGER;
    v_subtotal INTEGER := 0;
    v_shipping INTEGER;
    v_discount INTEGER := 0;
    v_total INTEGER;
    v_count INTEGER;
    v_sold INTEGER;
    v_stock INTEGER;
    v_number INTEGER;
    v_taken jsonb := '[]'::jsonb;
    v_deals jsonb := '[]'::jsonb;
    v_refusal jsonb;
    v_first_product TEXT;
    v_all_auction BOOLEAN;
BEGIN
    SELECT o."id" INTO v_existing FROM "Order" o WHERE o."buyerId" = p_buyer_id AND o."idempotencyKey" = p_idempotency_key;
    IF FOUND THEN
        RETURN "order_answer"(v_existing, 'REPLAY');
    END IF;

    SELECT s."id" AS show_id, s."status"::text AS show_status, s."brandId" AS show_brand_id, s."maxPerBuyer" AS max_per_buyer,
           b."name" AS brand_name, b."currency"::text AS brand_currency, b."shippingFlatMinor" AS flat, b."freeShippingOverMinor" AS free_over,
           u."id" AS buyer_id, u."name" AS buyer_name, u."email" AS buyer_email, u."deletedAt" IS NOT NULL AS buyer_deleted,
           (SELECT a."id" FROM "Address" a WHERE a."userId" = u."id" AND a."isDefault" LIMIT 1) AS address_id,
           pm."id" AS payment_method_id, pm."token" AS card_token
      INTO c
      FROM (SELECT 1) AS one
      LEFT JOIN "Show" s ON s."id" = p_show_id
      LEFT JOIN "Brand" b ON b."id" = s."brandId"
      LEFT JOIN "User" u ON u."id" = p_buyer_id
      LEFT JOIN LATERAL (SELECT m."id", m."token" FROM "PaymentMethod" m WHERE m."userId" = u."id" AND m."isDefault" LIMIT 1) pm ON true;

    IF c.show_id IS NULL OR c.show_brand_id IS NULL OR c.max_per_buyer IS NULL THEN
        RETURN jsonb_build_object('outcome', 'SHOW_NOT_FOUND');
    END IF;
    -- An auction won while the show was live is paid for even if the show ended since.
    v_all_auction := jsonb_typeof(p_lines) = 'array' AND jsonb_array_length(p_lines) > 0
        AND NOT EXISTS (SELECT 1 FROM jsonb_array_elements(p_lines) x WHERE NULLIF(x ->> 'auctionId', '') IS NULL);
    IF c.show_status <> 'LIVE' AND NOT v_all_auction THEN
        RETURN jsonb_build_object('outcome', 'SHOW_NOT_LIVE', 'showStatus', c.show_status);
    END IF;
    IF jsonb_typeof(p_lines) IS DISTINCT FROM 'array' OR jsonb_array_length(p_lines) = 0 THEN
        RETURN jsonb_build_object('outcome', 'EMPTY');
    END IF;

    -- Each line: what it is, whether it may be sold here, and its price.
    FOR l IN
        SELECT x.ord, x.line ->> 'variantId' AS variant_id, (x.line ->> 'quantity')::int AS quantity, NULLIF(x.line ->> 'dealId', '') AS deal_id,
               v."id" AS found_variant, v."name" AS variant_name, v."priceMinor" AS price, v."currency"::text AS currency, v."stock" AS stock,
               p."id" AS product_id, p."title" AS product_title, p."brandId" AS product_brand_id, p."status"::text AS product_status,
               EXISTS (SELECT 1 FROM "ShowProduct" sp WHERE sp."showId" = p_show_id AND sp."productId" = p."id") AS in_lineup,
               d."showId" AS deal_show_id, d."variantId" AS deal_variant_id, d."priceMinor" AS deal_price,
               COALESCE(d."endedAt" IS NULL AND d."endsAt" > now(), false) AS deal_open,
               NULLIF(x.line ->> 'auctionId', '') AS auction_id, au."showId" AS auction_show_id, au."variantId" AS auction_variant_id,
               au."status" AS auction_status, au."awardedId" AS auction_awarded_id, au."awardedPriceMinor" AS auction_price
          FROM jsonb_array_elements(p_lines) WITH ORDINALITY AS x(line, ord)
          LEFT JOIN "ProductVariant" v ON v."id" = x.line ->> 'variantId'
          LEFT JOIN "Product" p ON p."id" = v."productId"
          LEFT JOIN "FlashDeal" d ON d."id" = NULLIF(x.line ->> 'dealId', '')
          LEFT JOIN "Auction" au ON au."id" = NULLIF(x.line ->> 'auctionId', '')
         ORDER BY x.ord
    LOOP
        IF l.found_variant IS NULL OR l.product_status <> 'ACTIVE' OR l.price IS NULL THEN
            RETURN jsonb_build_object('outcome', 'VARIANT_NOT_FOUND', 'variantId', l.variant_id);
        END IF;
        IF l.quantity IS NULL OR l.quantity < 1 THEN
            RETURN jsonb_build_object('outcome', 'INVALID_QUANTITY', 'variantId', l.variant_id);
        END IF;
        IF c.buyer_id IS NULL THEN
            RETURN jsonb_build_object('outcome', 'UNAUTHENTICATED');
        END IF;
        IF NOT l.in_lineup OR l.product_brand_id <> c.show_brand_id THEN
            RETURN jsonb_build_object('outcome', 'NOT_IN_LINEUP', 'productId', l.product_id, 'variantId', l.variant_id);
        END IF;
        IF c.payment_method_id IS NULL OR c.card_token IS NULL THEN
            RETURN jsonb_build_object('outcome', 'NO_PAYMENT_METHOD');
        END IF;
        IF c.address_id IS NULL THEN
            RETURN jsonb_build_object('outcome', 'NO_ADDRESS');
        END IF;
        -- A cheap early answer for the crowd that taps after the last unit went.
        IF l.stock < l.quantity THEN
            RETURN jsonb_build_object('outcome', 'SOLD_OUT', 'stock', l.stock, 'variantId', l.variant_id);
        END IF;
        v_units := jsonb_set(v_units, ARRAY[l.product_id], to_jsonb(COALESCE((v_units ->> l.product_id)::int, 0) + l.quantity));
        IF (v_units ->> l.product_id)::int > c.max_per_buyer THEN
            RETURN jsonb_build_object('outcome', 'LIMIT_REACHED', 'maxPerBuyer', c.max_per_buyer, 'productId', l.product_id, 'variantId', l.variant_id);
        END IF;
        v_unit := l.price;
        IF l.deal_id IS NOT NULL THEN
            IF l.deal_show_id IS DISTINCT FROM p_show_id OR l.deal_variant_id IS DISTINCT FROM l.variant_id OR l.deal_price IS NULL THEN
                RETURN jsonb_build_object('outcome', 'DEAL_MISMATCH', 'variantId', l.variant_id);
            END IF;
            IF NOT l.deal_open THEN
                RETURN jsonb_build_object('outcome', 'DEAL_ENDED', 'variantId', l.variant_id);
            END IF;
            v_unit := l.deal_price;
        END IF;
        -- A line of an auction costs the price awarded to this buyer, and only to them.
        IF l.auction_id IS NOT NULL THEN
            IF l.auction_show_id IS DISTINCT FROM p_show_id OR l.auction_variant_id IS DISTINCT FROM l.variant_id OR l.deal_id IS NOT NULL
               OR l.quantity <> 1 OR l.auction_status IS DISTINCT FROM 'SETTLING' OR l.auction_awarded_id IS DISTINCT FROM p_buyer_id
               OR l.auction_price IS NULL THEN
                RETURN jsonb_build_object('outcome', 'AUCTION_NOT_AWARDED', 'variantId', l.variant_id);
            END IF;
            v_unit := l.auction_price;
        END IF;
        v_first_product := COALESCE(v_first_product, l.product_id);
        v_subtotal := v_subtotal + v_unit * l.quantity;
        v_lines := v_lines || jsonb_build_object(
            'variantId', l.variant_id, 'variantName', l.variant_name, 'productId', l.product_id, 'productTitle', l.product_title,
            'quantity', l.quantity, 'unitPriceMinor', v_unit, 'dealId', l.deal_id, 'currency', l.currency);
    END LOOP;

    -- The brand's shipping rule (server/domain/pricing.ts shippingFor): on the item subtotal, before any coupon.
    v_shipping := CASE
        WHEN v_subtotal <= 0 THEN 0
        WHEN c.free_over IS NOT NULL AND v_subtotal >= c.free_over THEN 0
        ELSE COALESCE(c.flat, 0) END;

    IF p_coupon_code IS NOT NULL THEN
        SELECT k.* INTO cp FROM "Coupon" k WHERE k."brandId" = c.show_brand_id AND k."code" = p_coupon_code;
        IF NOT FOUND THEN
            RETURN jsonb_build_object('outcome', 'COUPON_INVALID', 'reason', 'UNKNOWN', 'code', p_coupon_code);
        END IF;
        IF NOT cp."active" THEN
            RETURN jsonb_build_object('outcome', 'COUPON_INVALID', 'reason', 'INACTIVE', 'code', cp."code");
        END IF;
        IF cp."startsAt" IS NOT NULL AND cp."startsAt" > (now() AT TIME ZONE 'UTC') THEN
            RETURN jsonb_build_object('outcome', 'COUPON_INVALID', 'reason', 'NOT_STARTED', 'code', cp."code");
        END IF;
        IF cp."expiresAt" IS NOT NULL AND cp."expiresAt" <= (now() AT TIME ZONE 'UTC') THEN
            RETURN jsonb_build_object('outcome', 'COUPON_INVALID', 'reason', 'EXPIRED', 'code', cp."code");
        END IF;
        IF cp."maxRedemptions" IS NOT NULL AND cp."redemptionCount" >= cp."maxRedemptions" THEN
            RETURN jsonb_build_object('outcome', 'COUPON_INVALID', 'reason', 'USED_UP', 'code', cp."code");
        END IF;
        IF cp."showId" IS NOT NULL AND cp."showId" <> p_show_id THEN
            RETURN jsonb_build_object('outcome', 'COUPON_INVALID', 'reason', 'OTHER_SHOW', 'code', cp."code");
        END IF;
        IF v_subtotal < cp."minSubtotalMinor" THEN
            RETURN jsonb_build_object('outcome', 'COUPON_INVALID', 'reason', 'BELOW_MINIMUM', 'code', cp."code",
                                      'minSubtotalMinor', cp."minSubtotalMinor", 'currency', c.brand_currency);
        END IF;
        -- server/domain/pricing.ts couponDiscount: on the items, never on shipping; percentages round down.
        v_discount := CASE
            WHEN v_subtotal <= 0 THEN 0
            WHEN cp."kind"::text = 'PERCENT' THEN floor(v_subtotal::numeric * LEAST(GREATEST(cp."value", 0), 100) / 100)::int
            ELSE LEAST(GREATEST(cp."value", 0), v_subtotal) END;
        v_coupon_id := cp."id";
        v_coupon_code := cp."code";
    END IF;
    v_total := v_subtotal + v_shipping - v_discount;
    IF p_expected_total IS NOT NULL AND v_total > p_expected_total THEN
        RETURN jsonb_build_object('outcome', 'PRICE_CHANGED', 'totalMinor', v_total, 'expectedTotalMinor', p_expected_total);
    END IF;

    -- One buyer's purchases in one show queue here, so parallel ones cannot pass the limit together.
    PERFORM pg_advisory_xact_lock(hashtextextended(p_buyer_id || ':' || p_show_id, 0));
    -- A request with the same key from another node may have got here first.
    SELECT o."id" INTO v_existing FROM "Order" o WHERE o."buyerId" = p_buyer_id AND o."idempotencyKey" = p_idempotency_key;
    IF FOUND THEN
        RETURN "order_answer"(v_existing, 'REPLAY');
    END IF;

    -- The address is copied onto the order; FOR SHARE holds it still until this commits.
    SELECT * INTO v_address FROM "Address" a WHERE a."id" = c.address_id AND a."userId" = p_buyer_id FOR SHARE;
    IF NOT FOUND THEN
        RETURN jsonb_build_object('outcome', 'NO_ADDRESS');
    END IF;
    SELECT COALESCE(jsonb_object_agg(t.product_id, t.units), '{}'::jsonb) INTO v_bought
      FROM (SELECT v."productId" AS product_id, SUM(i."quantity")::int AS units
              FROM "OrderItem" i
              JOIN "Order" o ON o."id" = i."orderId"
              JOIN "ProductVariant" v ON v."id" = i."variantId"
             WHERE o."buyerId" = p_buyer_id AND o."showId" = p_show_id AND o."status" NOT IN ('CANCELLED', 'REFUNDED')
               AND v."productId" IN (SELECT jsonb_object_keys(v_units))
             GROUP BY v."productId") t;
    FOR l IN SELECT key AS product_id, value::int AS units FROM jsonb_each_text(v_units) LOOP
        IF COALESCE((v_bought ->> l.product_id)::int, 0) + l.units > c.max_per_buyer THEN
            RETURN jsonb_build_object('outcome', 'LIMIT_REACHED', 'maxPerBuyer', c.max_per_buyer, 'productId', l.product_id,
                                      'variantId', (SELECT x ->> 'variantId' FROM jsonb_array_elements(v_lines) x WHERE x ->> 'productId' = l.product_id LIMIT 1));
        END IF;
    END LOOP;

    -- Taking: the coupon use, deal units, then stock. A refusal part-way raises,
    -- which rolls back what this block took; the answer is returned below.
    BEGIN
        IF p_coupon_code IS NOT NULL THEN
            PERFORM pg_advisory_xact_lock(hashtextextended('coupon:' || cp."id" || ':' || p_buyer_id, 0));
            SELECT count(*) INTO v_count FROM "CouponRedemption" r WHERE r."couponId" = cp."id" AND r."buyerId" = p_buyer_id;
            IF v_count >= cp."perBuyerLimit" THEN
                v_refusal := jsonb_build_object('outcome', 'COUPON_INVALID', 'reason', 'USED_BY_BUYER', 'code', cp."code");
                RAISE EXCEPTION 'refused';
            END IF;
            UPDATE "Coupon" k SET "redemptionCount" = k."redemptionCount" + 1
             WHERE k."id" = cp."id" AND k."active"
               AND (k."maxRedemptions" IS NULL OR k."redemptionCount" < k."maxRedemptions")
               AND (k."expiresAt" IS NULL OR k."expiresAt" > (now() AT TIME ZONE 'UTC'));
            IF NOT FOUND THEN
                v_refusal := jsonb_build_object('outcome', 'COUPON_INVALID', 'reason', 'JUST_USED_UP', 'code', cp."code");
                RAISE EXCEPTION 'refused';
            END IF;
        END IF;
        -- Deal units before stock, each in the lines' order, then stock in variant id
        -- order: two orders sharing rows lock them in the same order and cannot deadlock.
        FOR l IN SELECT x ->> 'dealId' AS deal_id, x ->> 'variantId' AS variant_id, (x ->> 'quantity')::int AS quantity
                   FROM jsonb_array_elements(v_lines) x WHERE x ->> 'dealId' IS NOT NULL ORDER BY x ->> 'dealId' LOOP
            UPDATE "FlashDeal" d SET "soldCount" = d."soldCount" + l.quantity
             WHERE d."id" = l.deal_id AND d."variantId" = l.variant_id AND d."endedAt" IS NULL AND d."endsAt" > now()
               AND (d."quantityCap" IS NULL OR d."soldCount" + l.quantity <= d."quantityCap")
            RETURNING d."soldCount" INTO v_sold;
            IF NOT FOUND THEN
                v_refusal := jsonb_build_object('outcome', 'DEAL_ENDED', 'variantId', l.variant_id);
                RAISE EXCEPTION 'refused';
            END IF;
            v_deals := v_deals || jsonb_build_object('id', l.deal_id, 'soldCount', v_sold);
        END LOOP;
        FOR l IN SELECT x ->> 'variantId' AS variant_id, x ->> 'productId' AS product_id, (x ->> 'quantity')::int AS quantity
                   FROM jsonb_array_elements(v_lines) x ORDER BY x ->> 'variantId' LOOP
            -- The conditional decrement: stock can never go below zero.
            UPDATE "ProductVariant" v SET "stock" = v."stock" - l.quantity
             WHERE v."id" = l.variant_id AND v."stock" >= l.quantity
            RETURNING v."stock" INTO v_stock;
            IF NOT FOUND THEN
                v_refusal := jsonb_build_object('outcome', 'SOLD_OUT', 'stock', 0, 'variantId', l.variant_id);
                RAISE EXCEPTION 'refused';
            END IF;
            v_taken := v_taken || jsonb_build_object('variantId', l.variant_id, 'productId', l.product_id, 'stock', v_stock);
        END LOOP;
    EXCEPTION WHEN raise_exception THEN
        RETURN v_refusal;
    END;

    INSERT INTO "Order" ("id", "buyerId", "brandId", "showId", "status", "subtotalMinor", "shippingMinor", "discountMinor", "totalMinor", "currency",
                         "idempotencyKey", "addressId", "paymentMethodId", "source", "couponId",
                         "shipName", "shipLine1", "shipLine2", "shipCity", "shipRegion", "shipPostalCode", "shipCountry", "shipPhone")
    VALUES (p_order_id, p_buyer_id, c.show_brand_id, p_show_id, 'PLACED', v_subtotal, v_shipping, v_discount, v_total,
            COALESCE(v_lines -> 0 ->> 'currency', c.brand_currency), p_idempotency_key, c.address_id, c.payment_method_id, p_source, v_coupon_id,
            v_address."fullName", v_address."line1", v_address."line2", v_address."city", v_address."region", v_address."postalCode", v_address."country", v_address."phone")
    RETURNING "number" INTO v_number;
    INSERT INTO "OrderItem" ("id", "orderId", "variantId", "dealId", "title", "quantity", "unitPriceMinor", "currency")
    SELECT gen_random_uuid()::text, p_order_id, x ->> 'variantId', x ->> 'dealId', (x ->> 'productTitle') || ' — ' || (x ->> 'variantName'),
           (x ->> 'quantity')::int, (x ->> 'unitPriceMinor')::int, x ->> 'currency'
      FROM jsonb_array_elements(v_lines) WITH ORDINALITY AS t(x, ord) ORDER BY ord;
    IF p_coupon_code IS NOT NULL THEN
        INSERT INTO "CouponRedemption" ("id", "couponId", "orderId", "buyerId") VALUES (gen_random_uuid()::text, v_coupon_id, p_order_id, p_buyer_id);
    END IF;

    RETURN jsonb_build_object(
        'outcome', 'RESERVED', 'orderId', p_order_id, 'orderNumber', v_number, 'orderStatus', 'PLACED', 'source', p_source,
        'brandId', c.show_brand_id, 'brandName', c.brand_name, 'showId', p_show_id,
        'subtotalMinor', v_subtotal, 'shippingMinor', v_shipping, 'discountMinor', v_discount, 'totalMinor', v_total,
        'currency', COALESCE(v_lines -> 0 ->> 'currency', c.brand_currency), 'couponCode', v_coupon_code,
        'buyerName', c.buyer_name, 'buyerEmail', c.buyer_email, 'buyerDeleted', c.buyer_deleted, 'cardToken', c.card_token,
        'lines', v_lines, 'stockAfter', v_taken, 'deals', v_deals,
        -- The first line's product: the units the buyer now has of it in this show ("you've bought 2 of 5").
        'boughtUnits', COALESCE((v_bought ->> v_first_product)::int, 0) + (v_units ->> v_first_product)::int, 'maxPerBuyer', c.max_per_buyer,
        'shipName', v_address."fullName", 'shipLine1', v_address."line1", 'shipLine2', v_address."line2", 'shipCity', v_address."city",
        'shipRegion', v_address."region", 'shipPostalCode', v_address."postalCode", 'shipCountry', v_address."country", 'shipPhone', v_address."phone");
END;
$$;
