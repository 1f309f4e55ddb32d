-- One-tap orders pay the brand's shipping too (see server/domain/orders.ts, which
-- computes it with server/domain/pricing.ts and authorises the total with it).
-- The caller passes the shipping it charged rather than this function reading the
-- brand's rule, so the stored order always matches the authorised amount even if
-- the brand changes its rule mid-purchase. A new parameter changes the function's
-- signature, so the old one is dropped first.
DROP FUNCTION IF EXISTS "place_show_order"(TEXT, TEXT, TEXT, TEXT, TEXT, TEXT, TEXT, TEXT, INTEGER, INTEGER, CHAR(3), INTEGER, TEXT, TEXT, TEXT, TEXT, TEXT);

CREATE OR REPLACE FUNCTION "place_show_order"(
    p_order_id TEXT,
    p_item_id TEXT,
    p_buyer_id TEXT,
    p_show_id TEXT,
    p_brand_id TEXT,
    p_product_id TEXT,
    p_variant_id TEXT,
    p_deal_id TEXT,
    p_quantity INTEGER,
    p_unit_price_minor INTEGER,
    p_currency CHAR(3),
    p_max_per_buyer INTEGER,
    p_idempotency_key TEXT,
    p_address_id TEXT,
    p_payment_method_id TEXT,
    p_payment_ref TEXT,
    p_title TEXT,
    p_shipping_minor INTEGER
) RETURNS TABLE ("outcome" TEXT, "orderNumber" INTEGER, "stockAfter" INTEGER, "dealSoldCount" INTEGER)
LANGUAGE plpgsql AS $$
DECLARE
    v_bought INTEGER;
BEGIN
    -- One buyer's taps in one show queue here, so parallel taps cannot pass the limit together.
    PERFORM pg_advisory_xact_lock(hashtextextended(p_buyer_id || ':' || p_show_id, 0));
    SELECT COALESCE(SUM(i."quantity"), 0) INTO v_bought
      FROM "OrderItem" i
      JOIN "Order" o ON o."id" = i."orderId"
      JOIN "ProductVariant" v ON v."id" = i."variantId"
     WHERE o."buyerId" = p_buyer_id AND o."showId" = p_show_id AND v."productId" = p_product_id
       AND o."status" NOT IN ('CANCELLED', 'REFUNDED');
    IF v_bought + p_quantity > p_max_per_buyer THEN
        "outcome" := 'LIMIT_REACHED';
        RETURN NEXT;
        RETURN;
    END IF;

    "dealSoldCount" := NULL;
    IF p_deal_id IS NOT NULL THEN
        UPDATE "FlashDeal" SET "soldCount" = "soldCount" + p_quantity
         WHERE "id" = p_deal_id AND "endedAt" IS NULL AND "endsAt" > now()
           AND ("quantityCap" IS NULL OR "soldCount" + p_quantity <= "quantityCap")
        RETURNING "soldCount" INTO "dealSoldCount";
        IF NOT FOUND THEN
            "outcome" := 'DEAL_ENDED';
            RETURN NEXT;
            RETURN;
        END IF;
    END IF;

    -- The conditional decrement: stock can never go below zero.
    UPDATE "ProductVariant" SET "stock" = "stock" - p_quantity
     WHERE "id" = p_variant_id AND "stock" >= p_quantity
    RETURNING "stock" INTO "stockAfter";
    IF NOT FOUND THEN
        -- Give back the deal unit taken above; the row is still locked by this transaction.
        IF p_deal_id IS NOT NULL THEN
            UPDATE "FlashDeal" SET "soldCount" = "soldCount" - p_quantity WHERE "id" = p_deal_id;
        END IF;
        "outcome" := 'SOLD_OUT';
        "dealSoldCount" := NULL;
        RETURN NEXT;
        RETURN;
    END IF;

    INSERT INTO "Order" ("id", "buyerId", "brandId", "showId", "status", "subtotalMinor", "shippingMinor", "totalMinor", "currency", "idempotencyKey", "addressId", "paymentMethodId", "paymentRef", "source")
    VALUES (p_order_id, p_buyer_id, p_brand_id, p_show_id, 'PAID', p_unit_price_minor * p_quantity, p_shipping_minor, p_unit_price_minor * p_quantity + p_shipping_minor,
            p_currency, p_idempotency_key, p_address_id, p_payment_method_id, p_payment_ref, 'ONE_TAP')
    RETURNING "number" INTO "orderNumber";
    INSERT INTO "OrderItem" ("id", "orderId", "variantId", "dealId", "title", "quantity", "unitPriceMinor", "currency")
    VALUES (p_item_id, p_order_id, p_variant_id, p_deal_id, p_title, p_quantity, p_unit_price_minor, p_currency);
    "outcome" := 'PLACED';
    RETURN NEXT;
END;
$$;
