import type { Db } from '../context';

export type AnalyticsKind = 'join' | 'leave' | 'tap' | 'bag' | 'reaction';

export interface AnalyticsEvent {
  showId: string;
  kind: AnalyticsKind;
  /** The person (user:<id>, or anon:<socket> for a signed-out viewer); empty for reaction bursts. */
  viewer?: string;
  productId?: string | null;
  variantId?: string | null;
  count?: number;
  at?: Date;
}

export interface AnalyticsWriterOptions {
  flushMs?: number;
  /** A batch this large is written at once instead of waiting for the tick. */
  maxBatch?: number;
  /** Events held while the database is away; beyond it the oldest are dropped (analytics never hold a show up). */
  maxBuffered?: number;
  onError?: (error: unknown, dropped: number) => void;
}

/**
 * Collects the audience's events in memory and writes them as one multi-row INSERT a second
 * (or every `maxBatch` events): a join, a tap or a reaction costs the show a push onto an
 * array, never a round trip. `close()` writes what is left, so a clean shutdown loses nothing;
 * a crash loses at most the last second, which a report can bear.
 */
export class AnalyticsWriter {
  private buffer: Required<AnalyticsEvent>[] = [];
  private readonly timer: NodeJS.Timeout;
  private writing: Promise<void> = Promise.resolve();
  private closed = false;
  private readonly maxBatch: number;
  private readonly maxBuffered: number;

  constructor(
    private readonly db: Db,
    private readonly options: AnalyticsWriterOptions = {},
  ) {
    this.maxBatch = options.maxBatch ?? 500;
    this.maxBuffered = options.maxBuffered ?? 50_000;
    this.timer = setInterval(() => void this.flush(), options.flushMs ?? 1_000);
    this.timer.unref();
  }

  record(event: AnalyticsEvent): void {
    if (this.closed) return;
    this.buffer.push({
      showId: event.showId,
      kind: event.kind,
      viewer: event.viewer ?? '',
      productId: event.productId ?? null,
      variantId: event.variantId ?? null,
      count: event.count ?? 1,
      at: event.at ?? new Date(),
    });
    if (this.buffer.length > this.maxBuffered) this.buffer.splice(0, this.buffer.length - this.maxBuffered);
    if (this.buffer.length >= this.maxBatch) void this.flush();
  }

  /** Writes everything buffered so far; resolves once it is in the database (or given up). */
  flush(): Promise<void> {
    // One write at a time, in order: a slow INSERT is never overtaken by the next.
    this.writing = this.writing.then(() => this.writeAll());
    return this.writing;
  }

  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.timer);
    await this.flush();
  }

  private async writeAll(): Promise<void> {
    while (this.buffer.length > 0) {
      const batch = this.buffer.splice(0, this.maxBatch);
      try {
        await this.db.$executeRaw`
          INSERT INTO "ShowAnalyticsEvent" ("showId", "kind", "viewer", "productId", "variantId", "count", "at")
          SELECT s, k, v, p, va, c, (a::timestamptz AT TIME ZONE 'UTC')::timestamp(3) FROM unnest(
            ${batch.map((e) => e.showId)}::text[], ${batch.map((e) => e.kind)}::text[], ${batch.map((e) => e.viewer)}::text[],
            ${batch.map((e) => e.productId)}::text[], ${batch.map((e) => e.variantId)}::text[],
            ${batch.map((e) => e.count)}::int[], ${batch.map((e) => e.at.toISOString())}::text[]) AS u(s, k, v, p, va, c, a)`;
      } catch (error) {
        this.options.onError?.(error, batch.length);
        return;
      }
    }
  }
}
