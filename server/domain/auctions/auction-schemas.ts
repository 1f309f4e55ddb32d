// What a host and a bidder may send about auctions, shared by the socket handlers and tests.
import { z } from 'zod';

export const AUCTION_MIN_SECONDS = 5;
export const AUCTION_MAX_SECONDS = 120;
/** A bid this close to the end moves the end to now + the extension (anti-snipe). */
export const DEFAULT_ANTI_SNIPE_SECONDS = 10;
export const DEFAULT_EXTEND_SECONDS = 10;

const id = z.string().min(1).max(64);
const minor = z.number().int().min(1).max(100_000_000);
export const auctionIdempotencyKey = z
  .string()
  .min(8)
  .max(100)
  .regex(/^[A-Za-z0-9_-]+$/);

export const auctionStartSchema = z
  .object({
    showId: id,
    variantId: id,
    startPriceMinor: minor,
    incrementMinor: minor,
    durationSeconds: z.number().int().min(AUCTION_MIN_SECONDS).max(AUCTION_MAX_SECONDS),
    antiSnipeSeconds: z.number().int().min(0).max(60).default(DEFAULT_ANTI_SNIPE_SECONDS),
    extendSeconds: z.number().int().min(1).max(60).default(DEFAULT_EXTEND_SECONDS),
  })
  .strict();
export type AuctionStartRequest = z.output<typeof auctionStartSchema>;

/** One tap: `amountMinor` is the "Bid $X" the bidder saw, and is also their maximum. */
export const auctionBidSchema = z.object({ showId: id, auctionId: id, amountMinor: minor, idempotencyKey: auctionIdempotencyKey }).strict();
/** A maximum: the server bids for the bidder, one increment at a time, up to it (proxy bidding). */
export const auctionSetMaxSchema = z.object({ showId: id, auctionId: id, maxMinor: minor, idempotencyKey: auctionIdempotencyKey }).strict();
export const auctionCancelSchema = z.object({ showId: id, auctionId: id }).strict();
