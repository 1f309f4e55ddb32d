/**
 * When an auction is due to end. Behind an interface so that a cluster can swap
 * in a scheduler that fires once across nodes; settling is safe to run twice
 * anyway (server/domain/auctions/settle-auction.ts), this only saves the work.
 */
export interface AuctionScheduler {
  /** (Re)sets the auction's timer; `onDue` runs once at `endsAt` unless cancelled or set again. */
  schedule(auctionId: string, endsAt: Date, onDue: () => void): void;
  cancel(auctionId: string): void;
  close(): void;
}

/** One timer per auction in this process. */
export class LocalAuctionScheduler implements AuctionScheduler {
  private readonly timers = new Map<string, NodeJS.Timeout>();

  schedule(auctionId: string, endsAt: Date, onDue: () => void): void {
    this.cancel(auctionId);
    const timer = setTimeout(
      () => {
        this.timers.delete(auctionId);
        onDue();
      },
      Math.max(0, endsAt.getTime() - Date.now()),
    );
    timer.unref();
    this.timers.set(auctionId, timer);
  }

  cancel(auctionId: string): void {
    clearTimeout(this.timers.get(auctionId));
    this.timers.delete(auctionId);
  }

  close(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }
}
