import {
  auctionBidSchema,
  auctionCancelSchema,
  auctionSetMaxSchema,
  auctionStartSchema,
  type BidResult,
  cancelAuction,
  placeBid,
  startAuction,
} from '../domain/auctions';
import type { HandlerRegistrar } from './handler';
import { requireJoined, requireUser, type ConnectionContext } from './context';
import { type AuctionBidAck, userRoom } from './protocol';

export function registerAuctionHandlers(on: HandlerRegistrar, ctx: ConnectionContext): void {
  const { socket, db, io, broadcaster } = ctx;

  on.on('auction:start', auctionStartSchema, async ({ showId, ...request }) => {
    const auction = await startAuction(db, requireUser(socket), showId, request);
    // The start committed just now: its `at` is this instant (within the commit's round trip).
    const at = Date.now();
    const serverNow = new Date(at).toISOString();
    ctx.auctionFeed.started(auction);
    broadcaster.emit(showId, 'auction:started', { showId, auction, serverNow, at });
    ctx.auctions.watch(auction);
    return { auction, serverNow };
  });

  /** What follows an accepted bid: the coalesced broadcast, the outbid alert, the timer moved. */
  const accepted = (result: BidResult): { bid: AuctionBidAck } => {
    const { auction } = result;
    if (!result.replayed) {
      ctx.auctionFeed.record(auction);
      if (result.outbidId)
        io.to(userRoom(result.outbidId)).emit('auction:outbid', {
          showId: auction.showId,
          auctionId: auction.id,
          priceMinor: auction.priceMinor,
          nextBidMinor: auction.nextBidMinor,
        });
      if (result.extended) ctx.auctions.watch(auction);
    }
    return { bid: { auction, leading: result.leading, replayed: result.replayed, serverNow: new Date().toISOString() } };
  };

  on.on('auction:bid', auctionBidSchema, async ({ showId, auctionId, amountMinor, idempotencyKey }) => {
    const bidder = requireUser(socket);
    requireJoined(socket, showId);
    return accepted(await placeBid(db, bidder, { showId, auctionId, maxMinor: amountMinor, idempotencyKey }));
  });

  on.on('auction:setMax', auctionSetMaxSchema, async ({ showId, auctionId, maxMinor, idempotencyKey }) => {
    const bidder = requireUser(socket);
    requireJoined(socket, showId);
    return accepted(await placeBid(db, bidder, { showId, auctionId, maxMinor, idempotencyKey }));
  });

  on.on('auction:cancel', auctionCancelSchema, async ({ showId, auctionId }) => {
    const auction = await cancelAuction(db, requireUser(socket), showId, auctionId);
    ctx.auctions.announce(showId, { kind: 'ended', auction, winner: null });
    return { auction };
  });
}
