// Live auctions: the host starts one on a lineup product, viewers bid. The rules of
// a bid and of the end live in SQL (migration 20261208111000_auctions), because a
// bid is one conditional statement on the auction's row; this file checks who may
// do what, calls those statements and words their answers.
import { randomUUID } from 'node:crypto';
import { rawQuery } from '../../db/raw';
import { appendShowAudit } from '../audit';
import type { Actor, Db } from '../context';
import { publicBuyerName } from '../context';
import { AppError } from '../errors';
import { queuePush } from '../push';
import { currencyFormat } from '../money-format';
import type { AuctionStartRequest } from './auction-schemas';

export type AuctionStatus = 'RUNNING' | 'SETTLING' | 'SOLD' | 'UNSOLD' | 'CANCELLED';

/** What everybody sees of an auction: never a maximum, the leader as first name and initial. */
export interface AuctionView {
  id: string;
  showId: string;
  productId: string;
  variantId: string;
  productTitle: string;
  variantName: string;
  currency: string;
  startPriceMinor: number;
  incrementMinor: number;
  antiSnipeSeconds: number;
  extendSeconds: number;
  status: AuctionStatus;
  endsAt: string;
  /** The price the leader pays now; null before the first bid. */
  priceMinor: number | null;
  leaderName: string | null;
  bidCount: number;
  /** What a one-tap bid offers now. */
  nextBidMinor: number;
}

type RawView = Omit<AuctionView, 'leaderName'> & { leaderName: string | null };

export const toPublicView = (raw: RawView): AuctionView => ({
  ...raw,
  leaderName: raw.leaderName ? publicBuyerName(raw.leaderName) : null,
});

export interface BidResult {
  auction: AuctionView;
  /** True when the bidder leads after this bid (a maximum below the leader's is outbid at once). */
  leading: boolean;
  /** The bidder who led before and no longer does (for their private alert). */
  outbidId: string | null;
  /** The end moved (anti-snipe). */
  extended: boolean;
  replayed: boolean;
}

type BidAnswer =
  | { outcome: 'ACCEPTED' | 'REPLAY'; leading: boolean; maxMinor: number; outbidId: string | null; extended: boolean; auction: RawView }
  | { outcome: 'NOT_FOUND' | 'HOST_CANNOT_BID' | 'NO_PAYMENT_METHOD' | 'NO_ADDRESS' | 'AUCTION_ENDED' }
  | { outcome: 'BID_TOO_LOW'; minMinor: number; currency: string }
  | { outcome: 'ALREADY_LEADING'; maxMinor: number; currency: string };

const money = (minor: number, currency: string) => currencyFormat(currency).format(minor);

async function requireLiveHost(db: Db, actor: Actor, showId: string) {
  const show = await db.show.findUnique({ where: { id: showId }, select: { hostId: true, status: true, brandId: true } });
  if (!show) throw new AppError('SHOW_NOT_FOUND', `show ${showId} not found`);
  if (show.hostId !== actor.userId) throw new AppError('HOST_ONLY', `user ${actor.userId} is not the host of ${showId}`);
  if (show.status !== 'LIVE') throw new AppError('SHOW_NOT_LIVE', `show ${showId} is ${show.status}`);
  return show;
}

export async function auctionView(db: Db, auctionId: string): Promise<AuctionView | null> {
  const [row] = await rawQuery<{ v: RawView | null }>(db, 'SELECT "auction_view"(a) AS v FROM "Auction" a WHERE a."id" = $1', [auctionId]);
  return row?.v ? toPublicView(row.v) : null;
}

/** The show's auction still taking bids or being settled, for the join snapshot. */
export async function activeAuction(db: Db, showId: string): Promise<AuctionView | null> {
  const [row] = await rawQuery<{ v: RawView }>(
    db,
    `SELECT "auction_view"(a) AS v FROM "Auction" a WHERE a."showId" = $1 AND a."status" IN ('RUNNING', 'SETTLING') LIMIT 1`,
    [showId],
  );
  return row ? toPublicView(row.v) : null;
}

/** Starts an auction on a variant of a lineup product; one at a time per show. */
export async function startAuction(
  db: Db,
  actor: Actor,
  showId: string,
  request: Omit<AuctionStartRequest, 'showId'>,
): Promise<AuctionView> {
  const show = await requireLiveHost(db, actor, showId);
  const variant = await db.productVariant.findUnique({
    where: { id: request.variantId },
    select: {
      productId: true,
      currency: true,
      product: { select: { brandId: true, status: true, lineups: { where: { showId }, select: { showId: true } } } },
    },
  });
  if (!variant || variant.product.status !== 'ACTIVE') throw new AppError('PRODUCT_GONE', `variant ${request.variantId} not on sale`);
  if (variant.product.brandId !== show.brandId || variant.product.lineups.length === 0)
    throw new AppError('NOT_IN_LINEUP', `variant ${request.variantId} is not in ${showId}'s lineup`);
  const auctionId = randomUUID();
  await db.$transaction(async (tx) => {
    // One auction at a time per show: starts of the same show queue here, and each sees the one before.
    await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(hashtextextended('auction-start:' || $1, 0))`, showId);
    const running = await tx.auction.count({ where: { showId, status: { in: ['RUNNING', 'SETTLING'] } } });
    if (running > 0) throw new AppError('AUCTION_RUNNING', `show ${showId} has an auction running`);
    const created = await tx.auction.create({
      data: {
        id: auctionId,
        showId,
        productId: variant.productId,
        variantId: request.variantId,
        currency: variant.currency,
        startPriceMinor: request.startPriceMinor,
        incrementMinor: request.incrementMinor,
        antiSnipeSeconds: request.antiSnipeSeconds,
        extendSeconds: request.extendSeconds,
        endsAt: new Date(Date.now() + request.durationSeconds * 1000),
        createdById: actor.userId,
        passedIds: [],
      },
    });
    await appendShowAudit(tx, showId, 'auction.started', {
      auctionId,
      productId: created.productId,
      variantId: created.variantId,
      currency: created.currency,
      startPriceMinor: created.startPriceMinor,
      incrementMinor: created.incrementMinor,
      antiSnipeSeconds: created.antiSnipeSeconds,
      extendSeconds: created.extendSeconds,
      endsAt: created.endsAt.toISOString(),
    });
  });
  return (await auctionView(db, auctionId))!;
}

/**
 * One bid, with `maxMinor` as the bidder's maximum (a one-tap bid's maximum is the
 * price it offers). The same key answers the same result again and bids once.
 */
export async function placeBid(
  db: Db,
  bidder: Actor,
  request: { showId: string; auctionId: string; maxMinor: number; idempotencyKey: string },
): Promise<BidResult> {
  const [row] = await rawQuery<{ r: BidAnswer }>(db, 'SELECT "place_auction_bid"($1, $2, $3::int, $4) AS r', [
    request.auctionId,
    bidder.userId,
    request.maxMinor,
    request.idempotencyKey,
  ]);
  const answer = row!.r;
  switch (answer.outcome) {
    case 'ACCEPTED':
    case 'REPLAY':
      if (answer.auction.showId !== request.showId)
        throw new AppError('AUCTION_NOT_FOUND', `auction ${request.auctionId} is of another show`);
      // The outbid person's phone hears of it too (web push), not only an open show page.
      if (answer.outcome === 'ACCEPTED' && answer.outbidId && answer.auction.priceMinor !== null)
        await queuePush(db, {
          event: 'auction.outbid',
          auctionId: request.auctionId,
          userId: answer.outbidId,
          priceMinor: answer.auction.priceMinor,
        });
      return {
        auction: toPublicView(answer.auction),
        leading: answer.leading,
        outbidId: answer.outbidId,
        extended: answer.extended,
        replayed: answer.outcome === 'REPLAY',
      };
    case 'NOT_FOUND':
      throw new AppError('AUCTION_NOT_FOUND', `auction ${request.auctionId} not found`);
    case 'HOST_CANNOT_BID':
      throw new AppError('AUCTION_HOST_CANNOT_BID', `host ${bidder.userId} bid on ${request.auctionId}`);
    case 'NO_PAYMENT_METHOD':
      throw new AppError('NO_PAYMENT_METHOD', `bidder ${bidder.userId} has no default card`);
    case 'NO_ADDRESS':
      throw new AppError('NO_ADDRESS', `bidder ${bidder.userId} has no default address`);
    case 'AUCTION_ENDED':
      throw new AppError('AUCTION_ENDED', `auction ${request.auctionId} is over`);
    case 'BID_TOO_LOW':
      throw new AppError(
        'BID_BELOW_NEXT',
        { amount: money(answer.minMinor, answer.currency) },
        `bid ${request.maxMinor} below ${answer.minMinor}`,
      );
    case 'ALREADY_LEADING':
      throw new AppError(
        'AUCTION_ALREADY_LEADING',
        { amount: money(answer.maxMinor, answer.currency) },
        `leader's ${request.maxMinor} not above own ${answer.maxMinor}`,
      );
    default: {
      const unreachable: never = answer;
      throw new AppError('INTERNAL', `unknown bid answer ${JSON.stringify(unreachable)}`);
    }
  }
}

/** The host stops a running auction before its end: nobody wins, nothing is charged. */
export async function cancelAuction(db: Db, actor: Actor, showId: string, auctionId: string): Promise<AuctionView> {
  await requireLiveHost(db, actor, showId);
  const cancelled = await db.$transaction(async (tx) => {
    const rows = await tx.auction.updateManyAndReturn({
      where: { id: auctionId, showId, status: 'RUNNING' },
      data: { status: 'CANCELLED', endedAt: new Date() },
      select: { id: true },
    });
    if (rows.length > 0) await appendShowAudit(tx, showId, 'auction.result', { auctionId, result: 'CANCELLED' });
    return rows.length > 0;
  });
  if (!cancelled) throw new AppError('AUCTION_ENDED', `auction ${auctionId} is not running in ${showId}`);
  return (await auctionView(db, auctionId))!;
}
