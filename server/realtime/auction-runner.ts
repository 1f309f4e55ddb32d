import type { Logger } from 'pino';
import { type AuctionView, runningAuctions, type SettleOutcome, settleAuction } from '../domain/auctions';
import type { Db } from '../domain/context';
import type { PaymentProvider } from '../domain/payments';
import type { AuctionFeed } from './auction-feed';
import type { AuctionScheduler } from './auction-timers';
import type { ShowBroadcaster } from './broadcaster';
import type { ShowServer } from './handler';
import { showStaffRoom, userRoom } from './protocol';

// A settle that failed (the provider or the database did not answer) is tried
// again after this; the sweep (server/effects/auction-sweep.ts) is the backstop.
const RETRY_MS = 2000;

/**
 * Ends auctions on time: a timer per auction calls settleAuction at its end; an
 * extension found then sets the timer again; the result is announced to the show
 * and the winner is told their order.
 */
export class AuctionRunner {
  constructor(
    private readonly deps: { db: Db; payments: PaymentProvider; log: Logger },
    private readonly io: ShowServer,
    private readonly broadcaster: ShowBroadcaster,
    private readonly feed: AuctionFeed,
    private readonly scheduler: AuctionScheduler,
  ) {}

  watch(auction: Pick<AuctionView, 'id' | 'showId' | 'endsAt'>): void {
    this.scheduler.schedule(auction.id, new Date(auction.endsAt), () => void this.settle(auction.id, auction.showId));
  }

  /** Sets timers for the auctions already running (a process that starts). */
  async resume(): Promise<void> {
    for (const auction of await runningAuctions(this.deps.db)) this.watch({ ...auction, endsAt: auction.endsAt.toISOString() });
  }

  async settle(auctionId: string, showId: string): Promise<void> {
    try {
      this.announce(showId, await settleAuction(this.deps.db, this.deps.payments, auctionId));
    } catch (error) {
      this.deps.log.error({ err: error, auctionId }, 'auction not settled; retrying');
      this.scheduler.schedule(auctionId, new Date(Date.now() + RETRY_MS), () => void this.settle(auctionId, showId));
    }
  }

  /** Tells the show how a settle ended (also for settles made by the sweep). */
  announce(showId: string, outcome: SettleOutcome): void {
    if (outcome.kind === 'missing') return;
    if (outcome.kind === 'running') {
      this.scheduler.schedule(outcome.auctionId, outcome.endsAt, () => void this.settle(outcome.auctionId, showId));
      return;
    }
    const { auction, winner } = outcome;
    if (auction.status === 'RUNNING' || auction.status === 'SETTLING') return;
    this.scheduler.cancel(auction.id);
    this.feed.flush(showId);
    this.feed.forget(auction.id);
    this.broadcaster.emit(showId, 'auction:ended', {
      showId,
      auctionId: auction.id,
      result: auction.status,
      priceMinor: winner ? winner.priceMinor : auction.priceMinor,
      winnerName: winner?.publicName ?? null,
      // The settle that decided the result has just committed.
      at: Date.now(),
    });
    if (!winner) return;
    // The studio's sales feed and figures count an auction's order like any other.
    this.io.to(showStaffRoom(showId)).emit('sale:made', {
      showId,
      orderNumber: winner.orderNumber,
      totalMinor: winner.totalMinor,
      currency: auction.currency,
      productTitle: auction.productTitle,
      variantName: auction.variantName,
      quantity: 1,
      buyerName: winner.publicName,
    });
    this.io.to(userRoom(winner.userId)).emit('auction:won', {
      showId,
      auctionId: auction.id,
      orderId: winner.orderId,
      orderNumber: winner.orderNumber,
      totalMinor: winner.totalMinor,
      currency: auction.currency,
      productTitle: auction.productTitle,
    });
  }
}
