/**
 * Announces a deal's end at its end time. The order transaction enforces the end
 * on its own; this only tells viewers promptly. One timer per show.
 */
export class DealTimers {
  private readonly timers = new Map<string, NodeJS.Timeout>();

  constructor(private readonly onExpire: (showId: string, dealId: string) => void) {}

  schedule(showId: string, dealId: string, endsAt: Date): void {
    this.cancel(showId);
    const timer = setTimeout(() => {
      this.timers.delete(showId);
      this.onExpire(showId, dealId);
    }, Math.max(0, endsAt.getTime() - Date.now()));
    timer.unref();
    this.timers.set(showId, timer);
  }

  cancel(showId: string): void {
    clearTimeout(this.timers.get(showId));
    this.timers.delete(showId);
  }

  close(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }
}
