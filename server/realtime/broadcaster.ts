import type { ShowServer } from './handler';
import { showRoom, type SequencedEvents } from './protocol';

type EventName = keyof SequencedEvents;
type Payload<E extends EventName> = Omit<Parameters<SequencedEvents[E]>[0], 'seq'>;

/**
 * Every broadcast to a show's room carries the show's next sequence number, so a
 * client that sees a gap knows it missed something and asks for a fresh snapshot.
 * Counters live in this process: with several nodes a shared counter (Redis INCR)
 * takes their place.
 */
export class ShowBroadcaster {
  private readonly sequences = new Map<string, number>();

  constructor(private readonly io: ShowServer) {}

  /** The last sequence number sent for the show (0 before the first). */
  current(showId: string): number {
    return this.sequences.get(showId) ?? 0;
  }

  emit<E extends EventName>(showId: string, event: E, payload: Payload<E>): void {
    const seq = this.current(showId) + 1;
    this.sequences.set(showId, seq);
    const emit = this.io.to(showRoom(showId)).emit as unknown as (e: string, p: unknown) => void;
    emit.call(this.io.to(showRoom(showId)), event, { ...payload, seq });
  }
}
