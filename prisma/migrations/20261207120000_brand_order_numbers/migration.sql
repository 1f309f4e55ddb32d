-- Order numbers count per brand: a brand's first order is #1, not the next
-- number of a counter shared by every brand. Each brand has its own SEQUENCE,
-- and a BEFORE INSERT trigger on "Order" takes the next value, so every path
-- that inserts orders (the one-tap and bag functions, Prisma, tests) numbers
-- them the same way without a row lock on the purchase path. nextval is not
-- transactional: an order whose transaction rolls back leaves a gap.

-- The sequence of one brand. md5 keeps the name within PostgreSQL's 63 bytes whatever the id.
CREATE FUNCTION "brand_order_number_sequence"(p_brand_id TEXT) RETURNS TEXT
LANGUAGE sql IMMUTABLE AS $$ SELECT 'brand_order_number_' || md5(p_brand_id) $$;

CREATE FUNCTION "brand_order_number_sequence_create"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    -- A new brand has no orders: a sequence left by a deleted brand of the same id starts again.
    EXECUTE format('DROP SEQUENCE IF EXISTS %I', "brand_order_number_sequence"(NEW."id"));
    EXECUTE format('CREATE SEQUENCE %I AS integer MINVALUE 1', "brand_order_number_sequence"(NEW."id"));
    RETURN NULL;
END $$;

CREATE FUNCTION "brand_order_number_sequence_drop"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE format('DROP SEQUENCE IF EXISTS %I', "brand_order_number_sequence"(OLD."id"));
    RETURN NULL;
END $$;

CREATE FUNCTION "order_take_brand_number"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    -- Whatever the insert said, the number is the brand's next one.
    NEW."number" := nextval("brand_order_number_sequence"(NEW."brandId")::regclass);
    RETURN NEW;
END $$;

-- The global counter goes; numbers are unique per brand.
DROP INDEX "Order_number_key";
ALTER TABLE "Order" ALTER COLUMN "number" SET DEFAULT 0;
DROP SEQUENCE "Order_number_seq";

-- Existing orders are renumbered per brand in the order they were placed.
UPDATE "Order" o
   SET "number" = r."n"
  FROM (SELECT "id", row_number() OVER (PARTITION BY "brandId" ORDER BY "createdAt", "number")::int AS "n" FROM "Order") r
 WHERE o."id" = r."id";

CREATE UNIQUE INDEX "Order_brandId_number_key" ON "Order"("brandId", "number");

DO $$
DECLARE
    b RECORD;
BEGIN
    FOR b IN SELECT br."id", (SELECT max(o."number") FROM "Order" o WHERE o."brandId" = br."id") AS "last" FROM "Brand" br LOOP
        EXECUTE format('CREATE SEQUENCE %I AS integer MINVALUE 1', "brand_order_number_sequence"(b."id"));
        IF b."last" IS NOT NULL THEN
            PERFORM setval("brand_order_number_sequence"(b."id")::regclass, b."last");
        END IF;
    END LOOP;
END $$;

CREATE TRIGGER "Brand_order_number_sequence_create" AFTER INSERT ON "Brand"
    FOR EACH ROW EXECUTE FUNCTION "brand_order_number_sequence_create"();
CREATE TRIGGER "Brand_order_number_sequence_drop" AFTER DELETE ON "Brand"
    FOR EACH ROW EXECUTE FUNCTION "brand_order_number_sequence_drop"();
CREATE TRIGGER "Order_take_brand_number" BEFORE INSERT ON "Order"
    FOR EACH ROW EXECUTE FUNCTION "order_take_brand_number"();
