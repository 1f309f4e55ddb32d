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

-- reserve_order learns auction lines ("auctionId": priced at the awarded price, only
-- for the awarded buyer, one unit, and placed even when the show has ended since the
-- auction closed) in 20261208140000_one_statement_purchase, which replaces it anyway.

