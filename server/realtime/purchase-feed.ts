import type { ShowBroadcaster } from './broadcaster';

interface PendingShow {
  stock: Map<string, { productId: string; stock: number }>;
  deals: Map<string, number>;
  firstBuyer: { buyerName: string; productTitle: string; moreProducts?: number; quantity: number } | null;
  buyers: number;
}

export interface PurchaseFact {
  productId: string;
  variantId: string;
  stockAfter: number;
  buyerName: string;
  productTitle: string;
  /** Other products bought in the same order (a bag), worded by each page in its language. */
  moreProducts?: number;
  quantity: number;
  deal: { id: string; soldCount: number } | null;
}

/**
 * Coalesces what a burst of purchases tells the room. Every purchase would
 * otherwise be two or three broadcasts to every viewer: 1,000 purchases in front
 * of 1,000 viewers is millions of deliveries. Per tick each show gets at most
 * one stock update per variant (the lowest stock seen: purchases only lower it),
 * one deal update per deal (the highest count), and one "just bought" naming
 * the first buyer and counting the others.
 *
 * A show's batches are also paced by its audience: each batch is a write to every
 * viewer's socket, and on these machines the system call per write is what a
 * purchase storm spends most of its CPU on (issue 14's profile). A show gets at
 * most one batch per `MS_PER_VIEWER` × viewers (at least every tick, at most
 * `MAX_INTERVAL_MS` apart): 200 viewers see a batch every 200 ms, 1,000 every
 * second. Nothing is dropped: what arrives meanwhile joins the next batch.
 */
export const MS_PER_VIEWER = 1;
export const MAX_INTERVAL_MS = 2_000;

/** Multi-node mode: the lowest stock any node reported lately (cluster/stock-order.ts). */
export interface StockFloor {
  lowest(variantId: string, stock: number): Promise<number>;
  reset(variantId: string, stock: number): Promise<void>;
}

export interface FeedPacing {
  /** Sockets in the show's room. */
  audience(showId: string): number;
  now?: () => number;
}

export class PurchaseFeed {
  private pending = new Map<string, PendingShow>();
  private readonly lastSent = new Map<string, number>();
  // Deal counts to check every tick, paced or not: a capped deal's end must not wait for a big room's next batch.
  private dealChecks = new Map<string, Map<string, number>>();
  private readonly timer: NodeJS.Timeout;
  private readonly now: () => number;

  /**
   * `onDealCount` hears each deal update once per tick (not once per order), so
   * a check against the database, such as "has the cap sold out?", costs at
   * most one read per deal per tick however many units sold.
   */
  constructor(
    private readonly broadcaster: ShowBroadcaster,
    private readonly tickMs = 200,
    private readonly onDealCount: (showId: string, dealId: string, soldCount: number) => void = () => undefined,
    private readonly pacing: FeedPacing | null = null,
    private readonly floor: StockFloor | null = null,
  ) {
    this.now = pacing?.now ?? (() => performance.now());
    this.timer = setInterval(() => this.tick(), tickMs);
    this.timer.unref();
  }

  record(showId: string, fact: PurchaseFact): void {
    const show = this.showOf(showId);
    const known = show.stock.get(fact.variantId);
    if (!known || fact.stockAfter < known.stock) show.stock.set(fact.variantId, { productId: fact.productId, stock: fact.stockAfter });
    if (fact.deal) {
      show.deals.set(fact.deal.id, Math.max(show.deals.get(fact.deal.id) ?? 0, fact.deal.soldCount));
      this.checkDeal(showId, fact.deal.id, fact.deal.soldCount);
    }
    // moreProducts only for a bag of several products: a one-tap purchase's event stays as small as before.
    show.firstBuyer ??= {
      buyerName: fact.buyerName,
      productTitle: fact.productTitle,
      quantity: fact.quantity,
      ...(fact.moreProducts ? { moreProducts: fact.moreProducts } : {}),
    };
    show.buyers++;
  }

  /** A stock change without a new buyer: the other lines of a bag whose buyer `record` already counted. */
  recordStock(showId: string, change: { productId: string; variantId: string; stock: number }): void {
    const show = this.showOf(showId);
    const known = show.stock.get(change.variantId);
    if (!known || change.stock < known.stock) show.stock.set(change.variantId, { productId: change.productId, stock: change.stock });
  }

  /** Units a bag bought at a flash deal: the deal banner's count, without a new buyer. */
  recordDeal(showId: string, deal: { id: string; soldCount: number }): void {
    const show = this.showOf(showId);
    show.deals.set(deal.id, Math.max(show.deals.get(deal.id) ?? 0, deal.soldCount));
    this.checkDeal(showId, deal.id, deal.soldCount);
  }

  private checkDeal(showId: string, dealId: string, soldCount: number): void {
    const deals = this.dealChecks.get(showId) ?? new Map<string, number>();
    this.dealChecks.set(showId, deals);
    deals.set(dealId, Math.max(deals.get(dealId) ?? 0, soldCount));
  }

  private showOf(showId: string): PendingShow {
    let show = this.pending.get(showId);
    if (!show) {
      show = { stock: new Map(), deals: new Map(), firstBuyer: null, buyers: 0 };
      this.pending.set(showId, show);
    }
    return show;
  }

  tick(): void {
    const checks = this.dealChecks;
    this.dealChecks = new Map();
    for (const [showId, deals] of checks) for (const [dealId, soldCount] of deals) this.onDealCount(showId, dealId, soldCount);
    const now = this.now();
    for (const [showId, show] of this.pending) {
      if (this.pacing) {
        const interval = Math.min(MAX_INTERVAL_MS, Math.max(this.tickMs, this.pacing.audience(showId) * MS_PER_VIEWER));
        // Held back: stays pending, and later purchases join it.
        if (now - (this.lastSent.get(showId) ?? Number.NEGATIVE_INFINITY) < interval) continue;
        this.lastSent.set(showId, now);
      }
      this.pending.delete(showId);
      for (const [variantId, { productId, stock }] of show.stock) {
        if (!this.floor) this.broadcaster.emit(showId, 'stock:changed', { showId, productId, variantId, stock });
        else
          void this.floor.lowest(variantId, stock).then(
            (lowest) => this.broadcaster.emit(showId, 'stock:changed', { showId, productId, variantId, stock: lowest }),
            () => this.broadcaster.emit(showId, 'stock:changed', { showId, productId, variantId, stock }),
          );
      }
      for (const [dealId, soldCount] of show.deals) this.broadcaster.emit(showId, 'deal:updated', { showId, dealId, soldCount });
      if (show.firstBuyer) this.broadcaster.emit(showId, 'order:justBought', { showId, ...show.firstBuyer, others: show.buyers - 1 });
    }
  }

  close(): void {
    clearInterval(this.timer);
  }
}
