-- Giveaways, polls and Q&A in a live show (issue 17 items 2-4).
--
-- A giveaway commits to a secret seed before entries open: "commitment" is
-- SHA-256 of the seed's 32 bytes and is public from the start; "seedHex" is
-- revealed only once the giveaway is drawn (server/domain/fair-draw.ts has the
-- algorithm that turns the seed and the sorted entry references into winners).
-- One entry, one vote and one upvote per person are primary keys, so a repeat
-- or a race can never count twice.

CREATE TABLE "Giveaway" (
    "id" TEXT NOT NULL,
    "showId" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "prizeText" TEXT NOT NULL,
    "prizeVariantId" TEXT,
    "eligibility" TEXT NOT NULL,
    "keyword" TEXT,
    "winnerCount" INTEGER NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'OPEN',
    "commitment" TEXT NOT NULL,
    "seedHex" TEXT NOT NULL,
    "entryCount" INTEGER NOT NULL DEFAULT 0,
    "endsAt" TIMESTAMP(3) NOT NULL,
    "drawnAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Giveaway_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "Giveaway_status_check" CHECK ("status" IN ('OPEN', 'DRAWN', 'CANCELLED')),
    CONSTRAINT "Giveaway_eligibility_check" CHECK ("eligibility" IN ('ANYONE', 'FOLLOWERS', 'BUYERS')),
    CONSTRAINT "Giveaway_winnerCount_check" CHECK ("winnerCount" BETWEEN 1 AND 50)
);
CREATE INDEX "Giveaway_showId_createdAt_idx" ON "Giveaway"("showId", "createdAt");
ALTER TABLE "Giveaway" ADD CONSTRAINT "Giveaway_showId_fkey" FOREIGN KEY ("showId") REFERENCES "Show"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "GiveawayEntry" (
    "giveawayId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "ref" TEXT NOT NULL,
    "via" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "GiveawayEntry_pkey" PRIMARY KEY ("giveawayId", "userId"),
    CONSTRAINT "GiveawayEntry_via_check" CHECK ("via" IN ('TAP', 'KEYWORD'))
);
CREATE UNIQUE INDEX "GiveawayEntry_giveawayId_ref_key" ON "GiveawayEntry"("giveawayId", "ref");
CREATE INDEX "GiveawayEntry_userId_idx" ON "GiveawayEntry"("userId");
ALTER TABLE "GiveawayEntry" ADD CONSTRAINT "GiveawayEntry_giveawayId_fkey" FOREIGN KEY ("giveawayId") REFERENCES "Giveaway"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "GiveawayEntry" ADD CONSTRAINT "GiveawayEntry_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "GiveawayWinner" (
    "giveawayId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "rank" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "orderId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "GiveawayWinner_pkey" PRIMARY KEY ("giveawayId", "userId"),
    CONSTRAINT "GiveawayWinner_status_check" CHECK ("status" IN ('ORDERED', 'NEEDS_ADDRESS', 'NO_ORDER'))
);
CREATE INDEX "GiveawayWinner_userId_idx" ON "GiveawayWinner"("userId");
ALTER TABLE "GiveawayWinner" ADD CONSTRAINT "GiveawayWinner_giveawayId_fkey" FOREIGN KEY ("giveawayId") REFERENCES "Giveaway"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "GiveawayWinner" ADD CONSTRAINT "GiveawayWinner_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "Poll" (
    "id" TEXT NOT NULL,
    "showId" TEXT NOT NULL,
    "question" TEXT NOT NULL,
    "options" TEXT[] NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'OPEN',
    "closedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Poll_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "Poll_status_check" CHECK ("status" IN ('OPEN', 'CLOSED')),
    CONSTRAINT "Poll_options_check" CHECK (cardinality("options") BETWEEN 2 AND 4)
);
CREATE INDEX "Poll_showId_createdAt_idx" ON "Poll"("showId", "createdAt");
ALTER TABLE "Poll" ADD CONSTRAINT "Poll_showId_fkey" FOREIGN KEY ("showId") REFERENCES "Show"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "PollVote" (
    "pollId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "option" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "PollVote_pkey" PRIMARY KEY ("pollId", "userId")
);
CREATE INDEX "PollVote_userId_idx" ON "PollVote"("userId");
ALTER TABLE "PollVote" ADD CONSTRAINT "PollVote_pollId_fkey" FOREIGN KEY ("pollId") REFERENCES "Poll"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "PollVote" ADD CONSTRAINT "PollVote_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "ShowQuestion" (
    "id" TEXT NOT NULL,
    "showId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'OPEN',
    "upvotes" INTEGER NOT NULL DEFAULT 0,
    "answeredAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ShowQuestion_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "ShowQuestion_status_check" CHECK ("status" IN ('OPEN', 'ANSWERING', 'ANSWERED'))
);
CREATE INDEX "ShowQuestion_showId_createdAt_idx" ON "ShowQuestion"("showId", "createdAt");
ALTER TABLE "ShowQuestion" ADD CONSTRAINT "ShowQuestion_showId_fkey" FOREIGN KEY ("showId") REFERENCES "Show"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ShowQuestion" ADD CONSTRAINT "ShowQuestion_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "QuestionVote" (
    "questionId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "QuestionVote_pkey" PRIMARY KEY ("questionId", "userId")
);
CREATE INDEX "QuestionVote_userId_idx" ON "QuestionVote"("userId");
ALTER TABLE "QuestionVote" ADD CONSTRAINT "QuestionVote_questionId_fkey" FOREIGN KEY ("questionId") REFERENCES "ShowQuestion"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "QuestionVote" ADD CONSTRAINT "QuestionVote_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A prize order: the giveaway's variant at price 0, through the same order tables,
-- confirm_order and receipt as any order. Like reserve_order it takes the unit
-- with one conditional UPDATE and copies the default address; unlike it, it needs
-- no card, no lineup price and no live show (the draw may follow the show's end).
-- The idempotency key (one per giveaway and winner) makes a repeat return the first order.
CREATE FUNCTION "reserve_prize_order"(p_order_id TEXT, p_buyer_id TEXT, p_show_id TEXT, p_variant_id TEXT, p_idempotency_key TEXT)
RETURNS jsonb
LANGUAGE plpgsql AS $$
DECLARE
    v_existing TEXT;
    v_show RECORD;
    v_variant RECORD;
    v_address "Address"%ROWTYPE;
    v_stock INTEGER;
    v_number INTEGER;
BEGIN
    SELECT o."id" INTO v_existing FROM "Order" o WHERE o."buyerId" = p_buyer_id AND o."idempotencyKey" = p_idempotency_key;
    IF FOUND THEN
        RETURN "order_answer"(v_existing, 'REPLAY');
    END IF;
    SELECT s."brandId" AS brand_id INTO v_show FROM "Show" s WHERE s."id" = p_show_id;
    IF NOT FOUND THEN
        RETURN jsonb_build_object('outcome', 'SHOW_NOT_FOUND');
    END IF;
    SELECT v."id", v."name", v."currency"::text AS currency, p."id" AS product_id, p."title", p."brandId" AS brand_id INTO v_variant
      FROM "ProductVariant" v JOIN "Product" p ON p."id" = v."productId" WHERE v."id" = p_variant_id;
    IF NOT FOUND OR v_variant.brand_id <> v_show.brand_id THEN
        RETURN jsonb_build_object('outcome', 'VARIANT_NOT_FOUND', 'variantId', p_variant_id);
    END IF;
    SELECT a.* INTO v_address FROM "Address" a WHERE a."userId" = p_buyer_id AND a."isDefault" LIMIT 1 FOR SHARE;
    IF NOT FOUND THEN
        RETURN jsonb_build_object('outcome', 'NO_ADDRESS');
    END IF;
    PERFORM pg_advisory_xact_lock(hashtextextended(p_buyer_id || ':' || p_show_id, 0));
    SELECT o."id" INTO v_existing FROM "Order" o WHERE o."buyerId" = p_buyer_id AND o."idempotencyKey" = p_idempotency_key;
    IF FOUND THEN
        RETURN "order_answer"(v_existing, 'REPLAY');
    END IF;
    UPDATE "ProductVariant" v SET "stock" = v."stock" - 1 WHERE v."id" = p_variant_id AND v."stock" >= 1 RETURNING v."stock" INTO v_stock;
    IF NOT FOUND THEN
        RETURN jsonb_build_object('outcome', 'SOLD_OUT', 'stock', 0, 'variantId', p_variant_id);
    END IF;
    INSERT INTO "Order" ("id", "buyerId", "brandId", "showId", "status", "subtotalMinor", "shippingMinor", "discountMinor", "totalMinor", "currency",
                         "idempotencyKey", "addressId", "source",
                         "shipName", "shipLine1", "shipLine2", "shipCity", "shipRegion", "shipPostalCode", "shipCountry", "shipPhone")
    VALUES (p_order_id, p_buyer_id, v_show.brand_id, p_show_id, 'PLACED', 0, 0, 0, 0, v_variant.currency, p_idempotency_key, v_address."id", 'GIVEAWAY',
            v_address."fullName", v_address."line1", v_address."line2", v_address."city", v_address."region", v_address."postalCode", v_address."country", v_address."phone")
    RETURNING "number" INTO v_number;
    INSERT INTO "OrderItem" ("id", "orderId", "variantId", "title", "quantity", "unitPriceMinor", "currency")
    VALUES (gen_random_uuid()::text, p_order_id, p_variant_id, v_variant."title" || ' — ' || v_variant."name", 1, 0, v_variant.currency);
    RETURN "order_answer"(p_order_id, 'RESERVED') || jsonb_build_object('stockAfter', jsonb_build_array(
        jsonb_build_object('variantId', p_variant_id, 'productId', v_variant.product_id, 'stock', v_stock)));
END;
$$;
