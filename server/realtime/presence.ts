/**
 * Who is watching each show, counted per person (several tabs of one signed-in
 * user count once), with the broadcast throttled so a join storm is a few events.
 * The throttle grows with the audience (2 ms a viewer, up to 5 s): each count is
 * a write to every viewer's socket, and a big room's count need not be exact to
 * the second.
 */
const MS_PER_VIEWER = 2;
const MAX_THROTTLE_MS = 5_000;

/**
 * Viewer counts across nodes (multi-node mode, cluster/presence-tally.ts). Each
 * node publishes its own count, which expires unless refreshed, so a node that
 * dies stops being counted; one node per show (the announcer) broadcasts the sum.
 */
export interface PresenceTally {
  /** Publishes this node's count; resolves with the sum over live nodes and whether this node announces it. */
  publish(showId: string, localCount: number): Promise<{ total: number; announcer: boolean }>;
  seen(showId: string, personKey: string): Promise<void>;
  audience(showId: string): Promise<{ peak: number; unique: number }>;
  forget(showId: string): Promise<void>;
}

export class ShowPresence {
  private readonly watchers = new Map<string, Map<string, number>>();
  private readonly pending = new Map<string, NodeJS.Timeout>();
  // The show's audience since this process first saw it: the most people at once, and everyone who came.
  private readonly peaks = new Map<string, number>();
  private readonly seen = new Map<string, Set<string>>();
  // Multi-node mode: the last sum heard (with this node's share of it) and the last sum this node announced.
  private readonly totals = new Map<string, { total: number; local: number }>();
  private readonly announced = new Map<string, number>();
  private readonly heartbeat: NodeJS.Timeout | null = null;
  /** Hears a person arrive (their first tab) and go (their last tab), for the show's analytics. */
  onPerson: ((showId: string, personKey: string, kind: 'join' | 'leave') => void) | null = null;

  constructor(
    private readonly broadcast: (showId: string, count: number) => void,
    private readonly throttleMs = 1000,
    private readonly tally: PresenceTally | null = null,
    heartbeatMs = 2_000,
  ) {
    if (!tally) return;
    // Refreshes this node's counts before they expire, and lets the announcer notice other nodes' changes and deaths.
    this.heartbeat = setInterval(() => {
      for (const showId of new Set([...this.watchers.keys(), ...this.totals.keys()])) if (!this.pending.has(showId)) this.sync(showId);
    }, heartbeatMs);
    this.heartbeat.unref();
  }

  add(showId: string, personKey: string): number {
    const people = this.watchers.get(showId) ?? new Map<string, number>();
    this.watchers.set(showId, people);
    const tabs = people.get(personKey) ?? 0;
    people.set(personKey, tabs + 1);
    if (tabs === 0) this.onPerson?.(showId, personKey, 'join');
    this.peaks.set(showId, Math.max(this.peaks.get(showId) ?? 0, people.size));
    const seen = this.seen.get(showId) ?? new Set<string>();
    seen.add(personKey);
    this.seen.set(showId, seen);
    this.tally?.seen(showId, personKey).catch(() => undefined);
    this.schedule(showId);
    return people.size;
  }

  remove(showId: string, personKey: string): void {
    const people = this.watchers.get(showId);
    const n = people?.get(personKey);
    if (!people || n === undefined) return;
    if (n > 1) people.set(personKey, n - 1);
    else {
      people.delete(personKey);
      this.onPerson?.(showId, personKey, 'leave');
    }
    if (people.size === 0) this.watchers.delete(showId);
    this.schedule(showId);
  }

  /** Most viewers at once and distinct viewers, as this process saw them. */
  audience(showId: string): { peak: number; unique: number } {
    return { peak: this.peaks.get(showId) ?? 0, unique: this.seen.get(showId)?.size ?? 0 };
  }

  /** The audience over every node (multi-node mode), or this process's. */
  async audienceEverywhere(showId: string): Promise<{ peak: number; unique: number }> {
    const own = this.audience(showId);
    if (!this.tally) return own;
    const shared = await this.tally.audience(showId).catch(() => own);
    return { peak: Math.max(own.peak, shared.peak), unique: Math.max(own.unique, shared.unique) };
  }

  /** Drops a finished show's audience once it has been recorded. */
  forget(showId: string): void {
    this.peaks.delete(showId);
    this.seen.delete(showId);
    this.tally?.forget(showId).catch(() => undefined);
  }

  /** People watching on this node. */
  count(showId: string): number {
    return this.watchers.get(showId)?.size ?? 0;
  }

  /** People watching on every node: the last sum heard, corrected by this node's changes since. */
  viewerCount(showId: string): number {
    const known = this.totals.get(showId);
    return known ? Math.max(0, known.total - known.local + this.count(showId)) : this.count(showId);
  }

  close(): void {
    if (this.heartbeat) clearInterval(this.heartbeat);
    for (const timer of this.pending.values()) clearTimeout(timer);
    this.pending.clear();
  }

  /** Publishes this node's count; the announcer broadcasts a changed sum. Without Redis, this node's own count. */
  private sync(showId: string): void {
    const local = this.count(showId);
    this.tally!.publish(showId, local).then(
      ({ total, announcer }) => {
        if (local === 0 && !this.watchers.has(showId)) this.totals.delete(showId);
        else this.totals.set(showId, { total, local });
        this.announceIfChanged(showId, announcer ? total : null);
      },
      // Redis is away: this node's sockets hear this node's count.
      () => this.announceIfChanged(showId, local),
    );
  }

  private announceIfChanged(showId: string, total: number | null): void {
    // Not the announcer: forget what was announced, so announcing again later is not suppressed by an old figure.
    if (total === null) return void this.announced.delete(showId);
    if (this.announced.get(showId) === total) return;
    this.announced.set(showId, total);
    this.broadcast(showId, total);
  }

  private schedule(showId: string): void {
    if (this.pending.has(showId)) return;
    const delay = Math.max(this.throttleMs, Math.min(MAX_THROTTLE_MS, this.count(showId) * MS_PER_VIEWER));
    const timer = setTimeout(() => {
      this.pending.delete(showId);
      if (this.tally) this.sync(showId);
      else this.broadcast(showId, this.count(showId));
    }, delay);
    timer.unref();
    this.pending.set(showId, timer);
  }
}
