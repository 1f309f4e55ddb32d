import { processSingleton, setProcessValue } from '../process-registry';
// Per-key token buckets for the public API: a burst of `capacity` requests, then
// `perMinute` a minute. The socket limiter's TokenBucket answers only yes or no;
// API clients also need the figures for the RateLimit-* headers and Retry-After,
// so this keeps its own small bucket arithmetic.
//
// In memory, per process: with several nodes each allows the full rate, which is
// acceptable for a fairness limit (it is not a billing quota).

export interface RateLimitDecision {
  allowed: boolean;
  /** The burst size (RateLimit-Limit). */
  limit: number;
  /** Whole requests left right now (RateLimit-Remaining). */
  remaining: number;
  /** Seconds until the bucket is full again (RateLimit-Reset). */
  resetSeconds: number;
  /** Seconds until the next request would be allowed; 0 when allowed (Retry-After). */
  retryAfterSeconds: number;
}

export class ApiRateLimiter {
  private readonly buckets = new Map<string, { tokens: number; updatedAt: number }>();
  private readonly perMs: number;

  constructor(
    readonly capacity = 30,
    readonly perMinute = 120,
    private readonly now: () => number = Date.now,
    private readonly maxKeys = 100_000,
  ) {
    this.perMs = perMinute / 60_000;
  }

  /** The RateLimit-Policy header value: the sustained rate per window, with the burst. */
  get policy(): string {
    return `${this.perMinute};w=60;burst=${this.capacity}`;
  }

  take(key: string): RateLimitDecision {
    const t = this.now();
    const bucket = this.buckets.get(key) ?? { tokens: this.capacity, updatedAt: t };
    bucket.tokens = Math.min(this.capacity, bucket.tokens + (t - bucket.updatedAt) * this.perMs);
    bucket.updatedAt = t;
    const allowed = bucket.tokens >= 1;
    if (allowed) bucket.tokens -= 1;
    this.buckets.delete(key);
    this.buckets.set(key, bucket);
    this.bound();
    return {
      allowed,
      limit: this.capacity,
      remaining: Math.floor(bucket.tokens),
      resetSeconds: Math.ceil((this.capacity - bucket.tokens) / this.perMs / 1000),
      retryAfterSeconds: allowed ? 0 : Math.max(1, Math.ceil((1 - bucket.tokens) / this.perMs / 1000)),
    };
  }

  // Maps iterate in insertion order and take() re-inserts, so the first keys are the least recently used.
  private bound(): void {
    for (const key of this.buckets.keys()) {
      if (this.buckets.size <= this.maxKeys) return;
      this.buckets.delete(key);
    }
  }
}

// In the process registry: Next.js bundles its own copy of this module for route handlers.
const LIMITER = 'api-rate-limiter';

export function apiRateLimiter(): ApiRateLimiter {
  return processSingleton(LIMITER, () => new ApiRateLimiter());
}

/** Replaces the process's limiter (tests use one with a frozen clock). */
export function setApiRateLimiter(limiter: ApiRateLimiter | undefined): void {
  setProcessValue(LIMITER, limiter);
}
