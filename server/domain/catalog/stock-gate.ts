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
interface GateEntry {
  stock: number;
  seenAt: number;
  inFlight: number;
  /** The tap that went to the database without fresh knowledge: later taps wait for its answer (decided). */
  probe: { settled: Promise<void>; release: () => void } | null;
}

export class StockGate {
  private readonly variants = new Map<string, GateEntry>();

  constructor(
    private readonly freshForMs = 250,
    private readonly now: () => number = () => performance.now(),
    private readonly maxVariants = 10_000,
  ) {}

  /**
   * While a tap admitted without fresh knowledge is still at the database, the promise of its answer:
   * a storm's first tap asks, the rest wait one round trip and are then admitted or refused on what it
   * learnt, instead of all reaching the database on a guess (issue 14: a refused tap then costs nothing).
   */
  decided(variantId: string): Promise<void> | undefined {
    return this.variants.get(variantId)?.probe?.settled;
  }

  /** Reserves `quantity` for a tap, or returns false when the gate knows there is not enough left. */
  admit(variantId: string, quantity: number): boolean {
    const entry = this.variants.get(variantId);
    if (!entry || this.now() - entry.seenAt > this.freshForMs) {
      // Nothing fresh to go on: let the database decide, but count the tap. The next taps wait for
      // this one's answer only when the last figure left nothing for them (or there is none): while
      // units were left they go on to the database, not to the back of its queue after this answer.
      entry?.probe?.release();
      const short = !entry || entry.stock - entry.inFlight < quantity;
      let release = () => {};
      const settled = short ? new Promise<void>((resolve) => (release = resolve)) : null;
      this.variants.set(variantId, {
        stock: Number.POSITIVE_INFINITY,
        seenAt: this.now(),
        inFlight: (entry?.inFlight ?? 0) + quantity,
        probe: settled ? { settled, release } : null,
      });
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
    // Any answer ends the wait: with a figure the waiters are judged on it; without one (a failed
    // payment) they find the same unknown stock the probe had, and go to the database as it did.
    entry.probe?.release();
    entry.probe = null;
  }

  /** Drops what the gate knows of a variant: call it whenever stock is set, not sold. */
  forget(variantId: string): void {
    const entry = this.variants.get(variantId);
    if (entry) entry.seenAt = Number.NEGATIVE_INFINITY;
  }

  private bound(): void {
    if (this.variants.size <= this.maxVariants) return;
    for (const [variantId, entry] of this.variants) if (entry.inFlight === 0 && !entry.probe) this.variants.delete(variantId);
  }
}

/**
 * The process's gate, shared by the order flow and whatever sets stock. Kept in
 * the process registry because Next.js bundles its own copy of this module for
 * pages and route handlers: a restock from a page must reach the gate the sockets use.
 */
export const stockGate: StockGate = processSingleton('stock-gate', () => new StockGate());
