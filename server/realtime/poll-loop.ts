import type { Logger } from 'pino';
import type { RelayClaims } from './stock-relay';

/**
 * The relays' timer: runs `pass` at once, then `intervalMs` after each pass ends (never two at a time), until
 * closed. A failed pass is logged as `failure` and the next one runs as usual: the rows it missed are still there.
 */
export class PollLoop {
  private timer: NodeJS.Timeout | null = null;
  private closed = false;

  constructor(
    private readonly pass: () => Promise<unknown>,
    private readonly intervalMs: number,
    private readonly log: Logger,
    private readonly failure: string,
  ) {
    this.schedule(0);
  }

  private schedule(delayMs: number): void {
    if (this.closed) return;
    this.timer = setTimeout(() => {
      this.pass()
        .catch((error: unknown) => this.log.warn({ err: error }, this.failure))
        .finally(() => this.schedule(this.intervalMs));
    }, delayMs);
    this.timer.unref();
  }

  close(): void {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
  }
}

/** With several nodes: the events this node claimed; Redis away, all of them (this node's sockets rather than none). */
export async function claimedHere<E extends { id: string }>(
  claims: RelayClaims,
  events: E[],
  key: (e: E) => string = (e) => e.id,
): Promise<E[]> {
  const taken = await Promise.all(events.map((e) => claims.claim(key(e)).catch(() => true)));
  return events.filter((_, i) => taken[i]);
}
