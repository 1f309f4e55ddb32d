import type { Db } from '../context';
import { AppError } from '../errors';
import { stageSeatOf } from '../stage';
import { isShowStaff } from '../show-access';

export type MediaUse = 'watch' | 'send';

/**
 * Who may use a show's media (routers, transports, producers, consumers): the
 * show must be live, except that its host may set up and try their own stream
 * before going live. Everything else is refused before any media resource is
 * made, so nobody can hold worker resources for a show nobody is watching.
 * Sending is the host's, live or not, and a guest's while on stage in a live
 * show (server/domain/stage); a removed guest is refused at its next request.
 */
export async function requireMediaAccess(db: Db, userId: string | null, showId: string, use: MediaUse): Promise<void> {
  const show = await db.show.findUnique({
    where: { id: showId },
    select: { status: true, hostId: true, hostInviteStatus: true, rehearsalStartedAt: true },
  });
  if (!show) throw new AppError('SHOW_NOT_FOUND', `show ${showId} not found`);
  // A host who declined the invitation is not the show's host (as in show-roles.ts).
  const isHost = userId !== null && show.hostId === userId && show.hostInviteStatus !== 'DECLINED';
  if (use === 'send' && !isHost) {
    const onStage = userId !== null && show.status === 'LIVE' && (await stageSeatOf(db, showId, userId)) === 'ON_STAGE';
    if (!onStage) throw new AppError('HOST_ONLY_BROADCAST', 'only the host and guests on stage send media');
  }
  if (show.status === 'LIVE') return;
  if (isHost && show.status === 'SCHEDULED') return; // the host's own preview
  // A rehearsal is watched by the show's staff only (issue 18): everyone else waits for the real start.
  if (show.status === 'SCHEDULED' && show.rehearsalStartedAt && userId !== null && (await isShowStaff(db, userId, showId))) return;
  throw new AppError('MEDIA_NOT_LIVE', `show ${showId} is ${show.status}`);
}
