/**
 * Announces a deal's end at its end time. The order transaction enforces the end
 * on its own; this only tells viewers promptly. One timer per show.
 */
export class DealTimers {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly dealIds = new Map<string, string>();

  constructor(private readonly onExpire: (showId: string, dealId: string) => void) {}

  schedule(showId: string, dealId: string, endsAt: Date): void {
    this.cancel(showId);
    const timer = setTimeout(
      () => {
        this.timers.delete(showId);
        this.dealIds.delete(showId);
        this.onExpire(showId, dealId);
      },
      Math.max(0, endsAt.getTime() - Date.now()),
    );
    timer.unref();
    this.timers.set(showId, timer);
    this.dealIds.set(showId, dealId);
  }

  /** Cancels the show's timer only if it is still this deal's: a newer deal keeps its own. */
  cancelDeal(showId: string, dealId: string): void {
    if (this.dealIds.get(showId) === dealId) this.cancel(showId);
  }

  cancel(showId: string): void {
    clearTimeout(this.timers.get(showId));
    this.timers.delete(showId);
    this.dealIds.delete(showId);
  }

  close(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    this.dealIds.clear();
  }
}
