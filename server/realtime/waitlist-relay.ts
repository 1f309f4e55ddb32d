import type { Logger } from 'pino';
import { PollLoop } from './poll-loop';
import type { Db } from '../domain/context';
import { claimNewOffers } from '../domain/waitlist';
import type { ShowServer } from './handler';
import { userRoom } from './protocol';

/**
 * Tells the people on a waitlist, on the show page they are watching, that a unit
 * is back and held for them (the "back in stock" toast; their email is a job the
 * restock wrote). Holds are made by a database trigger whichever process raised
 * the stock (a page's server action, the API, the sweep), so this polls for holds
 * nobody announced yet; each is claimed by one node, and the private event reaches
 * the person's sockets on every node through the adapter.
 */
export class WaitlistRelay {
  private readonly loop: PollLoop;

  constructor(
    private readonly db: Db,
    private readonly io: ShowServer,
    log: Logger,
    intervalMs = 1_000,
  ) {
    this.loop = new PollLoop(() => this.poll(), intervalMs, log, 'waitlist relay: reading new holds failed; retrying');
  }

  /** One pass; exposed so a test can run it without waiting. */
  async poll(): Promise<number> {
    const offers = await claimNewOffers(this.db);
    for (const offer of offers) {
      const { userId, showIds, entryId: _entryId, ...event } = offer;
      for (const showId of showIds) this.io.to(userRoom(userId)).emit('waitlist:held', { showId, ...event });
    }
    return offers.length;
  }

  close(): void {
    this.loop.close();
  }
}
