-- A waitlist holder whose card is declined keeps the hold (issue 18, item 6).
--
-- reserve_order spends the buyer's hold (WaitlistEntry BOUGHT, naming the order)
-- before the charge. When the charge fails, release_order gives the reservation
-- back; it used to return every unit to stock, which offered the held unit to the
-- next waiter and left the holder's entry BOUGHT for an order that no longer exists.
-- Now the hold this order spent comes back to its holder, unchanged, while it has
-- time left (the unit stays out of stock); a hold that ran out while the provider
-- answered ends EXPIRED and its unit goes back through the stock, where the restock
-- trigger offers it to the next in line. Only release_order changes: reserve_order
-- is untouched.
CREATE OR REPLACE FUNCTION "release_order"(p_order_id TEXT) RETURNS jsonb
LANGUAGE plpgsql AS $$
DECLARE
    i RECORD;
    v_stock INTEGER;
    v_coupon TEXT;
    v_kept INTEGER;
    v_stocks jsonb := '[]'::jsonb;
BEGIN
    SELECT x."couponId" INTO v_coupon FROM "Order" x WHERE x."id" = p_order_id AND x."status" = 'PLACED' FOR UPDATE;
    IF NOT FOUND THEN
        RETURN jsonb_build_object('outcome', COALESCE((SELECT x."status"::text FROM "Order" x WHERE x."id" = p_order_id), 'GONE'));
    END IF;
    FOR i IN SELECT it."variantId" AS variant_id, it."dealId" AS deal_id, it."quantity" AS quantity
               FROM "OrderItem" it WHERE it."orderId" = p_order_id ORDER BY it."variantId" LOOP
        -- The entry before the variant's row, as reserve_order and the expiry sweep lock them.
        UPDATE "WaitlistEntry" w SET "status" = 'HELD', "orderId" = NULL, "closedAt" = NULL
         WHERE w."orderId" = p_order_id AND w."variantId" = i.variant_id AND w."status" = 'BOUGHT'
           AND w."holdExpiresAt" > (now() AT TIME ZONE 'UTC');
        GET DIAGNOSTICS v_kept = ROW_COUNT;
        v_kept := LEAST(v_kept, i.quantity);
        UPDATE "WaitlistEntry" w SET "status" = 'EXPIRED', "orderId" = NULL, "closedAt" = (now() AT TIME ZONE 'UTC')
         WHERE w."orderId" = p_order_id AND w."variantId" = i.variant_id AND w."status" = 'BOUGHT';
        UPDATE "ProductVariant" v SET "stock" = v."stock" + (i.quantity - v_kept) WHERE v."id" = i.variant_id RETURNING v."stock" INTO v_stock;
        v_stocks := v_stocks || jsonb_build_object('variantId', i.variant_id, 'stock', v_stock);
        IF i.deal_id IS NOT NULL THEN
            UPDATE "FlashDeal" d SET "soldCount" = GREATEST(d."soldCount" - i.quantity, 0) WHERE d."id" = i.deal_id;
        END IF;
    END LOOP;
    IF v_coupon IS NOT NULL THEN
        UPDATE "Coupon" k SET "redemptionCount" = GREATEST(k."redemptionCount" - 1, 0) WHERE k."id" = v_coupon;
    END IF;
    -- Items and the coupon redemption go with the order (ON DELETE CASCADE).
    DELETE FROM "Order" x WHERE x."id" = p_order_id;
    RETURN jsonb_build_object('outcome', 'RELEASED', 'stocks', v_stocks);
END;
$$;
