// The end of an auction: bidding closes by the database's clock, then the awarded
// bidder is charged like a one-tap order (the order pipeline, with the awarded
// price, their default card and address). A bidder who cannot pay is passed over
// and the item is offered to the next one (pass_auction; docs/realtime-protocol.md).
// Safe to run twice or on two nodes at once: every step is conditional and the
// order's idempotency key is the auction's, so one winner is charged once.
import { rawQuery } from '../../db/raw';
import { appendShowAudit } from '../audit';
import { stockGate } from '../catalog';
import { type Db, publicBuyerName } from '../context';
import { AppError } from '../errors';
import { placeOrder } from '../orders';
import type { PaymentProvider } from '../payments';
import { type AuctionView, toPublicView } from './auctions';

type Settling = Parameters<typeof toPublicView>[0] & { awardedId: string | null; awardedPriceMinor: number | null };

export type SettleOutcome =
  | { kind: 'missing' }
  /** Not over yet (an extension moved the end): wait until `endsAt`. */
  | { kind: 'running'; auctionId: string; endsAt: Date }
  | { kind: 'ended'; auction: AuctionView; winner: AuctionWinner | null };

export interface AuctionWinner {
  userId: string;
  /** First name and initial. */
  publicName: string;
  /** The item's price (the awarded one: the next bidder's maximum when the leader could not pay). */
  priceMinor: number;
  orderId: string;
  orderNumber: number;
  totalMinor: number;
}

/** The key of the winner's order: the same for every attempt, so it is placed and charged once. */
export const auctionOrderKey = (auctionId: string) => `auction_${auctionId}`;

export async function settleAuction(db: Db, payments: PaymentProvider, auctionId: string): Promise<SettleOutcome> {
  const [row] = await rawQuery<{ r: Settling | null }>(db, 'SELECT "close_auction"($1) AS r', [auctionId]);
  let state = row?.r ?? null;
  if (!state) return { kind: 'missing' };
  if (state.status === 'RUNNING') return { kind: 'running', auctionId, endsAt: new Date(state.endsAt) };
  while (state.status === 'SETTLING' && state.awardedId) {
    const bidderId: string = state.awardedId;
    const bidder = await db.user.findUnique({ where: { id: bidderId }, select: { name: true, locale: true } });
    try {
      const placed = await placeOrder(
        db,
        payments,
        { userId: bidderId, name: bidder?.name ?? '', locale: bidder?.locale ?? null },
        {
          showId: state.showId,
          source: 'AUCTION',
          lines: [{ variantId: state.variantId, quantity: 1, auctionId }],
          idempotencyKey: auctionOrderKey(auctionId),
        },
      );
      stockGate.forget(state.variantId);
      await markSold(db, state.showId, auctionId, bidderId, placed.order.orderId, state.awardedPriceMinor);
      const sold = (
        await rawQuery<{ v: Settling }>(db, 'SELECT "auction_view"(a) AS v FROM "Auction" a WHERE a."id" = $1', [auctionId])
      )[0]!.v;
      return {
        kind: 'ended',
        auction: toPublicView(sold),
        winner: {
          userId: bidderId,
          publicName: publicBuyerName(placed.order.buyerName),
          priceMinor: placed.order.lines[0]!.unitPriceMinor,
          orderId: placed.order.orderId,
          orderNumber: placed.order.orderNumber,
          totalMinor: placed.order.totalMinor,
        },
      };
    } catch (error) {
      // Only a definite refusal passes the item on; anything else (the provider did
      // not answer, the database failed) is tried again by the next settle.
      if (!(error instanceof AppError) || error.code === 'INTERNAL') throw error;
      const [passed] = await rawQuery<{ r: Settling }>(db, 'SELECT "pass_auction"($1, $2, $3) AS r', [auctionId, bidderId, error.key]);
      state = passed!.r;
    }
  }
  return { kind: 'ended', auction: toPublicView(state), winner: null };
}

async function markSold(db: Db, showId: string, auctionId: string, winnerId: string, orderId: string, priceMinor: number | null) {
  await db.$transaction(async (tx) => {
    const rows = await tx.auction.updateManyAndReturn({
      where: { id: auctionId, status: 'SETTLING', awardedId: winnerId },
      data: { status: 'SOLD', winnerId, orderId },
      select: { id: true },
    });
    if (rows.length > 0) await appendShowAudit(tx, showId, 'auction.result', { auctionId, result: 'SOLD', winnerId, orderId, priceMinor });
  });
}

/** Auctions a timer should have settled (a restart, a lost timer): past their end and still running, or left settling. */
export async function overdueAuctions(db: Db, now = new Date(), graceMs = 2000): Promise<{ id: string; showId: string }[]> {
  return db.auction.findMany({
    where: {
      OR: [
        { status: 'RUNNING', endsAt: { lt: new Date(now.getTime() - graceMs) } },
        { status: 'SETTLING', endedAt: { lt: new Date(now.getTime() - graceMs) } },
      ],
    },
    select: { id: true, showId: true },
    orderBy: { endsAt: 'asc' },
    take: 100,
  });
}

/** Running auctions with their ends, for a process that starts to set its timers. */
export async function runningAuctions(db: Db): Promise<{ id: string; showId: string; endsAt: Date }[]> {
  return db.auction.findMany({ where: { status: 'RUNNING' }, select: { id: true, showId: true, endsAt: true } });
}
