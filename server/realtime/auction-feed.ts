import type { AuctionView } from '../domain/auctions';
import type { ShowBroadcaster } from './broadcaster';

// A bid storm must not become a broadcast storm: one write per viewer per bid is
// what stalls a crowded show (docs/benchmarks.md). Viewers get the latest price
// at most this often; each bidder's own acknowledgement is immediate.
const FLUSH_MS = 150;

/** Coalesces auction:bid (and auction:extended) per show: only the latest state goes out. */
export class AuctionFeed {
  private readonly pending = new Map<string, AuctionView>();
  private readonly sentEnds = new Map<string, string>();
  private readonly timers = new Map<string, NodeJS.Timeout>();

  constructor(private readonly broadcaster: ShowBroadcaster) {}

  started(auction: AuctionView): void {
    this.sentEnds.set(auction.id, auction.endsAt);
  }

  record(auction: AuctionView): void {
    const { showId } = auction;
    const before = this.pending.get(showId);
    // Answers can arrive out of order: keep the one with more bids.
    if (!before || before.id !== auction.id || before.bidCount <= auction.bidCount) this.pending.set(showId, auction);
    if (this.timers.has(showId)) return;
    const timer = setTimeout(() => this.flush(showId), FLUSH_MS);
    timer.unref();
    this.timers.set(showId, timer);
  }

  /** Sends what is pending now (before an auction:ended, so the last price arrives first). */
  flush(showId: string): void {
    clearTimeout(this.timers.get(showId));
    this.timers.delete(showId);
    const auction = this.pending.get(showId);
    if (!auction) return;
    this.pending.delete(showId);
    const serverNow = new Date().toISOString();
    if (this.sentEnds.get(auction.id) !== auction.endsAt) {
      this.sentEnds.set(auction.id, auction.endsAt);
      this.broadcaster.emit(showId, 'auction:extended', { showId, auctionId: auction.id, endsAt: auction.endsAt, serverNow });
    }
    this.broadcaster.emit(showId, 'auction:bid', {
      showId,
      auctionId: auction.id,
      priceMinor: auction.priceMinor,
      leaderName: auction.leaderName,
      bidCount: auction.bidCount,
      nextBidMinor: auction.nextBidMinor,
      endsAt: auction.endsAt,
      serverNow,
    });
  }

  forget(auctionId: string): void {
    this.sentEnds.delete(auctionId);
  }

  close(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    this.pending.clear();
  }
}
