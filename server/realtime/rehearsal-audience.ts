import type { Server } from 'socket.io';
import { showRoom, showStaffRoom } from './protocol';

// A rehearsal is for the show's staff only. Viewers who had the page open before it started are
// still in the show's room; they are moved to a waiting room for its length, so none of the
// rehearsal's pins, deals or chat reach them, and moved back when it ends or the show goes live
// (their next broadcast then has a gap in its numbers, and the page asks for a fresh snapshot).
// The room operations go through the adapter, so with REDIS_URL they reach every node's sockets.
const waitingRoom = (showId: string) => `show:${showId}:waiting`;

export function holdAudienceForRehearsal(io: Server, showId: string): void {
  io.in(showRoom(showId)).except(showStaffRoom(showId)).socketsJoin(waitingRoom(showId));
  io.in(showRoom(showId)).except(showStaffRoom(showId)).socketsLeave(showRoom(showId));
}

export function releaseAudienceAfterRehearsal(io: Server, showId: string): void {
  io.in(waitingRoom(showId)).socketsJoin(showRoom(showId));
  io.in(waitingRoom(showId)).socketsLeave(waitingRoom(showId));
}
