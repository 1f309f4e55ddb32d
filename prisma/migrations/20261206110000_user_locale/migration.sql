-- The language a person last used the site in ('en', 'km', 'lo', 'mn'); their
-- emails go out in it. Null until known: English.
ALTER TABLE "User" ADD COLUMN "locale" TEXT;
