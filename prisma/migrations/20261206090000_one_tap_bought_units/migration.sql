-- The one-tap answer also says how many units of the product this buyer now has
-- in this show, and the show's per-buyer limit, so the viewer can read
-- "you've bought 2 of 5" without another query: reserve_show_order already
-- sums them for the limit check. Only the RESERVED answer changes.
CREATE OR REPLACE FUNCTION "reserve_show_order"(
    p_order_id TEXT,
    p_item_id TEXT,
    p_buyer_id TEXT,
    p_show_id TEXT,
    p_variant_id TEXT,
    p_deal_id TEXT,
    p_quantity INTEGER,
    p_idempotency_key TEXT
) RETURNS jsonb
LANGUAGE plpgsql AS $$
DECLARE
    c RECORD;
    v_existing TEXT;
    v_address "Address"%ROWTYPE;
    v_bought INTEGER;
    v_unit INTEGER;
    v_subtotal INTEGER;
    v_shipping INTEGER;
    v_deal_sold INTEGER := NULL;
    v_stock_after INTEGER;
    v_number INTEGER;
BEGIN
    SELECT o."id" INTO v_existing FROM "Order" o WHERE o."buyerId" = p_buyer_id AND o."idempotencyKey" = p_idempotency_key;
    IF FOUND THEN
        RETURN "one_tap_order_answer"(v_existing, 'REPLAY');
    END IF;

    SELECT s."id" AS show_id, s."status"::text AS show_status, s."brandId" AS show_brand_id, s."maxPerBuyer" AS max_per_buyer,
           b."name" AS brand_name, b."shippingFlatMinor" AS flat, b."freeShippingOverMinor" AS free_over,
           v."name" AS variant_name, v."priceMinor" AS price, v."currency"::text AS currency, v."stock" AS stock,
           p."id" AS product_id, p."title" AS product_title, p."brandId" AS product_brand_id, p."status"::text AS product_status,
           EXISTS (SELECT 1 FROM "ShowProduct" sp WHERE sp."showId" = s."id" AND sp."productId" = p."id") AS in_lineup,
           u."id" AS buyer_id, u."name" AS buyer_name, u."email" AS buyer_email, u."deletedAt" IS NOT NULL AS buyer_deleted,
           (SELECT a."id" FROM "Address" a WHERE a."userId" = u."id" AND a."isDefault" LIMIT 1) AS address_id,
           pm."id" AS payment_method_id, pm."token" AS card_token,
           d."showId" AS deal_show_id, d."variantId" AS deal_variant_id, d."priceMinor" AS deal_price,
           COALESCE(d."endedAt" IS NULL AND d."endsAt" > now(), false) AS deal_open
      INTO c
      FROM (SELECT 1) AS one
      LEFT JOIN "Show" s ON s."id" = p_show_id
      LEFT JOIN "Brand" b ON b."id" = s."brandId"
      LEFT JOIN "ProductVariant" v ON v."id" = p_variant_id
      LEFT JOIN "Product" p ON p."id" = v."productId"
      LEFT JOIN "User" u ON u."id" = p_buyer_id
      LEFT JOIN LATERAL (SELECT m."id", m."token" FROM "PaymentMethod" m WHERE m."userId" = u."id" AND m."isDefault" LIMIT 1) pm ON true
      LEFT JOIN "FlashDeal" d ON d."id" = p_deal_id;

    -- The same checks, in the same order, as the app made on its own read before.
    IF c.show_id IS NULL OR c.show_brand_id IS NULL OR c.max_per_buyer IS NULL THEN
        RETURN jsonb_build_object('outcome', 'SHOW_NOT_FOUND');
    END IF;
    IF c.show_status <> 'LIVE' THEN
        RETURN jsonb_build_object('outcome', 'SHOW_NOT_LIVE', 'showStatus', c.show_status);
    END IF;
    IF c.product_id IS NULL OR c.product_status <> 'ACTIVE' OR c.price IS NULL OR c.stock IS NULL THEN
        RETURN jsonb_build_object('outcome', 'VARIANT_NOT_FOUND');
    END IF;
    IF c.buyer_id IS NULL THEN
        RETURN jsonb_build_object('outcome', 'UNAUTHENTICATED');
    END IF;
    IF NOT c.in_lineup OR c.product_brand_id <> c.show_brand_id THEN
        RETURN jsonb_build_object('outcome', 'NOT_IN_LINEUP', 'productId', c.product_id);
    END IF;
    IF c.payment_method_id IS NULL OR c.card_token IS NULL THEN
        RETURN jsonb_build_object('outcome', 'NO_PAYMENT_METHOD');
    END IF;
    IF c.address_id IS NULL THEN
        RETURN jsonb_build_object('outcome', 'NO_ADDRESS');
    END IF;
    -- A cheap early answer for the crowd that taps after the last unit went.
    IF c.stock < p_quantity THEN
        RETURN jsonb_build_object('outcome', 'SOLD_OUT', 'stock', c.stock);
    END IF;
    IF p_quantity > c.max_per_buyer THEN
        RETURN jsonb_build_object('outcome', 'LIMIT_REACHED', 'maxPerBuyer', c.max_per_buyer);
    END IF;
    v_unit := c.price;
    IF p_deal_id IS NOT NULL THEN
        IF c.deal_show_id IS DISTINCT FROM p_show_id OR c.deal_variant_id IS DISTINCT FROM p_variant_id OR c.deal_price IS NULL THEN
            RETURN jsonb_build_object('outcome', 'DEAL_MISMATCH');
        END IF;
        IF NOT c.deal_open THEN
            RETURN jsonb_build_object('outcome', 'DEAL_ENDED');
        END IF;
        v_unit := c.deal_price;
    END IF;
    v_subtotal := v_unit * p_quantity;
    -- The brand's shipping rule (server/domain/pricing.ts shippingFor); deal prices are item prices.
    v_shipping := CASE
        WHEN v_subtotal <= 0 THEN 0
        WHEN c.free_over IS NOT NULL AND v_subtotal >= c.free_over THEN 0
        ELSE COALESCE(c.flat, 0) END;

    -- One buyer's taps in one show queue here, so parallel taps cannot pass the limit together.
    PERFORM pg_advisory_xact_lock(hashtextextended(p_buyer_id || ':' || p_show_id, 0));
    -- A tap with the same key from another node may have got here first.
    SELECT o."id" INTO v_existing FROM "Order" o WHERE o."buyerId" = p_buyer_id AND o."idempotencyKey" = p_idempotency_key;
    IF FOUND THEN
        RETURN "one_tap_order_answer"(v_existing, 'REPLAY');
    END IF;

    -- The address is copied onto the order; FOR SHARE holds it still until this
    -- commits. Checked before the deal and stock are taken: a refusal returned
    -- after them would leave them taken (this runs in the caller's statement).
    SELECT * INTO v_address FROM "Address" a WHERE a."id" = c.address_id AND a."userId" = p_buyer_id FOR SHARE;
    IF NOT FOUND THEN
        RETURN jsonb_build_object('outcome', 'NO_ADDRESS');
    END IF;
    SELECT COALESCE(SUM(i."quantity"), 0) INTO v_bought
      FROM "OrderItem" i
      JOIN "Order" o ON o."id" = i."orderId"
      JOIN "ProductVariant" v ON v."id" = i."variantId"
     WHERE o."buyerId" = p_buyer_id AND o."showId" = p_show_id AND v."productId" = c.product_id
       AND o."status" NOT IN ('CANCELLED', 'REFUNDED');
    IF v_bought + p_quantity > c.max_per_buyer THEN
        RETURN jsonb_build_object('outcome', 'LIMIT_REACHED', 'maxPerBuyer', c.max_per_buyer);
    END IF;

    IF p_deal_id IS NOT NULL THEN
        UPDATE "FlashDeal" d SET "soldCount" = d."soldCount" + p_quantity
         WHERE d."id" = p_deal_id AND d."endedAt" IS NULL AND d."endsAt" > now()
           AND (d."quantityCap" IS NULL OR d."soldCount" + p_quantity <= d."quantityCap")
        RETURNING d."soldCount" INTO v_deal_sold;
        IF NOT FOUND THEN
            RETURN jsonb_build_object('outcome', 'DEAL_ENDED');
        END IF;
    END IF;

    -- The conditional decrement: stock can never go below zero.
    UPDATE "ProductVariant" v SET "stock" = v."stock" - p_quantity
     WHERE v."id" = p_variant_id AND v."stock" >= p_quantity
    RETURNING v."stock" INTO v_stock_after;
    IF NOT FOUND THEN
        -- Give back the deal unit taken above; the row is still locked by this transaction.
        IF p_deal_id IS NOT NULL THEN
            UPDATE "FlashDeal" d SET "soldCount" = d."soldCount" - p_quantity WHERE d."id" = p_deal_id;
        END IF;
        RETURN jsonb_build_object('outcome', 'SOLD_OUT', 'stock', 0);
    END IF;

    INSERT INTO "Order" ("id", "buyerId", "brandId", "showId", "status", "subtotalMinor", "shippingMinor", "totalMinor", "currency", "idempotencyKey", "addressId", "paymentMethodId", "source",
                         "shipName", "shipLine1", "shipLine2", "shipCity", "shipRegion", "shipPostalCode", "shipCountry", "shipPhone")
    VALUES (p_order_id, p_buyer_id, c.show_brand_id, p_show_id, 'PLACED', v_subtotal, v_shipping, v_subtotal + v_shipping,
            c.currency, p_idempotency_key, c.address_id, c.payment_method_id, 'ONE_TAP',
            v_address."fullName", v_address."line1", v_address."line2", v_address."city", v_address."region", v_address."postalCode", v_address."country", v_address."phone")
    RETURNING "number" INTO v_number;
    INSERT INTO "OrderItem" ("id", "orderId", "variantId", "dealId", "title", "quantity", "unitPriceMinor", "currency")
    VALUES (p_item_id, p_order_id, p_variant_id, p_deal_id, c.product_title || ' — ' || c.variant_name, p_quantity, v_unit, c.currency);

    RETURN jsonb_build_object(
        'outcome', 'RESERVED', 'orderId', p_order_id, 'orderNumber', v_number, 'orderStatus', 'PLACED',
        'brandId', c.show_brand_id, 'brandName', c.brand_name, 'showId', p_show_id,
        'productId', c.product_id, 'productTitle', c.product_title, 'variantId', p_variant_id, 'variantName', c.variant_name,
        'quantity', p_quantity, 'unitPriceMinor', v_unit, 'dealId', p_deal_id, 'dealSoldCount', v_deal_sold,
        'subtotalMinor', v_subtotal, 'shippingMinor', v_shipping, 'totalMinor', v_subtotal + v_shipping, 'currency', c.currency,
        'buyerName', c.buyer_name, 'buyerEmail', c.buyer_email, 'buyerDeleted', c.buyer_deleted, 'cardToken', c.card_token,
        'stockAfter', v_stock_after, 'boughtUnits', v_bought + p_quantity, 'maxPerBuyer', c.max_per_buyer,
        'shipName', v_address."fullName", 'shipLine1', v_address."line1", 'shipLine2', v_address."line2", 'shipCity', v_address."city",
        'shipRegion', v_address."region", 'shipPostalCode', v_address."postalCode", 'shipCountry', v_address."country", 'shipPhone', v_address."phone");
END;
$$;
