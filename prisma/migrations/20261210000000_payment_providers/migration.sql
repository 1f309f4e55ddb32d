-- Per-brand payment providers (issue 21): which providers a brand takes money with, and their
-- credentials sealed with SECRETS_KEY (AES-256-GCM, server/domain/simulcast/secret-box.ts). The
-- built-in test provider needs no row: a brand without an enabled row for a kind uses it.
CREATE TYPE "PaymentProviderKind" AS ENUM ('TEST', 'STRIPE', 'KHQR', 'QPAY', 'LAOQR');

CREATE TABLE "BrandPaymentProvider" (
    "id" TEXT NOT NULL,
    "brandId" TEXT NOT NULL,
    "kind" "PaymentProviderKind" NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT false,
    "credentialsSealed" TEXT NOT NULL DEFAULT '',
    "settings" JSONB NOT NULL DEFAULT '{}',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "BrandPaymentProvider_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "BrandPaymentProvider_brandId_kind_key" ON "BrandPaymentProvider"("brandId", "kind");

ALTER TABLE "BrandPaymentProvider" ADD CONSTRAINT "BrandPaymentProvider_brandId_fkey" FOREIGN KEY ("brandId") REFERENCES "Brand"("id") ON DELETE CASCADE ON UPDATE CASCADE;
