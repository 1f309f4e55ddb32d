-- The shop assistant (issue 19): a brand's FAQ (question variants and answers per language), its
-- policies per language, and pg_trgm for matching products and FAQ questions by similarity
-- (the embedded PostgreSQL ships the extension; so does the official PostgreSQL image).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE "BrandFaq" (
    "id" TEXT NOT NULL,
    "brandId" TEXT NOT NULL,
    "questions" JSONB NOT NULL DEFAULT '{}',
    "answers" JSONB NOT NULL DEFAULT '{}',
    "position" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "BrandFaq_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "BrandFaq_brandId_idx" ON "BrandFaq"("brandId");

ALTER TABLE "BrandFaq" ADD CONSTRAINT "BrandFaq_brandId_fkey" FOREIGN KEY ("brandId") REFERENCES "Brand"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "BrandAssistantPolicy" (
    "brandId" TEXT NOT NULL,
    "shippingText" JSONB NOT NULL DEFAULT '{}',
    "deliveryTime" JSONB NOT NULL DEFAULT '{}',
    "returns" JSONB NOT NULL DEFAULT '{}',
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "BrandAssistantPolicy_pkey" PRIMARY KEY ("brandId")
);

ALTER TABLE "BrandAssistantPolicy" ADD CONSTRAINT "BrandAssistantPolicy_brandId_fkey" FOREIGN KEY ("brandId") REFERENCES "Brand"("id") ON DELETE CASCADE ON UPDATE CASCADE;
