import { REACTION_KINDS, type ReactionKind } from './protocol';

type Counts = Partial<Record<ReactionKind, number>>;

/**
 * Adds up reactions per show and flushes them once per tick, so a storm of taps
 * becomes one small broadcast of counts instead of one event per tap.
 */
export class ReactionAggregator {
  private pending = new Map<string, Counts>();
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly flush: (showId: string, counts: Counts) => void,
    tickMs = 250,
  ) {
    this.timer = setInterval(() => this.tick(), tickMs);
    this.timer.unref();
  }

  add(showId: string, kind: ReactionKind, count: number): void {
    const counts = this.pending.get(showId) ?? {};
    counts[kind] = (counts[kind] ?? 0) + count;
    this.pending.set(showId, counts);
  }

  tick(): void {
    const batch = this.pending;
    this.pending = new Map();
    for (const [showId, counts] of batch) this.flush(showId, counts);
  }

  close(): void {
    clearInterval(this.timer);
  }
}

export { REACTION_KINDS };
