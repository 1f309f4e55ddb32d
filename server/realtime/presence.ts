/**
 * Who is watching each show, counted per person (several tabs of one signed-in
 * user count once), with the broadcast throttled so a join storm is a few events.
 * The throttle grows with the audience (2 ms a viewer, up to 5 s): each count is
 * a write to every viewer's socket, and a big room's count need not be exact to
 * the second.
 */
const MS_PER_VIEWER = 2;
const MAX_THROTTLE_MS = 5_000;

export class ShowPresence {
  private readonly watchers = new Map<string, Map<string, number>>();
  private readonly pending = new Map<string, NodeJS.Timeout>();
  // The show's audience since this process first saw it: the most people at once, and everyone who came.
  private readonly peaks = new Map<string, number>();
  private readonly seen = new Map<string, Set<string>>();

  constructor(
    private readonly broadcast: (showId: string, count: number) => void,
    private readonly throttleMs = 1000,
  ) {}

  add(showId: string, personKey: string): number {
    const people = this.watchers.get(showId) ?? new Map<string, number>();
    this.watchers.set(showId, people);
    people.set(personKey, (people.get(personKey) ?? 0) + 1);
    this.peaks.set(showId, Math.max(this.peaks.get(showId) ?? 0, people.size));
    const seen = this.seen.get(showId) ?? new Set<string>();
    seen.add(personKey);
    this.seen.set(showId, seen);
    this.schedule(showId);
    return people.size;
  }

  remove(showId: string, personKey: string): void {
    const people = this.watchers.get(showId);
    const n = people?.get(personKey);
    if (!people || n === undefined) return;
    if (n > 1) people.set(personKey, n - 1);
    else people.delete(personKey);
    if (people.size === 0) this.watchers.delete(showId);
    this.schedule(showId);
  }

  /** Most viewers at once and distinct viewers, as this process saw them. */
  audience(showId: string): { peak: number; unique: number } {
    return { peak: this.peaks.get(showId) ?? 0, unique: this.seen.get(showId)?.size ?? 0 };
  }

  /** Drops a finished show's audience once it has been recorded. */
  forget(showId: string): void {
    this.peaks.delete(showId);
    this.seen.delete(showId);
  }

  count(showId: string): number {
    return this.watchers.get(showId)?.size ?? 0;
  }

  close(): void {
    for (const timer of this.pending.values()) clearTimeout(timer);
    this.pending.clear();
  }

  private schedule(showId: string): void {
    if (this.pending.has(showId)) return;
    const delay = Math.max(this.throttleMs, Math.min(MAX_THROTTLE_MS, this.count(showId) * MS_PER_VIEWER));
    const timer = setTimeout(() => {
      this.pending.delete(showId);
      this.broadcast(showId, this.count(showId));
    }, delay);
    timer.unref();
    this.pending.set(showId, timer);
  }
}
