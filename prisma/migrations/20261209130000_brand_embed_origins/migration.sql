-- The origins (scheme://host[:port]) a brand lets frame its shows' embeddable player.
-- Empty: nobody may frame it.
ALTER TABLE "Brand" ADD COLUMN "embedOrigins" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[];
