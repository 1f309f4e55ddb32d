-- Orders keep the address they were shipped to. Until now an order pointed at the
-- buyer's saved address (SET NULL on delete), so editing or deleting it changed or
-- erased where a past order went, and account deletion had to keep addresses alive
-- for their orders. The ship* columns are a copy taken when the order is placed;
-- "addressId" stays only as a link to the saved address it came from.

-- AlterTable
ALTER TABLE "Order" ADD COLUMN     "shipName" TEXT,
ADD COLUMN     "shipLine1" TEXT,
ADD COLUMN     "shipLine2" TEXT,
ADD COLUMN     "shipCity" TEXT,
ADD COLUMN     "shipRegion" TEXT,
ADD COLUMN     "shipPostalCode" TEXT,
ADD COLUMN     "shipCountry" CHAR(2),
ADD COLUMN     "shipPhone" TEXT;

-- Backfill: earlier orders take the saved address they still point at (orders whose
-- address was already deleted have nothing left to copy and stay empty). The row is
-- read as JSON so this statement does not fail on a database whose "Address" lacks
-- one of the optional columns (server/db/schema-drift.test.ts replays the migrations
-- with "phone" removed to prove it notices); a missing one copies as NULL.
UPDATE "Order" o
   SET "shipName" = a.row ->> 'fullName', "shipLine1" = a.row ->> 'line1', "shipLine2" = a.row ->> 'line2',
       "shipCity" = a.row ->> 'city', "shipRegion" = a.row ->> 'region', "shipPostalCode" = a.row ->> 'postalCode',
       "shipCountry" = a.row ->> 'country', "shipPhone" = a.row ->> 'phone'
  FROM (SELECT "id", to_jsonb("Address") AS row FROM "Address") a
 WHERE a."id" = o."addressId";

-- One-tap orders copy the address themselves (same signature, so it is replaced in place);
-- bag checkout copies it in server/domain/bag-checkout.ts.
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
    v_address "Address"%ROWTYPE;
BEGIN
    -- One buyer's taps in one show queue here, so parallel taps cannot pass the limit together.
    PERFORM pg_advisory_xact_lock(hashtextextended(p_buyer_id || ':' || p_show_id, 0));

    -- The address is copied onto the order, so later edits or deletion of the saved
    -- address never change where a past order went. FOR SHARE holds it still until
    -- this order commits. Checked before the deal and stock are taken: a refusal
    -- returned after them would leave them taken (this runs in the caller's statement).
    SELECT * INTO v_address FROM "Address" WHERE "id" = p_address_id AND "userId" = p_buyer_id FOR SHARE;
    IF NOT FOUND THEN
        "outcome" := 'NO_ADDRESS';
        RETURN NEXT;
        RETURN;
    END IF;
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

    INSERT INTO "Order" ("id", "buyerId", "brandId", "showId", "status", "subtotalMinor", "shippingMinor", "totalMinor", "currency", "idempotencyKey", "addressId", "paymentMethodId", "paymentRef", "source",
                         "shipName", "shipLine1", "shipLine2", "shipCity", "shipRegion", "shipPostalCode", "shipCountry", "shipPhone")
    VALUES (p_order_id, p_buyer_id, p_brand_id, p_show_id, 'PAID', p_unit_price_minor * p_quantity, p_shipping_minor, p_unit_price_minor * p_quantity + p_shipping_minor,
            p_currency, p_idempotency_key, p_address_id, p_payment_method_id, p_payment_ref, 'ONE_TAP',
            v_address."fullName", v_address."line1", v_address."line2", v_address."city", v_address."region", v_address."postalCode", v_address."country", v_address."phone")
    RETURNING "number" INTO "orderNumber";
    INSERT INTO "OrderItem" ("id", "orderId", "variantId", "dealId", "title", "quantity", "unitPriceMinor", "currency")
    VALUES (p_item_id, p_order_id, p_variant_id, p_deal_id, p_title, p_quantity, p_unit_price_minor, p_currency);
    "outcome" := 'PLACED';
    RETURN NEXT;
END;
$$;
