import type { ShowServer } from './handler';
import { showRoom, type SequencedEvents } from './protocol';

type EventName = keyof SequencedEvents;
type Payload<E extends EventName> = Omit<Parameters<SequencedEvents[E]>[0], 'seq'>;

/** One sequence space per show shared by every node (multi-node mode: Redis INCR, cluster/sequences.ts). */
export interface SharedSequences {
  /** The show's next number, never at or below `floor` (the highest this node has used). */
  next(showId: string, floor: number): Promise<number>;
  current(showId: string): Promise<number>;
  /** Lifts the show's counter to at least `floor`. */
  raise(showId: string, floor: number): Promise<void>;
}

/**
 * Every broadcast to a show's room carries the show's next sequence number, so a
 * client that sees a gap knows it missed something and asks for a fresh snapshot.
 *
 * In one process the counter is a Map. With several nodes it is one Redis counter
 * per show: each broadcast waits for its number, and this node's broadcasts for a
 * show leave in the order of their numbers (one connection answers in order, and
 * each waits for the one before). Two nodes numbering at the same moment can
 * still reach the stream in the other order; a client then sees 7 before 6, takes
 * 7 as a gap and joins again for a snapshot (6 arrives later and is ignored).
 * While Redis is away a node numbers on from its own highest and reaches its own
 * sockets only; when Redis is back it lifts the shared counter past that, so
 * those clients see a gap and take a snapshot of what other nodes said meanwhile.
 */
export class ShowBroadcaster {
  private readonly sequences = new Map<string, number>();
  private readonly tails = new Map<string, Promise<void>>();
  // Shows this node numbered alone while Redis was away.
  private readonly alone = new Set<string>();

  constructor(
    private readonly io: ShowServer,
    private readonly shared: SharedSequences | null = null,
  ) {}

  /** The last sequence number sent for the show (0 before the first). */
  async current(showId: string): Promise<number> {
    const local = this.sequences.get(showId) ?? 0;
    if (!this.shared) return local;
    return Math.max(local, await this.shared.current(showId).catch(() => local));
  }

  emit<E extends EventName>(showId: string, event: E, payload: Payload<E>): void {
    if (!this.shared) {
      const seq = (this.sequences.get(showId) ?? 0) + 1;
      this.send(showId, event, { ...payload, seq }, false);
      return;
    }
    const numbered = this.shared.next(showId, this.sequences.get(showId) ?? 0).then(
      (seq) => ({ seq, alone: false }),
      () => ({ seq: 0, alone: true }),
    );
    const previous = this.tails.get(showId) ?? Promise.resolve();
    const tail = previous
      .then(() => numbered)
      .then(({ seq, alone }) => {
        if (alone) this.alone.add(showId);
        this.send(showId, event, { ...payload, seq: alone ? (this.sequences.get(showId) ?? 0) + 1 : seq }, alone);
      });
    this.tails.set(showId, tail);
    void tail.then(() => {
      if (this.tails.get(showId) === tail) this.tails.delete(showId);
    });
  }

  /** Redis is back: lift each counter numbered alone past what this node sent, so its clients see the gap. */
  async rejoin(): Promise<void> {
    if (!this.shared) return;
    const shows = [...this.alone];
    this.alone.clear();
    await Promise.all(
      shows.map((showId) => this.shared!.raise(showId, (this.sequences.get(showId) ?? 0) + 1).catch(() => this.alone.add(showId))),
    );
  }

  private send(showId: string, event: EventName, payload: { seq: number }, localOnly: boolean): void {
    this.sequences.set(showId, Math.max(this.sequences.get(showId) ?? 0, payload.seq));
    const target = localOnly ? this.io.local.to(showRoom(showId)) : this.io.to(showRoom(showId));
    const emit = target.emit as unknown as (e: string, p: unknown) => void;
    emit.call(target, event, payload);
  }
}
