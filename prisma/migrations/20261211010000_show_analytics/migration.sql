-- Durable show analytics (issue 20 item 1): what the audience did that no other table keeps,
-- written in batches by server/domain/analytics/writer.ts (one multi-row INSERT a second).
-- No foreign key: a batch never fails because one show was deleted meanwhile, and the
-- rows of a deleted show are removed with it by the trigger below.
CREATE TABLE "ShowAnalyticsEvent" (
    "id" BIGSERIAL NOT NULL,
    "showId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "viewer" TEXT NOT NULL DEFAULT '',
    "productId" TEXT,
    "variantId" TEXT,
    "count" INTEGER NOT NULL DEFAULT 1,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ShowAnalyticsEvent_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "ShowAnalyticsEvent_showId_at_idx" ON "ShowAnalyticsEvent"("showId", "at");

CREATE OR REPLACE FUNCTION "show_analytics_forget"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM "ShowAnalyticsEvent" WHERE "showId" = OLD."id";
    RETURN NULL;
END;
$$;

CREATE TRIGGER "show_analytics_forget" AFTER DELETE ON "Show" FOR EACH ROW EXECUTE FUNCTION "show_analytics_forget"();
