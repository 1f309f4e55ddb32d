// The gate every way into a show passes (the show page, show:join, media:watch): a private show
// admits its staff and its invitees, a rehearsal admits only its staff.
import type { Db } from '../context';
import { AppError } from '../errors';
import type { ShowVisibility } from './visibility';

export interface Visitor {
  userId: string | null;
  /** The personal join link's token, kept in a cookie by /api/shows/join/<token>. */
  inviteToken?: string | null;
}

export type ShowAccess = 'staff' | 'invited' | 'public';

/** The cookie that carries an invitee's token from their join link to the page and its socket. */
export const showInviteCookie = (showId: string) => `show_invite_${showId}`;

interface GateRow {
  brandId: string;
  hostId: string;
  hostInviteStatus: string;
  visibility: ShowVisibility;
  inviteFollowers: boolean;
  rehearsalStartedAt: Date | null;
}

/** The show's host, co-hosts and the brand's members: who may see a rehearsal. */
export async function isShowStaff(db: Db, userId: string, showId: string): Promise<boolean> {
  const show = await db.show.findUnique({
    where: { id: showId },
    select: {
      id: true,
      brandId: true,
      hostId: true,
      hostInviteStatus: true,
      visibility: true,
      inviteFollowers: true,
      rehearsalStartedAt: true,
    },
  });
  return show !== null && isStaff(db, show, userId);
}

/** The show's co-hosts (people with a share of its commission): staff for a rehearsal without being the brand's members. */
export async function coHostIdsOf(db: Db, showId: string): Promise<string[]> {
  const rows = await db.showHostShare.findMany({ where: { showId }, distinct: ['hostId'], select: { hostId: true } });
  return rows.map((r) => r.hostId);
}

async function isStaff(db: Db, show: GateRow & { id: string }, userId: string): Promise<boolean> {
  if (show.hostId === userId && show.hostInviteStatus !== 'DECLINED') return true;
  const [member, coHost] = await Promise.all([
    db.brandMember.count({ where: { brandId: show.brandId, userId } }),
    db.showHostShare.count({ where: { showId: show.id, hostId: userId } }),
  ]);
  return member > 0 || coHost > 0;
}

async function isInvited(db: Db, show: GateRow & { id: string }, visitor: Visitor): Promise<boolean> {
  if (visitor.inviteToken) {
    const invite = await db.showInvite.findUnique({ where: { token: visitor.inviteToken }, select: { showId: true } });
    if (invite?.showId === show.id) return true;
  }
  if (!visitor.userId) return false;
  const user = await db.user.findUnique({ where: { id: visitor.userId }, select: { email: true, deletedAt: true } });
  if (!user || user.deletedAt) return false;
  const [byEmail, follows] = await Promise.all([
    db.showInvite.count({ where: { showId: show.id, email: user.email.toLowerCase() } }),
    show.inviteFollowers ? db.brandFollow.count({ where: { brandId: show.brandId, userId: visitor.userId } }) : Promise.resolve(0),
  ]);
  return byEmail > 0 || follows > 0;
}

/**
 * May this visitor see the show? SHOW_NOT_FOUND for no show; REHEARSAL_STAFF_ONLY while the host
 * rehearses and the visitor is not staff; SHOW_PRIVATE for an INVITE_ONLY show the visitor is not
 * invited to. UNLISTED shows admit anyone who has the link.
 */
export async function requireShowAccess(db: Db, visitor: Visitor, showId: string): Promise<{ access: ShowAccess; rehearsing: boolean }> {
  const show = await db.show.findUnique({
    where: { id: showId },
    select: {
      id: true,
      brandId: true,
      hostId: true,
      hostInviteStatus: true,
      visibility: true,
      inviteFollowers: true,
      rehearsalStartedAt: true,
    },
  });
  if (!show) throw new AppError('SHOW_NOT_FOUND', `show ${showId} not found`);
  const rehearsing = show.rehearsalStartedAt !== null;
  if (show.visibility === 'PUBLIC' && !rehearsing) return { access: 'public', rehearsing };
  const staff = visitor.userId !== null && (await isStaff(db, show, visitor.userId));
  if (staff) return { access: 'staff', rehearsing };
  if (rehearsing) throw new AppError('REHEARSAL_STAFF_ONLY', `show ${showId} is being rehearsed`);
  if (show.visibility === 'UNLISTED') return { access: 'public', rehearsing };
  if (await isInvited(db, show, visitor)) return { access: 'invited', rehearsing };
  throw new AppError('SHOW_PRIVATE', `visitor ${visitor.userId ?? 'anonymous'} is not invited to ${showId}`);
}
