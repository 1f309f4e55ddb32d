import { joinWaitlist, leaveWaitlist, waitlistStates, type WaitlistState } from '../domain/waitlist';
import type { HandlerRegistrar } from './handler';
import { requireJoined, requireUser, type ConnectionContext } from './context';
import { waitlistGetSchema, waitlistRefSchema } from './protocol';

/** "Notify me" on a sold-out variant from the show page (server/domain/waitlist). */
export function registerWaitlistHandlers(on: HandlerRegistrar, ctx: ConnectionContext): void {
  const { socket, db } = ctx;

  on.on('waitlist:join', waitlistRefSchema, async ({ showId, variantId }) => {
    const person = requireUser(socket);
    requireJoined(socket, showId);
    return { waitlist: await joinWaitlist(db, person, { variantId, showId }, ctx.waitlistHoldMinutes ?? 5) };
  });

  on.on('waitlist:leave', waitlistRefSchema, async ({ showId, variantId }) => {
    const person = requireUser(socket);
    requireJoined(socket, showId);
    await leaveWaitlist(db, person, variantId);
    return {};
  });

  on.on('waitlist:get', waitlistGetSchema, async ({ showId, variantIds }) => {
    const person = requireUser(socket);
    requireJoined(socket, showId);
    const states: Record<string, WaitlistState> = Object.fromEntries(await waitlistStates(db, person.userId, variantIds));
    return { states };
  });
}
