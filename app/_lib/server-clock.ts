/**
 * The server's clock as seen from this page (issue 16 item 4): every countdown and every overlay's
 * timing reads it, never the device's own clock, which may be minutes off.
 *
 * NTP-style: the client notes its monotonic time when it sends `time:sync` (t0) and when the answer
 * arrives (t1); the server's time in the answer (ts) was read somewhere in between, so
 * offset = ts − (t0 + t1) / 2, wrong by at most half the round trip (exactly so when the way there and
 * the way back take equally long). Of the recent samples the one with the shortest round trip wins:
 * a sample delayed by a congested network or a busy event loop has a long round trip and a wide error
 * bound, so it loses to any quick one. Samples age out, so a clock that drifts is followed.
 *
 * The local side is `performance.now()`, which never jumps: a user (or NTP on the device) setting the
 * wall clock does not move countdowns.
 */

export interface ClockSample {
  /** Server epoch ms minus local monotonic ms. */
  offsetMs: number;
  /** The round trip: twice the bound on this sample's error. */
  rttMs: number;
  /** Local monotonic ms when the answer arrived. */
  receivedAt: number;
}

/** Keeps the best of the recent samples; pure, so its choice is tested without sockets. */
export class ClockOffsetEstimator {
  private samples: ClockSample[] = [];

  constructor(
    private readonly keep = 8,
    /** A sample older than this no longer counts once a newer one exists (clock drift). */
    private readonly maxAgeMs = 15 * 60_000,
  ) {}

  /** t0 and t1 are local monotonic ms around the request; serverMs the server's epoch ms in its answer. */
  add(t0: number, serverMs: number, t1: number): ClockSample | null {
    const rttMs = t1 - t0;
    if (!Number.isFinite(rttMs) || !Number.isFinite(serverMs) || rttMs < 0) return null;
    const sample = { offsetMs: serverMs - (t0 + t1) / 2, rttMs, receivedAt: t1 };
    this.samples = [...this.samples, sample].filter((s) => t1 - s.receivedAt <= this.maxAgeMs || s === sample).slice(-this.keep);
    return sample;
  }

  best(): ClockSample | null {
    let best: ClockSample | null = null;
    for (const s of this.samples) if (!best || s.rttMs < best.rttMs) best = s;
    return best;
  }

  get sampleCount(): number {
    return this.samples.length;
  }
}

type Listener = () => void;
const monotonic = () => (typeof performance === 'undefined' ? Date.now() : performance.now());

/** The page's estimate of the server's clock; before its first sample it is the device's clock. */
export class ServerClock {
  private readonly estimator = new ClockOffsetEstimator();
  private readonly listeners = new Set<Listener>();
  private offsetMs: number | null = null;

  constructor(private readonly localNow: () => number = monotonic) {}

  /** The server's epoch ms now. */
  now(): number {
    return this.offsetMs === null ? Date.now() : this.localNow() + this.offsetMs;
  }

  /** Whether a sample has been taken (until then `now()` is the device's clock). */
  get synced(): boolean {
    return this.offsetMs !== null;
  }

  addSample(t0: number, serverMs: number, t1: number): void {
    if (!this.estimator.add(t0, serverMs, t1)) return;
    const best = this.estimator.best();
    if (!best || best.offsetMs === this.offsetMs) return;
    this.offsetMs = best.offsetMs;
    for (const listener of this.listeners) listener();
  }

  /** Told when the estimate changes (a countdown recomputes at once rather than at its next tick). */
  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  /**
   * Samples the server through `ask` (resolves with the server's epoch ms, or null when unanswered):
   * a burst when `connected` fires, then one now and then. Returns a stop function.
   */
  follow(
    ask: () => Promise<number | null>,
    onConnect: (listener: () => void) => () => void,
    { burst = 5, burstGapMs = 150, resyncMs = 60_000 } = {},
  ): () => void {
    let stopped = false;
    const sample = async () => {
      const t0 = this.localNow();
      const serverMs = await ask();
      if (serverMs !== null && !stopped) this.addSample(t0, serverMs, this.localNow());
    };
    const runBurst = async () => {
      for (let i = 0; i < burst && !stopped; i++) {
        await sample();
        if (i < burst - 1) await new Promise((resolve) => setTimeout(resolve, burstGapMs));
      }
    };
    const stopConnect = onConnect(() => void runBurst());
    const timer = setInterval(() => void sample(), resyncMs);
    return () => {
      stopped = true;
      stopConnect();
      clearInterval(timer);
    };
  }
}

/** The page's one server clock, fed by its show socket (show-socket.ts). */
export const serverClock = new ServerClock();

/** The server's epoch ms now, by the page's estimate. */
export const serverNow = (): number => serverClock.now();
