import type { Logger } from 'pino';
import { claimedHere, PollLoop } from './poll-loop';
import type { Db } from '../domain/context';
import { readRecentStockEvents, stockCardUpdates } from '../domain/events';
import type { ShowBroadcaster } from './broadcaster';
import type { StockFloor } from './purchase-feed';

/** Multi-node mode: which node announces an outbox event (cluster/stock-order.ts). */
export interface RelayClaims {
  claim(eventId: string): Promise<boolean>;
}

/** What a several-node relay needs besides the outbox. */
export interface SharedRelay {
  claims: RelayClaims;
  floor: StockFloor;
}

/**
 * Subscriber of the outbox's `stock.changed` events: turns each into a
 * `stock:changed` broadcast to the live shows featuring the product, so a
 * restock made anywhere (dashboard, CSV import, API, a refund) reaches the
 * viewers' cards. It polls the outbox rather than listening to an in-process
 * bus: the row is the source of truth, it exists only if the change committed,
 * and every node reads it, so each node tells its own sockets whichever node
 * (or server action) made the change. Purchases are not relayed here; the
 * purchase feed already broadcasts them as they happen.
 *
 * With several nodes (one room space through Redis) every node still reads the
 * outbox, but only the node that claims an event announces it, so viewers are told
 * once and a dead node's share is taken by the others.
 */
export class StockRelay {
  /** Events already handled that are still inside the outbox window; the first read only fills it. */
  private seen: Set<string> | null = null;
  private readonly loop: PollLoop;

  constructor(
    private readonly db: Db,
    private readonly broadcaster: ShowBroadcaster,
    log: Logger,
    intervalMs = 500,
    private readonly shared: SharedRelay | null = null,
  ) {
    this.loop = new PollLoop(() => this.poll(), intervalMs, log, 'stock relay: outbox read failed; retrying');
  }

  /** One pass over the outbox; exposed so a test or a caller can run it without waiting. */
  async poll(): Promise<void> {
    const events = await readRecentStockEvents(this.db);
    const fresh = this.seen ? events.filter((e) => !this.seen!.has(e.id)) : [];
    // Ids that left the window cannot come back: the set never grows past it.
    this.seen = new Set(events.map((e) => e.id));
    const mine = this.shared ? await claimedHere(this.shared.claims, fresh) : fresh;
    if (mine.length === 0) return;
    for (const update of await stockCardUpdates(
      this.db,
      mine.map((e) => e.variantId),
    )) {
      // A restock outranks the purchase feed's "lowest lately" figure.
      await this.shared?.floor.reset(update.variantId, update.stock).catch(() => undefined);
      this.broadcaster.emit(update.showId, 'stock:changed', update);
    }
  }

  close(): void {
    this.loop.close();
  }
}
