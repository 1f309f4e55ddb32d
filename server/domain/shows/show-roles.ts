import { AppError } from '../errors';
import type { Actor, Db } from '../context';

/** What a signed-in person may do in a show. Moderators are the host and the brand's members. */
export type ShowRole = 'host' | 'moderator' | 'viewer';

export async function showRoleOf(db: Db, userId: string, showId: string): Promise<ShowRole> {
  const show = await db.show.findUnique({
    where: { id: showId },
    select: { hostId: true, hostInviteStatus: true, brand: { select: { members: { where: { userId }, select: { userId: true } } } } },
  });
  if (!show) throw new AppError('SHOW_NOT_FOUND', `show ${showId} not found`);
  // A host who declined the invitation is not the show's host any more.
  if (show.hostId === userId && show.hostInviteStatus !== 'DECLINED') return 'host';
  return show.brand.members.length > 0 ? 'moderator' : 'viewer';
}

export async function requireModerator(db: Db, actor: Actor, showId: string): Promise<ShowRole> {
  const role = await showRoleOf(db, actor.userId, showId);
  if (role === 'viewer') throw new AppError('MODERATORS_ONLY', `user ${actor.userId} cannot moderate ${showId}`);
  return role;
}
