/**
 * Latency-fair overlays (issue 16 item 4; docs/architecture.md, "Latency-fair overlays"). A broadcast
 * tied to what the host says carries `at`, the server's epoch ms of the moment it happened; the viewer
 * applies it when its own playout (a PlayoutClock) reaches that moment. A WebRTC viewer's clock is the
 * server's now, so it applies at once; an HLS viewer's is the program date time of the frame on screen,
 * seconds behind, so the pin appears with the picture of the pin.
 *
 * Events are kept in lanes, one per overlay (the pin, the deal, the poll…). Within a lane the show's
 * order holds: an event waits behind those before it even when its own moment has passed (a deal's
 * sold count never lands before the deal it counts), and untimed events of a lane (sold counts, poll
 * results, bids) keep their place behind a held one. Lanes do not wait for each other, and events
 * outside every lane (chat, stock, viewers) never wait.
 */
import type { SequencedEvents } from '@/server/realtime/protocol';
import type { PlayoutClock } from './playout-clock';

export { realtimePlayoutClock } from './realtime-playout-clock';

export type OverlayLane = 'pin' | 'deal' | 'poll' | 'giveaway' | 'auction' | 'question';
type Route = { lane: OverlayLane; urgent?: true };

/**
 * Which lane each broadcast waits in. A deal's end is urgent: it closes a buying window on the server at
 * its moment, so every viewer's card drops the deal price then, whatever its picture shows (a price on
 * screen the server would refuse is worse than an end heard a few seconds early).
 */
export const OVERLAY_ROUTES: Partial<Record<keyof SequencedEvents, Route>> = {
  'product:pinned': { lane: 'pin' },
  'product:unpinned': { lane: 'pin' },
  'deal:started': { lane: 'deal' },
  'deal:updated': { lane: 'deal' },
  'deal:ended': { lane: 'deal', urgent: true },
  'poll:started': { lane: 'poll' },
  'poll:results': { lane: 'poll' },
  'poll:closed': { lane: 'poll' },
  'giveaway:started': { lane: 'giveaway' },
  'giveaway:entries': { lane: 'giveaway' },
  'giveaway:drawn': { lane: 'giveaway' },
  'auction:started': { lane: 'auction' },
  'auction:bid': { lane: 'auction' },
  'auction:extended': { lane: 'auction' },
  'auction:ended': { lane: 'auction' },
  'question:answering': { lane: 'question' },
  'question:answered': { lane: 'question' },
};

/** The server moment a broadcast carries, or null for one that is not tied to a moment of the show. */
export function momentOf(payload: object): number | null {
  const at = (payload as { at?: unknown }).at;
  return typeof at === 'number' && Number.isFinite(at) ? at : null;
}

export interface ScheduleTimers {
  set(run: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}
const browserTimers: ScheduleTimers = {
  set: (run, ms) => setTimeout(run, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

interface Held {
  at: number | null;
  order: number;
  apply: () => void;
}

// A playout that stalls (buffering) advances slower than the wall: held events are looked at again at
// least this often, besides the clock's own jump notices.
const RECHECK_MS = 500;

export class OverlaySchedule {
  private readonly lanes = new Map<OverlayLane, Held[]>();
  private arrivals = 0;
  private timer: unknown = null;
  private unsubscribe: () => void;

  constructor(
    private clock: PlayoutClock,
    private readonly timers: ScheduleTimers = browserTimers,
  ) {
    this.unsubscribe = clock.subscribe(() => this.release());
  }

  /** Routes one broadcast: through its lane when it has one, else applied at once. */
  route(event: keyof SequencedEvents, payload: object, apply: () => void): void {
    const route = OVERLAY_ROUTES[event];
    if (!route) return apply();
    this.offer(route.lane, momentOf(payload), apply, { urgent: route.urgent ?? false });
  }

  /**
   * `at`: the server moment (null: untimed, it only keeps its place in the lane). `urgent`: applied at
   * once, with everything held before it in its lane, in order.
   */
  offer(lane: OverlayLane, at: number | null, apply: () => void, { urgent = false } = {}): void {
    const queue = this.lanes.get(lane) ?? [];
    queue.push({ at, order: this.arrivals++, apply });
    this.lanes.set(lane, queue);
    if (urgent) {
      this.lanes.delete(lane);
      for (const held of queue) held.apply();
    }
    this.release();
  }

  /** The viewer's picture now comes from another path (WebRTC → HLS, say): held events are judged by its clock. */
  setClock(clock: PlayoutClock): void {
    if (clock === this.clock) return;
    this.unsubscribe();
    this.clock = clock;
    this.unsubscribe = clock.subscribe(() => this.release());
    this.release();
  }

  /** Forgets what is held: a fresh snapshot reflects all of it. */
  reset(): void {
    this.lanes.clear();
    this.stopTimer();
  }

  /** Events waiting for the playout. */
  get held(): number {
    let count = 0;
    for (const queue of this.lanes.values()) count += queue.length;
    return count;
  }

  close(): void {
    this.reset();
    this.unsubscribe();
  }

  /**
   * Applies, in arrival order, every lane head whose moment the playout has reached. A playout that
   * jumps back (a seek) un-applies nothing: what was shown stays until the next event replaces it.
   */
  private release(): void {
    this.stopTimer();
    const playout = this.clock.playoutServerMs();
    for (;;) {
      let due: [OverlayLane, Held] | null = null;
      for (const [lane, queue] of this.lanes) {
        const head = queue[0];
        if (!head || (head.at !== null && (playout === null || head.at > playout))) continue;
        if (!due || head.order < due[1].order) due = [lane, head];
      }
      if (!due) break;
      const [lane, head] = due;
      const queue = this.lanes.get(lane)!;
      queue.shift();
      if (queue.length === 0) this.lanes.delete(lane);
      head.apply();
    }
    let wait = RECHECK_MS;
    for (const queue of this.lanes.values()) {
      const at = queue[0]?.at;
      if (at != null && playout !== null) wait = Math.min(wait, at - playout);
    }
    if (this.lanes.size > 0) this.timer = this.timers.set(() => this.release(), Math.max(1, wait));
  }

  private stopTimer(): void {
    if (this.timer !== null) this.timers.clear(this.timer);
    this.timer = null;
  }
}
