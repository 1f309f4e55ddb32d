-- Stripe Connect payouts (issue 21 item 1): the connected accounts of brands and hosts on their own
-- rows, a per-brand switch, and the hosts left out of a payout for want of an account.
ALTER TABLE "Brand" ADD COLUMN "stripeAccountId" TEXT;
ALTER TABLE "Brand" ADD COLUMN "stripePayoutsEnabled" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "User" ADD COLUMN "stripeAccountId" TEXT;

-- CreateTable
CREATE TABLE "StripePayoutSkip" (
    "orderId" TEXT NOT NULL,
    "brandId" TEXT NOT NULL,
    "hostId" TEXT NOT NULL,
    "amountMinor" INTEGER NOT NULL,
    "currency" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StripePayoutSkip_pkey" PRIMARY KEY ("orderId","hostId")
);

-- CreateIndex
CREATE INDEX "StripePayoutSkip_brandId_createdAt_idx" ON "StripePayoutSkip"("brandId", "createdAt");

-- The payout job is written by the statement that makes the order PAID (every path: one tap, bag,
-- 3-D Secure completion, webhooks), so a capture committed is a payout queued, and never one without it.
CREATE OR REPLACE FUNCTION "order_stripe_payout_job"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM "Brand" WHERE "id" = NEW."brandId" AND "stripePayoutsEnabled") THEN
        INSERT INTO "Job" ("id", "kind", "payload", "dedupeKey", "maxAttempts")
        VALUES (gen_random_uuid()::text, 'stripe.payout', jsonb_build_object('orderId', NEW."id"), 'stripe-payout:' || NEW."id", 10)
        ON CONFLICT ("dedupeKey") DO NOTHING;
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER "order_stripe_payout_job" AFTER UPDATE OF "status" ON "Order" FOR EACH ROW
    WHEN (NEW."status" = 'PAID' AND OLD."status" IS DISTINCT FROM 'PAID')
    EXECUTE FUNCTION "order_stripe_payout_job"();

-- Refunds after a payout take back the same share of each transfer: what is reversed so far, and
-- what the order had paid and not refunded when it was paid out (the base of that share).
ALTER TABLE "StripeTransfer" ADD COLUMN "reversedMinor" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "StripeTransfer" ADD COLUMN "orderNetMinor" INTEGER;

CREATE OR REPLACE FUNCTION "order_stripe_payout_reversal_job"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM "StripeTransfer" WHERE "orderId" = NEW."id") THEN
        INSERT INTO "Job" ("id", "kind", "payload", "dedupeKey", "maxAttempts")
        VALUES (gen_random_uuid()::text, 'stripe.payout-reversal', jsonb_build_object('orderId', NEW."id"),
                'stripe-payout-reversal:' || NEW."id" || ':' || NEW."refundedMinor" || ':' || NEW."status", 10)
        ON CONFLICT ("dedupeKey") DO NOTHING;
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER "order_stripe_payout_reversal_job" AFTER UPDATE OF "refundedMinor", "status" ON "Order" FOR EACH ROW
    WHEN (NEW."refundedMinor" > OLD."refundedMinor" OR (NEW."status" IN ('CANCELLED', 'REFUNDED') AND OLD."status" IS DISTINCT FROM NEW."status"))
    EXECUTE FUNCTION "order_stripe_payout_reversal_job"();
