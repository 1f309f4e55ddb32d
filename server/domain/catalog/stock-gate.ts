import { processSingleton } from '../../process-registry';
/**
 * A per-process admission gate for one-tap buying. It keeps, per variant, the
 * last stock this process saw in the database and the units of taps still being
 * decided, and refuses a tap at once when those leave nothing for it — so in a
 * storm only about as many taps as there are units reach the database.
 *
 * The database stays the authority for selling; the gate only ever refuses, and
 * only on fresh knowledge: a figure older than `freshForMs` is ignored. A restock
 * through `setVariantStock` is honoured at once on this node and within that time
 * on others; during a storm every database answer keeps the figure fresh. A refused tap may have
 * lost to a tap that later fails (a declined card); tapping again then succeeds.
 */
export class StockGate {
  private readonly variants = new Map<string, { stock: number; seenAt: number; inFlight: number }>();

  constructor(
    private readonly freshForMs = 250,
    private readonly now: () => number = () => performance.now(),
    private readonly maxVariants = 10_000,
  ) {}

  /** Reserves `quantity` for a tap, or returns false when the gate knows there is not enough left. */
  admit(variantId: string, quantity: number): boolean {
    const entry = this.variants.get(variantId);
    if (!entry || this.now() - entry.seenAt > this.freshForMs) {
      // Nothing fresh to go on: let the database decide, but count the tap.
      this.variants.set(variantId, { stock: Number.POSITIVE_INFINITY, seenAt: this.now(), inFlight: (entry?.inFlight ?? 0) + quantity });
      this.bound();
      return true;
    }
    if (entry.stock - entry.inFlight < quantity) return false;
    entry.inFlight += quantity;
    return true;
  }

  /** Ends a tap admitted earlier; `stockAfter` is what the database said, when it said. */
  settle(variantId: string, quantity: number, stockAfter: number | null): void {
    const entry = this.variants.get(variantId);
    if (!entry) return;
    entry.inFlight = Math.max(0, entry.inFlight - quantity);
    if (stockAfter !== null) {
      entry.stock = stockAfter;
      entry.seenAt = this.now();
    }
  }

  /** Drops what the gate knows of a variant: call it whenever stock is set, not sold. */
  forget(variantId: string): void {
    const entry = this.variants.get(variantId);
    if (entry) entry.seenAt = Number.NEGATIVE_INFINITY;
  }

  private bound(): void {
    if (this.variants.size <= this.maxVariants) return;
    for (const [variantId, entry] of this.variants) if (entry.inFlight === 0) this.variants.delete(variantId);
  }
}

/**
 * The process's gate, shared by the order flow and whatever sets stock. Kept in
 * the process registry because Next.js bundles its own copy of this module for
 * pages and route handlers: a restock from a page must reach the gate the sockets use.
 */
export const stockGate: StockGate = processSingleton('stock-gate', () => new StockGate());
