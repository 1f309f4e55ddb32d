import type { Logger } from 'pino';
import { claimedHere, PollLoop } from './poll-loop';
import type { Db } from '../domain/context';
import { stockCardUpdates } from '../domain/events';
import { pruneShowAnnouncements, readShowAnnouncements, saleFacts, type SaleFacts } from '../domain/orders';
import type { ShowBroadcaster } from './broadcaster';
import type { PurchaseFeed } from './purchase-feed';
import type { SharedRelay } from './stock-relay';

/** Where a relayed sale goes: the show's feed, and the host's sales list. */
export interface SaleOutlets {
  purchases: PurchaseFeed;
  /** The host's `sale:made` (the staff room), worded as the bag's sale is. */
  saleMade(showId: string, sale: SaleFacts): void;
}

// Every ~minute of polls, rows past any use are deleted (by whichever node gets there).
const PRUNE_EVERY = 120;

/**
 * Reads the sales and stock changes made off the sockets (server/domain/orders/order-announcements.ts)
 * and announces them as the one-tap and bag paths do: a sale joins the coalesced "just bought" feed
 * and lowers the stock and deal figures, a stock change sends each live show featuring the variant its
 * stock as it is now. Polled like the stock relay, for the same reasons (the row is the truth, every
 * node reads it); with several nodes only the node that claims a row announces it.
 */
export class SaleRelay {
  private seen: Set<string> | null = null;
  private readonly loop: PollLoop;
  private polls = 0;

  constructor(
    private readonly db: Db,
    private readonly broadcaster: ShowBroadcaster,
    private readonly outlets: SaleOutlets,
    log: Logger,
    intervalMs = 500,
    private readonly shared: SharedRelay | null = null,
  ) {
    this.loop = new PollLoop(() => this.poll(), intervalMs, log, 'sale relay: announcements read failed; retrying');
  }

  async poll(): Promise<void> {
    if (++this.polls % PRUNE_EVERY === 0) await pruneShowAnnouncements(this.db);
    const rows = await readShowAnnouncements(this.db);
    // The first read only learns what is already there: those were announced before this node started.
    const fresh = this.seen ? rows.filter((r) => !this.seen!.has(r.id)) : [];
    this.seen = new Set(rows.map((r) => r.id));
    const mine = this.shared ? await claimedHere(this.shared.claims, fresh, (e) => `announcement:${e.id}`) : fresh;
    const stockVariants: string[] = [];
    for (const row of mine) {
      if (row.kind === 'STOCK') stockVariants.push(...row.variantIds);
      else if (row.orderId) await this.announceSale(row.orderId);
    }
    for (const update of await stockCardUpdates(this.db, stockVariants)) {
      // Units given back outrank the purchase feed's "lowest lately" figure.
      await this.shared?.floor.reset(update.variantId, update.stock).catch(() => undefined);
      this.broadcaster.emit(update.showId, 'stock:changed', update);
    }
  }

  private async announceSale(orderId: string): Promise<void> {
    const sale = await saleFacts(this.db, orderId);
    if (!sale) return;
    const [first, ...rest] = sale.lines;
    if (!first) return;
    const { purchases } = this.outlets;
    purchases.record(sale.showId, {
      productId: first.productId,
      variantId: first.variantId,
      stockAfter: first.stock,
      buyerName: sale.buyerName,
      productTitle: first.productTitle,
      ...(sale.lines.length > 1 ? { moreProducts: sale.lines.length - 1 } : {}),
      quantity: sale.lines.reduce((n, l) => n + l.quantity, 0),
      deal: first.deal,
    });
    for (const line of rest) {
      purchases.recordStock(sale.showId, { productId: line.productId, variantId: line.variantId, stock: line.stock });
      if (line.deal) purchases.recordDeal(sale.showId, line.deal);
    }
    this.outlets.saleMade(sale.showId, sale);
  }

  close(): void {
    this.loop.close();
  }
}
