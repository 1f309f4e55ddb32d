import type { Server } from 'socket.io';
import type { Db } from '../domain/context';
import { isRehearsing } from '../domain/rehearsals';
import { coHostIdsOf, isShowStaff } from '../domain/show-access';
import { showRoom, showStaffRoom, userRoom } from './protocol';

// A rehearsal is for the show's staff only. Viewers who had the page open before it started are
// still in the show's room; they are moved to a waiting room for its length, so none of the
// rehearsal's pins, deals or chat reach them, and moved back when it ends or the show goes live
// (their next broadcast then has a gap in its numbers, and the page asks for a fresh snapshot).
// The room operations go through the adapter, so with REDIS_URL they reach every node's sockets.
const waitingRoom = (showId: string) => `show:${showId}:waiting`;

/** Everyone but the staff: the host and brand members (the staff room) and the co-hosts (their own rooms). */
export async function holdAudienceForRehearsal(io: Server, db: Db, showId: string): Promise<void> {
  const staff = [showStaffRoom(showId), ...(await coHostIdsOf(db, showId)).map(userRoom)];
  io.in(showRoom(showId)).except(staff).socketsJoin(waitingRoom(showId));
  io.in(showRoom(showId)).except(staff).socketsLeave(showRoom(showId));
}

export function releaseAudienceAfterRehearsal(io: Server, showId: string): void {
  io.in(waitingRoom(showId)).socketsJoin(showRoom(showId));
  io.in(waitingRoom(showId)).socketsLeave(waitingRoom(showId));
}

interface RecoveredSession {
  rooms: string[];
  data: unknown;
  missedPackets: unknown[][];
}

const SHOW_ROOM = /^show:([^:]+)$/;
const WAITING_ROOM = /^show:([^:]+):waiting$/;

/**
 * Connection state recovery puts a socket back into the rooms it had when it dropped and
 * replays what those rooms were sent meanwhile, without asking anyone. A viewer who dropped
 * just before a rehearsal started would come back into the show's room and be handed the
 * rehearsal's pins and chat; one who dropped while waiting and came back after the show went
 * live would stay in the waiting room, deaf to the show. The session is corrected before the
 * socket is rebuilt from it: during a rehearsal a viewer who is not staff returns to the waiting
 * room with none of the show's missed broadcasts (their numbers leave a gap, so the page asks for
 * a fresh snapshot once it hears the show again); after it, a waiting socket returns to the show.
 */
export function keepRecoveredSessionsOutOfRehearsals(io: Server, db: Db): void {
  const adapter = io.of('/').adapter as unknown as { restoreSession(pid: string, offset: string): Promise<RecoveredSession | null> };
  const restore = adapter.restoreSession.bind(adapter);
  adapter.restoreSession = async (pid, offset) => {
    const session = await restore(pid, offset);
    if (!session) return session;
    const userId = (session.data as { user?: { userId?: string } | null } | undefined)?.user?.userId ?? null;
    const rooms = new Set(session.rooms);
    const silenced = new Set<string>();
    for (const room of session.rooms) {
      const inShow = SHOW_ROOM.exec(room)?.[1];
      const waiting = WAITING_ROOM.exec(room)?.[1];
      const showId = inShow ?? waiting;
      if (!showId) continue;
      const rehearsing = await isRehearsing(db, showId);
      if (inShow && rehearsing && !rooms.has(showStaffRoom(showId)) && !(userId && (await isShowStaff(db, userId, showId)))) {
        rooms.delete(room);
        rooms.add(waitingRoom(showId));
        silenced.add(showId);
      } else if (waiting && !rehearsing) {
        rooms.delete(room);
        rooms.add(showRoom(showId));
      }
    }
    const showOf = (packet: unknown[]) => (packet[1] as { showId?: unknown } | undefined)?.showId;
    return {
      ...session,
      rooms: [...rooms],
      missedPackets: silenced.size === 0 ? session.missedPackets : session.missedPackets.filter((p) => !silenced.has(String(showOf(p)))),
    };
  };
}
