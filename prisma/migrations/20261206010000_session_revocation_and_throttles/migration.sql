-- Session revocation: every session token carries the account's version at
-- sign-in; bumping it (logout, password change, team removal, deletion, a
-- verified takeover of an unverified address) makes all older tokens invalid.
ALTER TABLE "User" ADD COLUMN "sessionVersion" INTEGER NOT NULL DEFAULT 0;

-- An email-verification link is a sign-in link bound to the account it verifies.
ALTER TABLE "SignInToken" ADD COLUMN "purpose" TEXT NOT NULL DEFAULT 'sign-in';
ALTER TABLE "SignInToken" ADD COLUMN "userId" TEXT;

-- Fixed-window counters for throttles shared by every app node (sign-in,
-- sign-up, brand creation, invitations, the daily invite quota per brand).
CREATE TABLE "RateLimitCounter" (
    "key" TEXT NOT NULL,
    "windowStart" TIMESTAMP(3) NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "RateLimitCounter_pkey" PRIMARY KEY ("key")
);

CREATE INDEX "RateLimitCounter_windowStart_idx" ON "RateLimitCounter"("windowStart");
