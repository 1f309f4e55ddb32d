/**
 * Deal ends shared by every node (multi-node mode, cluster/deal-claims.ts): whoever
 * takes a show's pending end from the store announces it, so it is announced once
 * however many nodes try.
 */
export interface DealEndStore {
  schedule(showId: string, dealId: string, endsAt: Date): Promise<void>;
  /** Takes the show's pending end if it is `dealId`'s; true only for the one caller that took it. */
  take(showId: string, dealId: string): Promise<boolean>;
  cancel(showId: string): Promise<void>;
  /** Takes every end that is due; each is returned to one caller only. */
  takeDue(): Promise<{ showId: string; dealId: string }[]>;
}

// How often a node looks for ends the node that scheduled them did not announce (it died).
const SWEEP_MS = 1_000;

/**
 * Announces a deal's end at its end time. The order transaction enforces the end
 * on its own; this only tells viewers promptly. One timer per show.
 *
 * With several nodes the end is also in Redis: the scheduling node's timer and
 * every node's sweep race to take it, and only the taker announces. If the
 * scheduling node dies, another's sweep announces within about a second.
 */
export class DealTimers {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly dealIds = new Map<string, string>();
  private readonly sweeper: NodeJS.Timeout | null = null;

  constructor(
    private readonly onExpire: (showId: string, dealId: string) => void,
    private readonly store: DealEndStore | null = null,
    private readonly onStoreError: (error: unknown) => void = () => undefined,
  ) {
    if (!store) return;
    this.sweeper = setInterval(() => {
      store.takeDue().then((due) => {
        for (const { showId, dealId } of due) this.expired(showId, dealId);
      }, onStoreError);
    }, SWEEP_MS);
    this.sweeper.unref();
  }

  /** Resolves once the end is recorded where every node sees it (at once in one process). */
  schedule(showId: string, dealId: string, endsAt: Date): Promise<void> {
    this.cancelLocal(showId);
    const recorded = this.store?.schedule(showId, dealId, endsAt).catch(this.onStoreError) ?? Promise.resolve();
    const timer = setTimeout(
      () => {
        this.timers.delete(showId);
        this.dealIds.delete(showId);
        if (!this.store) return this.onExpire(showId, dealId);
        this.store.take(showId, dealId).then(
          (took) => took && this.onExpire(showId, dealId),
          // Redis is away: this node's sockets still learn the deal ended.
          (error: unknown) => {
            this.onStoreError(error);
            this.onExpire(showId, dealId);
          },
        );
      },
      Math.max(0, endsAt.getTime() - Date.now()),
    );
    timer.unref();
    this.timers.set(showId, timer);
    this.dealIds.set(showId, dealId);
    return recorded;
  }

  /**
   * The deal ended early (its cap sold out): cancels its timer and says whether
   * this caller should announce it — always in one process; with several nodes,
   * only if its end was still pending and this caller took it.
   */
  async endEarly(showId: string, dealId: string): Promise<boolean> {
    if (this.dealIds.get(showId) === dealId) this.cancelLocal(showId);
    if (!this.store) return true;
    return this.store.take(showId, dealId).catch((error: unknown) => (this.onStoreError(error), true));
  }

  /** Cancels the show's timer only if it is still this deal's: a newer deal keeps its own. */
  cancelDeal(showId: string, dealId: string): void {
    if (this.dealIds.get(showId) === dealId) this.cancel(showId);
  }

  cancel(showId: string): void {
    this.cancelLocal(showId);
    this.store?.cancel(showId).catch(this.onStoreError);
  }

  close(): void {
    if (this.sweeper) clearInterval(this.sweeper);
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    this.dealIds.clear();
  }

  private expired(showId: string, dealId: string): void {
    if (this.dealIds.get(showId) === dealId) this.cancelLocal(showId);
    this.onExpire(showId, dealId);
  }

  private cancelLocal(showId: string): void {
    clearTimeout(this.timers.get(showId));
    this.timers.delete(showId);
    this.dealIds.delete(showId);
  }
}
