-- Sale statements whose plans cannot go bad (issue 14 items 1-2, brief plan).
--
-- PL/pgSQL caches each statement's plan per connection and, after five executions, may keep
-- a generic plan made once for any parameters; the foreign keys' checks cache theirs the
-- same way. The planner prices a table by its size when it plans. Planned while "Order" and
-- "OrderItem" were empty (statistics taken while they were empty, as ANALYZE or an early
-- autoanalyze on a fresh deployment leave them, then a batch's first taps, whose rows are
-- not written yet), a sequential scan costs nothing and no index can be cheaper; that plan
-- stays cached as the tables grow, until something invalidates it (the next autoanalyze, a
-- minute or more later in a busy show). Every sale then read every earlier order: the
-- idempotency key, the per-buyer limit (a hash of all of OrderItem, then a scan of all of
-- "Order" for each of those items), the commission triggers and each foreign key's check.
-- Measured with bench/purchase-batch-sql.ts ANALYZE=1: 10 ms of PostgreSQL CPU per sale
-- after 11 batches of 32, against about 1 ms (docs/architecture.md, "Plans that cannot go bad").
--
-- 1. No sequential scan is planned inside the sale functions: SET enable_seqscan = off on
--    reserve_order and reserve_orders holds for everything they run, so the row triggers
--    ("order_item_commission", "order_item_commission_split", the number and audit triggers)
--    and the foreign keys' checks of the rows they insert are planned the same way. Every
--    table a sale reads has an index for its lookup (keys, the buyer's rows, the show's
--    lineup); PostgreSQL 18 still scans a table no index can serve, it never fails.
-- 2. With sequential scans off, a plan can still read a whole index: as the ordered side of a
--    join, or an index on a column the condition does not narrow enough. With empty
--    statistics the planner cannot tell those plans from the right ones (equal costs; the
--    newest index wins the tie). The one join over the growing tables, the per-buyer limit's,
--    is reshaped so that every candidate plan reads only this buyer's rows (below).

-- reserve_order as 20261214020000_batch_set_rows wrote it, with the SET clause and the
-- per-buyer limit's statement reshaped.
CREATE OR REPLACE FUNCTION "reserve_order"(
    p_order_id TEXT,
    p_buyer_id TEXT,
    p_show_id TEXT,
    p_source TEXT,
    p_lines jsonb,
    p_idempotency_key TEXT,
    p_coupon_code TEXT,
    p_expected_total INTEGER,
    p_inline jsonb DEFAULT NULL,
    p_batch_taken INTEGER DEFAULT NULL,
    p_defer_rows BOOLEAN DEFAULT false
) RETURNS jsonb
LANGUAGE plpgsql
SET enable_seqscan = off
AS $$
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
    v_inline BOOLEAN;
    v_status TEXT;
    v_reference TEXT;
    v_currency TEXT;
    v_all_auction BOOLEAN;
    v_used INTEGER;
    v_replay BOOLEAN := false;
    v_held INTEGER := 0;
    -- The sale's rows are left to reserve_orders, which writes them for its whole batch at once.
    v_deferred BOOLEAN := false;
    -- A QR order (p_inline {"qr": true}): reserved without a card, paid later by a bank QR code.
    v_qr BOOLEAN := COALESCE((p_inline ->> 'qr')::boolean, false);
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
    -- A replay: an ended show with a READY recording sells its lineup, one tap or bag, at the regular price.
    v_replay := c.show_status = 'ENDED' AND NOT v_all_auction AND p_source IN ('ONE_TAP', 'BAG')
        AND EXISTS (SELECT 1 FROM "ShowRecording" r WHERE r."showId" = p_show_id AND r."status" = 'READY');
    IF c.show_status <> 'LIVE' AND NOT v_all_auction AND NOT v_replay THEN
        IF c.show_status = 'ENDED' THEN
            RETURN jsonb_build_object('outcome', 'NO_REPLAY', 'showStatus', c.show_status);
        END IF;
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
               au."status" AS auction_status, au."awardedId" AS auction_awarded_id, au."awardedPriceMinor" AS auction_price,
               (SELECT count(*)::int FROM "WaitlistEntry" w
                 WHERE w."variantId" = v."id" AND w."userId" = p_buyer_id AND w."status" = 'HELD'
                   AND w."holdExpiresAt" > (now() AT TIME ZONE 'UTC')) AS held
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
        IF NOT v_qr AND (c.payment_method_id IS NULL OR c.card_token IS NULL) THEN
            RETURN jsonb_build_object('outcome', 'NO_PAYMENT_METHOD');
        END IF;
        IF c.address_id IS NULL THEN
            RETURN jsonb_build_object('outcome', 'NO_ADDRESS');
        END IF;
        -- A cheap early answer for the crowd that taps after the last unit went. A unit
        -- held for this buyer (the waitlist) is theirs, though no longer in stock.
        -- In a batch that takes its stock last, the units its earlier taps sold are not yet
        -- off the row: they count as gone.
        IF l.stock - COALESCE(p_batch_taken, 0) + l.held < l.quantity THEN
            RETURN jsonb_build_object('outcome', 'SOLD_OUT', 'stock', GREATEST(l.stock - COALESCE(p_batch_taken, 0), 0), 'variantId', l.variant_id);
        END IF;
        v_held := v_held + l.held;
        v_units := jsonb_set(v_units, ARRAY[l.product_id], to_jsonb(COALESCE((v_units ->> l.product_id)::int, 0) + l.quantity));
        IF (v_units ->> l.product_id)::int > c.max_per_buyer THEN
            RETURN jsonb_build_object('outcome', 'LIMIT_REACHED', 'maxPerBuyer', c.max_per_buyer, 'productId', l.product_id, 'variantId', l.variant_id);
        END IF;
        v_unit := l.price;
        -- The show's flash deals are over once it ended: a replay never sells at a deal price.
        IF v_replay AND l.deal_id IS NOT NULL THEN
            RETURN jsonb_build_object('outcome', 'DEAL_ENDED', 'variantId', l.variant_id);
        END IF;
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
    -- What the buyer already bought of these products in this show. Shaped so that no plan can
    -- read a table that grows with sales beyond this buyer's rows (see the top of this file):
    -- the buyer's orders through an index on "buyerId" (the OFFSET 0 keeps the show's
    -- condition out of that scan, so "Order_showId_idx", every order of the show, is never a
    -- candidate), then each order's items through "OrderItem_orderId_idx", one order at a time.
    SELECT COALESCE(jsonb_object_agg(t.product_id, t.units), '{}'::jsonb) INTO v_bought
      FROM (SELECT v."productId" AS product_id, SUM(i."quantity")::int AS units
              FROM (SELECT o."id", o."showId", o."status" FROM "Order" o WHERE o."buyerId" = p_buyer_id OFFSET 0) o
             CROSS JOIN LATERAL (SELECT i."variantId", i."quantity" FROM "OrderItem" i WHERE i."orderId" = o."id" OFFSET 0) i
              JOIN "ProductVariant" v ON v."id" = i."variantId"
             WHERE o."showId" = p_show_id AND o."status" NOT IN ('CANCELLED', 'REFUNDED')
               AND v."productId" IN (SELECT jsonb_object_keys(v_units))
             GROUP BY v."productId") t;
    FOR l IN SELECT key AS product_id, value::int AS units FROM jsonb_each_text(v_units) LOOP
        IF COALESCE((v_bought ->> l.product_id)::int, 0) + l.units > c.max_per_buyer THEN
            RETURN jsonb_build_object('outcome', 'LIMIT_REACHED', 'maxPerBuyer', c.max_per_buyer, 'productId', l.product_id,
                                      'variantId', (SELECT x ->> 'variantId' FROM jsonb_array_elements(v_lines) x WHERE x ->> 'productId' = l.product_id LIMIT 1));
        END IF;
    END LOOP;

    v_inline := p_inline IS NOT NULL AND NOT v_qr AND c.card_token ~ (p_inline ->> 'tokens');
    v_status := CASE WHEN v_inline THEN 'PAID' ELSE 'PLACED' END;
    v_reference := CASE WHEN v_inline THEN p_inline ->> 'reference' END;
    v_currency := COALESCE(v_lines -> 0 ->> 'currency', c.brand_currency);

    -- A plain paid tap in a batch of distinct buyers (reserve_orders' fast path, p_defer_rows):
    -- everything is checked and the buyer's lock is held, but the rows are written by
    -- reserve_orders for the whole batch, one statement per table (see the top of this file).
    -- A tap with a coupon, a deal, a held unit or a bag writes its own rows below, as before.
    v_deferred := p_defer_rows AND p_batch_taken IS NOT NULL AND v_inline AND p_coupon_code IS NULL AND p_source = 'ONE_TAP'
        AND v_held = 0 AND NOT EXISTS (SELECT 1 FROM jsonb_array_elements(v_lines) x WHERE x ->> 'dealId' IS NOT NULL);
    IF v_deferred THEN
        SELECT jsonb_agg(jsonb_build_object('variantId', x ->> 'variantId', 'productId', x ->> 'productId', 'stock', NULL,
                                            'fromStock', (x ->> 'quantity')::int) ORDER BY x ->> 'variantId')
          INTO v_taken FROM jsonb_array_elements(v_lines) x;
    ELSE
    -- The order's own rows first, the shared ones last (see the top of this file).
    -- A refusal part-way raises, which rolls back everything this block wrote.
    BEGIN
        INSERT INTO "Order" ("id", "buyerId", "brandId", "showId", "status", "subtotalMinor", "shippingMinor", "discountMinor", "totalMinor", "currency",
                             "idempotencyKey", "addressId", "paymentMethodId", "source", "couponId", "paidAt", "paymentRef",
                             "shipName", "shipLine1", "shipLine2", "shipCity", "shipRegion", "shipPostalCode", "shipCountry", "shipPhone")
        VALUES (p_order_id, p_buyer_id, c.show_brand_id, p_show_id, v_status::"OrderStatus", v_subtotal, v_shipping, v_discount, v_total,
                v_currency, p_idempotency_key, c.address_id, CASE WHEN v_qr THEN NULL ELSE c.payment_method_id END, p_source, v_coupon_id,
                CASE WHEN v_inline THEN now() END, v_reference,
                v_address."fullName", v_address."line1", v_address."line2", v_address."city", v_address."region", v_address."postalCode", v_address."country", v_address."phone")
        RETURNING "number" INTO v_number;
        -- The items point at the variant and the deal, whose rows every sale updates. A
        -- foreign key's check locks the row it points at (FOR KEY SHARE): done now,
        -- every sale waiting for the variant would join its lockers and each update
        -- would carry them all over into a new multixact. Deferred to the commit, after
        -- this sale's own update, the lock is its own and costs nothing.
        SET CONSTRAINTS "OrderItem_variantId_fkey", "OrderItem_dealId_fkey" DEFERRED;
        INSERT INTO "OrderItem" ("id", "orderId", "variantId", "dealId", "title", "quantity", "unitPriceMinor", "currency")
        SELECT gen_random_uuid()::text, p_order_id, x ->> 'variantId', x ->> 'dealId', (x ->> 'productTitle') || ' — ' || (x ->> 'variantName'),
               (x ->> 'quantity')::int, (x ->> 'unitPriceMinor')::int, x ->> 'currency'
          FROM jsonb_array_elements(v_lines) WITH ORDINALITY AS t(x, ord) ORDER BY ord;

        IF p_coupon_code IS NOT NULL THEN
            PERFORM pg_advisory_xact_lock(hashtextextended('coupon:' || cp."id" || ':' || p_buyer_id, 0));
            SELECT count(*) INTO v_count FROM "CouponRedemption" r WHERE r."couponId" = cp."id" AND r."buyerId" = p_buyer_id;
            IF v_count >= cp."perBuyerLimit" THEN
                v_refusal := jsonb_build_object('outcome', 'COUPON_INVALID', 'reason', 'USED_BY_BUYER', 'code', cp."code");
                RAISE EXCEPTION 'refused';
            END IF;
        END IF;

        IF v_inline THEN
            INSERT INTO "Payment" ("id", "orderId", "provider", "reference", "amountMinor", "currency", "status")
            VALUES (gen_random_uuid()::text, p_order_id, p_inline ->> 'provider', v_reference, v_total, v_currency, 'CAPTURED')
            ON CONFLICT ("reference") DO NOTHING;
            INSERT INTO "OrderEvent" ("id", "orderId", "status", "note", "actorId")
            VALUES (gen_random_uuid()::text, p_order_id, 'PAID',
                    CASE WHEN p_source = 'BAG' THEN 'Paid from the bag during the show.' ELSE 'Paid with one tap during the show.' END, p_buyer_id);
            IF p_source = 'BAG' THEN
                DELETE FROM "BagItem" bi WHERE bi."userId" = p_buyer_id AND bi."showId" = p_show_id;
            END IF;
            -- order.created and order.paid with their webhook deliveries and jobs, as
            -- record_brand_event_sql writes them, both in one statement.
            WITH events AS (
                INSERT INTO "BrandEvent" ("id", "brandId", "type", "data")
                VALUES (gen_random_uuid()::text, c.show_brand_id, 'order.created', jsonb_build_object(
                            'orderId', p_order_id, 'orderNumber', v_number, 'source', p_source, 'showId', p_show_id, 'currency', v_currency,
                            'subtotalMinor', v_subtotal, 'shippingMinor', v_shipping, 'discountMinor', v_discount, 'totalMinor', v_total,
                            'couponCode', v_coupon_code,
                            'items', (SELECT jsonb_agg(jsonb_build_object('variantId', x ->> 'variantId', 'productId', x ->> 'productId',
                                                                          'quantity', (x ->> 'quantity')::int, 'unitPriceMinor', (x ->> 'unitPriceMinor')::int) ORDER BY ord)
                                        FROM jsonb_array_elements(v_lines) WITH ORDINALITY AS t(x, ord)))),
                       (gen_random_uuid()::text, c.show_brand_id, 'order.paid', jsonb_build_object(
                            'orderId', p_order_id, 'orderNumber', v_number, 'amountMinor', v_total, 'currency', v_currency,
                            'provider', p_inline ->> 'provider', 'reference', v_reference))
                RETURNING "id", "type"
            ), deliveries AS (
                INSERT INTO "WebhookDelivery" ("id", "endpointId", "eventId")
                SELECT gen_random_uuid()::text, e."id", ev."id"
                  FROM events ev
                  JOIN "WebhookEndpoint" e ON e."brandId" = c.show_brand_id AND e."active" AND e."events" && ARRAY[ev."type", '*']
                RETURNING "id"
            )
            INSERT INTO "Job" ("id", "kind", "payload", "dedupeKey", "maxAttempts")
            SELECT gen_random_uuid()::text, 'webhook.deliver', jsonb_build_object('deliveryId', d."id"), 'webhook-delivery:' || d."id",
                   (p_inline ->> 'webhookAttempts')::int
              FROM deliveries d
            ON CONFLICT ("dedupeKey") DO NOTHING;
            -- The receipt is composed when its job runs (server/effects): no one waits for it here.
            IF NOT c.buyer_deleted THEN
                INSERT INTO "Job" ("id", "kind", "payload", "dedupeKey", "maxAttempts")
                VALUES (gen_random_uuid()::text, 'order.receipt', jsonb_build_object('orderId', p_order_id, 'locale', p_inline ->> 'locale'),
                        'order-receipt:' || p_order_id, 8)
                ON CONFLICT ("dedupeKey") DO NOTHING;
            END IF;
        END IF;

        -- The shared rows: the coupon's uses, deal units, then stock. Deals in the
        -- lines' order, then stock in variant id order: two orders sharing rows lock
        -- them in the same order and cannot deadlock.
        IF p_coupon_code IS NOT NULL THEN
            UPDATE "Coupon" k SET "redemptionCount" = k."redemptionCount" + 1
             WHERE k."id" = cp."id" AND k."active"
               AND (k."maxRedemptions" IS NULL OR k."redemptionCount" < k."maxRedemptions")
               AND (k."expiresAt" IS NULL OR k."expiresAt" > (now() AT TIME ZONE 'UTC'));
            IF NOT FOUND THEN
                v_refusal := jsonb_build_object('outcome', 'COUPON_INVALID', 'reason', 'JUST_USED_UP', 'code', cp."code");
                RAISE EXCEPTION 'refused';
            END IF;
        END IF;
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
            -- A unit held for this buyer is spent first: it left the stock when it was held
            -- (waitlist_offer_restock), so the line takes one unit fewer from it. The hold
            -- is the buyer's own row; only a hold not yet expired counts (the sweep may
            -- have passed it on, then the line takes from stock like anyone's).
            UPDATE "WaitlistEntry" w SET "status" = 'BOUGHT', "orderId" = p_order_id, "closedAt" = (now() AT TIME ZONE 'UTC')
             WHERE w."variantId" = l.variant_id AND w."userId" = p_buyer_id AND w."status" = 'HELD'
               AND w."holdExpiresAt" > (now() AT TIME ZONE 'UTC');
            GET DIAGNOSTICS v_used = ROW_COUNT;
            v_used := LEAST(v_used, l.quantity);
            IF p_batch_taken IS NOT NULL THEN
                -- reserve_orders takes the stock of the whole batch in one statement after its
                -- last tap (and rolls the batch back if it is not there): this tap only says how
                -- many units it takes from stock; reserve_orders fills in the stock after it.
                v_taken := v_taken || jsonb_build_object('variantId', l.variant_id, 'productId', l.product_id, 'stock', NULL, 'fromStock', l.quantity - v_used);
                CONTINUE;
            END IF;
            -- The conditional decrement: stock can never go below zero.
            UPDATE "ProductVariant" v SET "stock" = v."stock" - (l.quantity - v_used)
             WHERE v."id" = l.variant_id AND v."stock" >= l.quantity - v_used
            RETURNING v."stock" INTO v_stock;
            IF NOT FOUND THEN
                v_refusal := jsonb_build_object('outcome', 'SOLD_OUT', 'stock', 0, 'variantId', l.variant_id);
                RAISE EXCEPTION 'refused';
            END IF;
            v_taken := v_taken || jsonb_build_object('variantId', l.variant_id, 'productId', l.product_id, 'stock', v_stock);
        END LOOP;

        -- The coupon redemption points at the coupon, after its update: a foreign
        -- key's check locks the row it points at (FOR KEY SHARE), and taken before
        -- the update every sale waiting for the coupon would join its lockers.
        IF p_coupon_code IS NOT NULL THEN
            INSERT INTO "CouponRedemption" ("id", "couponId", "orderId", "buyerId") VALUES (gen_random_uuid()::text, v_coupon_id, p_order_id, p_buyer_id);
        END IF;
    EXCEPTION WHEN raise_exception THEN
        RETURN v_refusal;
    END;
    END IF;

    RETURN jsonb_build_object(
        'outcome', CASE WHEN v_inline THEN 'PAID' ELSE 'RESERVED' END, 'orderId', p_order_id, 'orderNumber', v_number, 'orderStatus', v_status,
        'source', p_source, 'paymentReference', v_reference,
        'brandId', c.show_brand_id, 'brandName', c.brand_name, 'showId', p_show_id,
        'subtotalMinor', v_subtotal, 'shippingMinor', v_shipping, 'discountMinor', v_discount, 'totalMinor', v_total,
        'currency', v_currency, 'couponCode', v_coupon_code,
        'buyerName', c.buyer_name, 'buyerEmail', c.buyer_email, 'buyerDeleted', c.buyer_deleted, 'cardToken', CASE WHEN v_qr THEN NULL ELSE c.card_token END,
        'lines', v_lines, 'stockAfter', v_taken, 'deals', v_deals,
        -- The first line's product: the units the buyer now has of it in this show ("you've bought 2 of 5").
        'boughtUnits', COALESCE((v_bought ->> v_first_product)::int, 0) + (v_units ->> v_first_product)::int, 'maxPerBuyer', c.max_per_buyer,
        'shipName', v_address."fullName", 'shipLine1', v_address."line1", 'shipLine2', v_address."line2", 'shipCity', v_address."city",
        'shipRegion', v_address."region", 'shipPostalCode', v_address."postalCode", 'shipCountry', v_address."country", 'shipPhone', v_address."phone")
        -- A deferred sale's rows as reserve_orders writes them (its order number comes with them).
        || CASE WHEN v_deferred THEN jsonb_build_object('rows', jsonb_build_object(
               'buyerId', p_buyer_id, 'idempotencyKey', p_idempotency_key, 'addressId', c.address_id, 'paymentMethodId', c.payment_method_id,
               'provider', p_inline ->> 'provider', 'locale', p_inline ->> 'locale', 'webhookAttempts', (p_inline ->> 'webhookAttempts')::int))
           ELSE '{}'::jsonb END;
END;
$$;

-- Its plans, and the set-based inserts' (their triggers' and foreign keys' checks), the same way.
ALTER FUNCTION "reserve_orders"(jsonb) SET enable_seqscan = off;
