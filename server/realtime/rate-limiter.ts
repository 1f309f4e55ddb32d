/** A token bucket: `capacity` events at once, refilled at `perSecond`. */
export class TokenBucket {
  private tokens: number;
  private updatedAt: number;

  constructor(
    private readonly capacity: number,
    private readonly perSecond: number,
    private readonly now: () => number = Date.now,
  ) {
    this.tokens = capacity;
    this.updatedAt = now();
  }

  take(): boolean {
    const t = this.now();
    this.tokens = Math.min(this.capacity, this.tokens + ((t - this.updatedAt) / 1000) * this.perSecond);
    this.updatedAt = t;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}

/** A per-person budget: this process's buckets, or (multi-node mode) one in Redis shared by every node. */
export interface ChatBudget {
  take(person: string): boolean | Promise<boolean>;
  close(): void;
}

/**
 * One token bucket per user, shared by all their tabs, so opening ten tabs does
 * not multiply a limit. Idle buckets are swept so memory stays bounded.
 */
export class UserRateLimiter implements ChatBudget {
  private readonly buckets = new Map<string, { bucket: TokenBucket; usedAt: number }>();
  private readonly sweeper: NodeJS.Timeout;

  constructor(
    private readonly capacity: number,
    private readonly perSecond: number,
    private readonly now: () => number = Date.now,
  ) {
    this.sweeper = setInterval(() => this.sweep(), 60_000);
    this.sweeper.unref();
  }

  take(userId: string): boolean {
    let entry = this.buckets.get(userId);
    if (!entry) {
      entry = { bucket: new TokenBucket(this.capacity, this.perSecond, this.now), usedAt: 0 };
      this.buckets.set(userId, entry);
    }
    entry.usedAt = this.now();
    return entry.bucket.take();
  }

  /** A bucket idle long enough to have refilled is the same as no bucket. */
  sweep(): void {
    const refillMs = (this.capacity / this.perSecond) * 1000;
    for (const [userId, entry] of this.buckets) if (this.now() - entry.usedAt > refillMs) this.buckets.delete(userId);
  }

  get size(): number {
    return this.buckets.size;
  }

  close(): void {
    clearInterval(this.sweeper);
  }
}
