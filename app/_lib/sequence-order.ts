/**
 * Puts a show's numbered broadcasts back in order. With several server nodes two
 * broadcasts numbered at the same moment can arrive swapped (7 before 6): a
 * number that skips ahead is held for `waitMs`, and applied as soon as the
 * missing ones arrive. Only a gap that stays open that long is reported, and the
 * caller takes a fresh snapshot; what was held is handed back for it.
 */
export class SequenceOrder<T extends { seq: number }> {
  private readonly ahead = new Map<number, T>();
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly apply: (item: T) => void,
    private readonly onGap: () => void,
    private readonly waitMs = 300,
  ) {}

  /** Offers a broadcast when `last` is the number last applied. */
  offer(item: T, last: number): void {
    if (item.seq <= last) return; // already reflected
    if (item.seq > last + 1) {
      this.ahead.set(item.seq, item);
      this.timer ??= setTimeout(() => {
        this.timer = null;
        if (this.ahead.size > 0) this.onGap();
      }, this.waitMs);
      return;
    }
    this.apply(item);
    let next = item.seq + 1;
    for (let held = this.ahead.get(next); held; held = this.ahead.get(++next)) {
      this.ahead.delete(next);
      this.apply(held);
    }
    for (const seq of this.ahead.keys()) if (seq < next) this.ahead.delete(seq);
    if (this.ahead.size === 0) this.reset();
  }

  /** Hands back what was held (in order) and forgets it: a snapshot is being taken. */
  drain(): T[] {
    const held = [...this.ahead.values()].sort((x, y) => x.seq - y.seq);
    this.ahead.clear();
    this.reset();
    return held;
  }

  private reset(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
