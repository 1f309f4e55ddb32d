-- Order numbers in tap order in a mixed batch (issue 14, brief plan item 4).
--
-- reserve_orders' fast path (20261214020000_batch_set_rows) left a plain paid tap's rows to
-- one INSERT per table after the batch's last tap, while a tap that writes its own rows (a
-- coupon, a charge not settled in the statement, a held unit) wrote them during the loop. A
-- batch mixing both numbered its orders out of tap order: the coupon tap in the middle got
-- the lowest number. Now the deferred sales waiting in the batch are written first
-- (write_deferred_sales, the same statements moved into a function of their own), then the
-- tap writes its own: numbers follow the taps, and a batch of plain sales still costs one
-- INSERT per table. Which taps write their own rows is mostly visible in the tap (a coupon,
-- a source other than ONE_TAP, no inline charge, a deal); a held unit or a card the
-- statement cannot settle is found by reserve_order, which then answers WRITES_ALONE before
-- writing anything, and reserve_orders asks again without p_defer_rows after writing the
-- waiting sales. Same rows, same locks in the same order; the functions keep
-- 20261215010000_sale_plans's SET enable_seqscan = off (CREATE OR REPLACE drops a SET clause
-- it does not repeat).

-- reserve_order as 20261215010000_sale_plans wrote it, with WRITES_ALONE.
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
    -- reserve_orders asked for a deferred sale, but this one writes its own rows (a held unit, a
    -- card not settled in the statement): it answers so before writing anything, and
    -- reserve_orders writes the batch's deferred sales first, then asks again without
    -- p_defer_rows, so that the order numbers follow the taps.
    IF p_defer_rows AND p_batch_taken IS NOT NULL AND NOT v_deferred THEN
        RETURN jsonb_build_object('outcome', 'WRITES_ALONE');
    END IF;
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

-- The deferred sales among a batch's answers (those with "rows"), written with one INSERT … SELECT
-- per table, in the answers' order (20261214020000_batch_set_rows wrote them so after the
-- batch's last tap; reserve_orders now calls this also before a tap that writes its own rows).
-- Answers the same array with the written sales' order numbers filled in and their "rows" gone.
CREATE FUNCTION "write_deferred_sales"(p_answers jsonb[]) RETURNS jsonb[]
LANGUAGE plpgsql
SET enable_seqscan = off
AS $$
DECLARE
    v_answers jsonb[] := p_answers;
    v_numbers jsonb;
    i INTEGER;
BEGIN
    SET CONSTRAINTS "OrderItem_variantId_fkey", "OrderItem_dealId_fkey" DEFERRED;
    WITH d AS (
        SELECT a AS r, a -> 'rows' AS w, k FROM unnest(v_answers) WITH ORDINALITY AS u(a, k) WHERE a ? 'rows'
    ), orders AS (
        INSERT INTO "Order" ("id", "buyerId", "brandId", "showId", "status", "subtotalMinor", "shippingMinor", "discountMinor", "totalMinor",
                             "currency", "idempotencyKey", "addressId", "paymentMethodId", "source", "couponId", "paidAt", "paymentRef",
                             "shipName", "shipLine1", "shipLine2", "shipCity", "shipRegion", "shipPostalCode", "shipCountry", "shipPhone")
        SELECT d.r ->> 'orderId', d.w ->> 'buyerId', d.r ->> 'brandId', d.r ->> 'showId', 'PAID'::"OrderStatus", (d.r ->> 'subtotalMinor')::int,
               (d.r ->> 'shippingMinor')::int, (d.r ->> 'discountMinor')::int, (d.r ->> 'totalMinor')::int, d.r ->> 'currency',
               d.w ->> 'idempotencyKey', d.w ->> 'addressId', d.w ->> 'paymentMethodId', d.r ->> 'source', NULL, now(), d.r ->> 'paymentReference',
               d.r ->> 'shipName', d.r ->> 'shipLine1', d.r ->> 'shipLine2', d.r ->> 'shipCity', d.r ->> 'shipRegion',
               d.r ->> 'shipPostalCode', d.r ->> 'shipCountry', d.r ->> 'shipPhone'
          FROM d ORDER BY d.k
        RETURNING "id", "number"
    )
    SELECT jsonb_object_agg(o."id", o."number") INTO v_numbers FROM orders o;
    FOR i IN 1..array_length(v_answers, 1) LOOP
        IF v_answers[i] ? 'rows' THEN
            v_answers[i] := jsonb_set(v_answers[i], '{orderNumber}', v_numbers -> (v_answers[i] ->> 'orderId'));
        END IF;
    END LOOP;
    WITH d AS (SELECT a AS r, k FROM unnest(v_answers) WITH ORDINALITY AS u(a, k) WHERE a ? 'rows')
    INSERT INTO "OrderItem" ("id", "orderId", "variantId", "dealId", "title", "quantity", "unitPriceMinor", "currency")
    SELECT gen_random_uuid()::text, d.r ->> 'orderId', x ->> 'variantId', x ->> 'dealId', (x ->> 'productTitle') || ' — ' || (x ->> 'variantName'),
           (x ->> 'quantity')::int, (x ->> 'unitPriceMinor')::int, x ->> 'currency'
      FROM d, jsonb_array_elements(d.r -> 'lines') WITH ORDINALITY AS li(x, n) ORDER BY d.k, li.n;
    WITH d AS (SELECT a AS r, a -> 'rows' AS w, k FROM unnest(v_answers) WITH ORDINALITY AS u(a, k) WHERE a ? 'rows')
    INSERT INTO "Payment" ("id", "orderId", "provider", "reference", "amountMinor", "currency", "status")
    SELECT gen_random_uuid()::text, d.r ->> 'orderId', d.w ->> 'provider', d.r ->> 'paymentReference', (d.r ->> 'totalMinor')::int,
           d.r ->> 'currency', 'CAPTURED'::"PaymentStatus"
      FROM d ORDER BY d.k
    ON CONFLICT ("reference") DO NOTHING;
    WITH d AS (SELECT a AS r, a -> 'rows' AS w, k FROM unnest(v_answers) WITH ORDINALITY AS u(a, k) WHERE a ? 'rows')
    INSERT INTO "OrderEvent" ("id", "orderId", "status", "note", "actorId")
    SELECT gen_random_uuid()::text, d.r ->> 'orderId', 'PAID'::"OrderStatus", 'Paid with one tap during the show.', d.w ->> 'buyerId'
      FROM d ORDER BY d.k;
    -- order.created and order.paid of every sale, with their webhook deliveries and
    -- jobs, as reserve_order writes them for one.
    WITH d AS (
        SELECT a AS r, a -> 'rows' AS w, k FROM unnest(v_answers) WITH ORDINALITY AS u(a, k) WHERE a ? 'rows'
    ), events AS (
        INSERT INTO "BrandEvent" ("id", "brandId", "type", "data")
        SELECT gen_random_uuid()::text, d.r ->> 'brandId', e.type, e.data
          FROM d
         CROSS JOIN LATERAL (VALUES
            (1, 'order.created', jsonb_build_object(
                'orderId', d.r ->> 'orderId', 'orderNumber', (d.r ->> 'orderNumber')::int, 'source', d.r ->> 'source',
                'showId', d.r ->> 'showId', 'currency', d.r ->> 'currency', 'subtotalMinor', (d.r ->> 'subtotalMinor')::int,
                'shippingMinor', (d.r ->> 'shippingMinor')::int, 'discountMinor', (d.r ->> 'discountMinor')::int,
                'totalMinor', (d.r ->> 'totalMinor')::int, 'couponCode', d.r ->> 'couponCode',
                'items', (SELECT jsonb_agg(jsonb_build_object('variantId', x ->> 'variantId', 'productId', x ->> 'productId',
                                                              'quantity', (x ->> 'quantity')::int, 'unitPriceMinor', (x ->> 'unitPriceMinor')::int) ORDER BY li.n)
                            FROM jsonb_array_elements(d.r -> 'lines') WITH ORDINALITY AS li(x, n)))),
            (2, 'order.paid', jsonb_build_object(
                'orderId', d.r ->> 'orderId', 'orderNumber', (d.r ->> 'orderNumber')::int, 'amountMinor', (d.r ->> 'totalMinor')::int,
                'currency', d.r ->> 'currency', 'provider', d.w ->> 'provider', 'reference', d.r ->> 'paymentReference'))
         ) AS e(n, type, data)
         ORDER BY d.k, e.n
        RETURNING "id", "brandId", "type", "data" ->> 'orderId' AS order_id
    ), deliveries AS (
        INSERT INTO "WebhookDelivery" ("id", "endpointId", "eventId")
        SELECT gen_random_uuid()::text, e."id", ev."id"
          FROM events ev
          JOIN "WebhookEndpoint" e ON e."brandId" = ev."brandId" AND e."active" AND e."events" && ARRAY[ev."type", '*']
        RETURNING "id", "eventId"
    )
    INSERT INTO "Job" ("id", "kind", "payload", "dedupeKey", "maxAttempts")
    SELECT gen_random_uuid()::text, 'webhook.deliver', jsonb_build_object('deliveryId', dl."id"), 'webhook-delivery:' || dl."id",
           (d.w ->> 'webhookAttempts')::int
      FROM deliveries dl
      JOIN events ev ON ev."id" = dl."eventId"
      JOIN d ON d.r ->> 'orderId' = ev.order_id
    ON CONFLICT ("dedupeKey") DO NOTHING;
    -- The receipts, composed when their jobs run (server/effects).
    WITH d AS (SELECT a AS r, a -> 'rows' AS w, k FROM unnest(v_answers) WITH ORDINALITY AS u(a, k) WHERE a ? 'rows')
    INSERT INTO "Job" ("id", "kind", "payload", "dedupeKey", "maxAttempts")
    SELECT gen_random_uuid()::text, 'order.receipt', jsonb_build_object('orderId', d.r ->> 'orderId', 'locale', d.w ->> 'locale'),
           'order-receipt:' || (d.r ->> 'orderId'), 8
      FROM d WHERE NOT (d.r ->> 'buyerDeleted')::boolean ORDER BY d.k
    ON CONFLICT ("dedupeKey") DO NOTHING;
    FOR i IN 1..array_length(v_answers, 1) LOOP
        v_answers[i] := v_answers[i] - 'rows';
    END LOOP;
    RETURN v_answers;
END;
$$;

CREATE OR REPLACE FUNCTION "reserve_orders"(p_taps jsonb) RETURNS TABLE ("ord" INTEGER, "r" jsonb)
LANGUAGE plpgsql
SET enable_seqscan = off
AS $$
DECLARE
    t RECORD;
    v_variant TEXT;
    v_one_variant BOOLEAN;
    v_answers jsonb[] := ARRAY[]::jsonb[];
    v_units INTEGER[] := ARRAY[]::INTEGER[];
    v_taken INTEGER := 0;
    v_stock INTEGER;
    v_after INTEGER;
    v_answer jsonb;
    v_distinct BOOLEAN;
    -- This tap may leave its rows to write_deferred_sales (the batch's buyers all different, and
    -- it looks like a plain paid one-tap sale), and deferred sales are waiting to be written.
    v_plain BOOLEAN;
    v_pending BOOLEAN := false;
    i INTEGER;
BEGIN
    SELECT bool_and(jsonb_typeof(x -> 'lines') = 'array' AND jsonb_array_length(x -> 'lines') = 1)
           AND count(DISTINCT x -> 'lines' -> 0 ->> 'variantId') = 1,
           min(x -> 'lines' -> 0 ->> 'variantId'),
           count(DISTINCT x ->> 'buyerId') = count(*)
      INTO v_one_variant, v_variant, v_distinct
      FROM jsonb_array_elements(p_taps) AS e(x);

    IF v_one_variant AND v_variant IS NOT NULL THEN
        BEGIN
            FOR t IN SELECT x, o::int AS o FROM jsonb_array_elements(p_taps) WITH ORDINALITY AS e(x, o) ORDER BY o LOOP
                -- Order numbers follow the taps: a tap that writes its own rows (a coupon, a bag, a
                -- charge not settled in the statement, a held unit) takes its number as it writes
                -- them, so the deferred sales before it are written first.
                v_plain := v_distinct AND t.x ->> 'source' = 'ONE_TAP' AND t.x ->> 'couponCode' IS NULL
                    AND jsonb_typeof(t.x -> 'inline') = 'object' AND NULLIF(t.x -> 'lines' -> 0 ->> 'dealId', '') IS NULL;
                IF v_pending AND NOT v_plain THEN
                    v_answers := "write_deferred_sales"(v_answers);
                    v_pending := false;
                END IF;
                v_answer := "reserve_order"(
                    t.x ->> 'orderId', t.x ->> 'buyerId', t.x ->> 'showId', t.x ->> 'source', t.x -> 'lines', t.x ->> 'idempotencyKey',
                    t.x ->> 'couponCode', (t.x ->> 'expectedTotalMinor')::int, NULLIF(t.x -> 'inline', 'null'::jsonb), v_taken, v_plain);
                IF v_answer ->> 'outcome' = 'WRITES_ALONE' THEN
                    -- Plain to look at, but it writes its own rows (reserve_order wrote nothing yet).
                    IF v_pending THEN
                        v_answers := "write_deferred_sales"(v_answers);
                        v_pending := false;
                    END IF;
                    v_answer := "reserve_order"(
                        t.x ->> 'orderId', t.x ->> 'buyerId', t.x ->> 'showId', t.x ->> 'source', t.x -> 'lines', t.x ->> 'idempotencyKey',
                        t.x ->> 'couponCode', (t.x ->> 'expectedTotalMinor')::int, NULLIF(t.x -> 'inline', 'null'::jsonb), v_taken, false);
                END IF;
                v_pending := v_pending OR v_answer ? 'rows';
                -- A sale (not a replay, which sold nothing now) says how many units it takes from stock.
                i := COALESCE((v_answer -> 'stockAfter' -> 0 ->> 'fromStock')::int, 0);
                IF v_answer ->> 'outcome' NOT IN ('PAID', 'RESERVED') THEN
                    i := 0;
                END IF;
                v_taken := v_taken + i;
                v_answers := array_append(v_answers, v_answer);
                v_units := array_append(v_units, i);
            END LOOP;
            -- The deferred sales' rows (reserve_order's p_defer_rows), one statement per table,
            -- before the variant's row is locked. Any error here (a unique violation from another
            -- node's tap) sends the batch to the per-tap path below.
            IF v_pending THEN
                v_answers := "write_deferred_sales"(v_answers);
            END IF;
            IF v_taken > 0 THEN
                -- The conditional decrement, once for the batch: stock can never go below zero.
                UPDATE "ProductVariant" v SET "stock" = v."stock" - v_taken
                 WHERE v."id" = v_variant AND v."stock" >= v_taken
                RETURNING v."stock" INTO v_stock;
                IF NOT FOUND THEN
                    RAISE EXCEPTION 'batch stock gone' USING ERRCODE = 'LC001';
                END IF;
            END IF;
        EXCEPTION WHEN OTHERS THEN
            -- Nothing of the fast path stands; the taps are placed again one by one below.
            v_answers := NULL;
        END;
        IF v_answers IS NOT NULL THEN
            IF v_stock IS NULL THEN
                -- No unit came from stock (every sale spent a held unit, or none sold): the row as it is.
                SELECT v."stock" INTO v_stock FROM "ProductVariant" v WHERE v."id" = v_variant;
            END IF;
            -- Each sale's stock after it, as if the taps had taken it one after another in order.
            v_after := v_stock;
            FOR i IN REVERSE array_length(v_answers, 1)..1 LOOP
                IF v_answers[i] ->> 'outcome' IN ('PAID', 'RESERVED') AND (v_answers[i] -> 'stockAfter' -> 0) ? 'fromStock' THEN
                    v_answers[i] := jsonb_set(v_answers[i], '{stockAfter,0}',
                        ((v_answers[i] -> 'stockAfter' -> 0) - 'fromStock') || jsonb_build_object('stock', v_after));
                    v_after := v_after + v_units[i];
                END IF;
            END LOOP;
            FOR i IN 1..array_length(v_answers, 1) LOOP
                "ord" := i;
                "r" := v_answers[i];
                RETURN NEXT;
            END LOOP;
            RETURN;
        END IF;
    END IF;

    -- Taps of several variants, or a batch whose stock was gone by its end: each tap in
    -- its own block, taking its own stock. An error rolls back that tap's rows only and
    -- answers it with ERROR and its SQLSTATE; the other taps' sales stand.
    FOR t IN SELECT x, o::int AS o FROM jsonb_array_elements(p_taps) WITH ORDINALITY AS e(x, o) ORDER BY o LOOP
        "ord" := t.o;
        BEGIN
            "r" := "reserve_order"(
                t.x ->> 'orderId', t.x ->> 'buyerId', t.x ->> 'showId', t.x ->> 'source', t.x -> 'lines', t.x ->> 'idempotencyKey',
                t.x ->> 'couponCode', (t.x ->> 'expectedTotalMinor')::int, NULLIF(t.x -> 'inline', 'null'::jsonb));
        EXCEPTION WHEN OTHERS THEN
            "r" := jsonb_build_object('outcome', 'ERROR', 'sqlstate', SQLSTATE, 'message', SQLERRM);
        END;
        RETURN NEXT;
    END LOOP;
END;
$$;
