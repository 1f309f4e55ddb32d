-- Stripe payments (issue 21 item 1). No foreign keys on purpose: these rows are the record of
-- money that moved at Stripe, and must outlive a disabled provider, a deleted order or account.
CREATE TYPE "StripePaymentStatus" AS ENUM ('REQUIRES_ACTION', 'AUTHORIZED', 'CAPTURED', 'CANCELED', 'FAILED');

-- One PaymentIntent per payment key (the order pipeline's idempotency key): the typed state an
-- order waits in while the buyer completes 3-D Secure.
CREATE TABLE "StripePayment" (
    "id" TEXT NOT NULL,
    "providerId" TEXT NOT NULL,
    "paymentKey" TEXT NOT NULL,
    "orderId" TEXT,
    "paymentIntentId" TEXT NOT NULL,
    "status" "StripePaymentStatus" NOT NULL,
    "amountMinor" INTEGER NOT NULL,
    "currency" TEXT NOT NULL,
    "clientSecret" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StripePayment_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "StripePayment_paymentKey_key" ON "StripePayment"("paymentKey");
CREATE UNIQUE INDEX "StripePayment_paymentIntentId_key" ON "StripePayment"("paymentIntentId");
CREATE INDEX "StripePayment_orderId_idx" ON "StripePayment"("orderId");

-- A buyer's Customer in one brand's Stripe account (cards are saved per account).
CREATE TABLE "StripeCustomer" (
    "providerId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StripeCustomer_pkey" PRIMARY KEY ("providerId", "userId")
);

CREATE TYPE "StripeTransferKind" AS ENUM ('BRAND', 'HOST');

-- Stripe Connect payouts of a paid order: one transfer per order and connected account.
CREATE TABLE "StripeTransfer" (
    "id" TEXT NOT NULL,
    "providerId" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "kind" "StripeTransferKind" NOT NULL,
    "destination" TEXT NOT NULL,
    "amountMinor" INTEGER NOT NULL,
    "currency" TEXT NOT NULL,
    "transferId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StripeTransfer_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "StripeTransfer_orderId_destination_key" ON "StripeTransfer"("orderId", "destination");
