import { appendShowAudit } from '../audit';
import type { Actor, Db } from '../context';
import { AppError } from '../errors';
import { coHostSplit, type CoHostSplitView } from './promote';
import { MAX_GUESTS, MAX_ON_STAGE, type StageLayout } from './stage.schema';

type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0];

export interface StageGuestView {
  userId: string;
  name: string;
}

/** What every viewer knows about the stage: the layout and who is on it besides the host. */
export interface StageView {
  layout: StageLayout;
  guests: StageGuestView[];
}

/** The host's view: also the invitations not answered yet. */
export interface StageStaffView extends StageView {
  invited: StageGuestView[];
  /** People the stage holds, the host included. */
  max: number;
  /** The show-wide commission split, for promoting a guest to co-host. */
  split: CoHostSplitView;
}

export type StageSeat = 'INVITED' | 'ON_STAGE' | null;

/**
 * What happened, for the transport to announce: the stage as it is now, the
 * person whose seat changed and whether they must stop sending (removed or left).
 */
export interface StageChange {
  stage: StageStaffView;
  userId: string;
  seat: StageSeat;
  stopMedia: boolean;
}

export async function stageView(db: Db | Tx, showId: string): Promise<StageStaffView> {
  const [settings, rows, split] = await Promise.all([
    db.showStage.findUnique({ where: { showId }, select: { layout: true } }),
    db.stageGuest.findMany({
      where: { showId },
      orderBy: [{ joinedAt: 'asc' }, { invitedAt: 'asc' }],
      select: { userId: true, status: true, user: { select: { name: true } } },
    }),
    coHostSplit(db, showId),
  ]);
  const view = (status: 'INVITED' | 'ON_STAGE') =>
    rows.filter((r) => r.status === status).map((r) => ({ userId: r.userId, name: r.user.name }));
  return { layout: settings?.layout ?? 'SIDE_BY_SIDE', guests: view('ON_STAGE'), invited: view('INVITED'), max: MAX_ON_STAGE, split };
}

/** What viewers are sent: invitations stay between the host and the person invited. */
export function publicStage({ layout, guests }: StageView): StageView {
  return { layout, guests };
}

export async function stageSeatOf(db: Db, showId: string, userId: string): Promise<StageSeat> {
  const row = await db.stageGuest.findUnique({ where: { showId_userId: { showId, userId } }, select: { status: true } });
  return row?.status ?? null;
}

/** The stage changes under the show's row lock, so two answers at once cannot seat a fifth person. */
async function lockedShow(tx: Tx, showId: string) {
  const [show] = await tx.$queryRaw<
    { hostId: string; hostInviteStatus: string; status: string }[]
  >`SELECT "hostId", "hostInviteStatus"::text AS "hostInviteStatus", "status"::text AS "status" FROM "Show" WHERE "id" = ${showId} FOR UPDATE`;
  if (!show) throw new AppError('SHOW_NOT_FOUND', `show ${showId} not found`);
  return { ...show, isHost: (userId: string) => show.hostId === userId && show.hostInviteStatus !== 'DECLINED' };
}

function requireLive(show: { status: string }, showId: string): void {
  if (show.status !== 'LIVE') throw new AppError('FORMAT_NEEDS_LIVE', `show ${showId} is ${show.status}`);
}

/**
 * The host invites a signed-in person (a viewer from the chat, another
 * influencer) onto the stage. An open invitation holds a seat, so the host
 * cannot invite more people than the stage can take. Inviting again is a no-op.
 */
export async function inviteToStage(db: Db, actor: Actor, showId: string, userId: string): Promise<StageChange> {
  return db.$transaction(async (tx) => {
    const show = await lockedShow(tx, showId);
    if (!show.isHost(actor.userId)) throw new AppError('HOST_ONLY', `user ${actor.userId} is not the host of ${showId}`);
    requireLive(show, showId);
    if (userId === show.hostId) throw new AppError('STAGE_HOST_ALREADY', 'the host is on stage already');
    // One after the other: a transaction is one connection, and pg queues (and will refuse, from pg 9) a
    // query sent while another is still running on it.
    const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true } });
    const ban = await tx.showBan.findUnique({ where: { showId_userId: { showId, userId } }, select: { userId: true } });
    const existing = await tx.stageGuest.findUnique({ where: { showId_userId: { showId, userId } }, select: { status: true } });
    const seats = await tx.stageGuest.count({ where: { showId } });
    if (!user) throw new AppError('NOT_FOUND', `user ${userId} not found`);
    if (ban) throw new AppError('STAGE_GUEST_BANNED', `user ${userId} is banned from ${showId}`);
    if (!existing) {
      if (seats >= MAX_GUESTS) throw new AppError('STAGE_FULL', { max: MAX_ON_STAGE }, `${seats} guests invited or on stage`);
      await tx.stageGuest.create({ data: { showId, userId } });
      await appendShowAudit(tx, showId, 'stage.invited', { userId });
    }
    return { stage: await stageView(tx, showId), userId, seat: existing?.status ?? 'INVITED', stopMedia: false };
  });
}

/** The invited person takes their seat; from now on they may send camera and microphone. */
export async function acceptStageInvite(db: Db, actor: Actor, showId: string): Promise<StageChange> {
  return db.$transaction(async (tx) => {
    const show = await lockedShow(tx, showId);
    requireLive(show, showId);
    const where = { showId_userId: { showId, userId: actor.userId } };
    const row = await tx.stageGuest.findUnique({ where, select: { status: true } });
    if (!row) throw new AppError('STAGE_NOT_INVITED', `user ${actor.userId} has no invitation to ${showId}`);
    // Banned after the invitation: the invitation is void.
    if (await tx.showBan.findUnique({ where, select: { userId: true } })) {
      await tx.stageGuest.delete({ where });
      throw new AppError('BANNED', `user ${actor.userId} is banned from ${showId}`);
    }
    if (row.status === 'INVITED') {
      const onStage = await tx.stageGuest.count({ where: { showId, status: 'ON_STAGE' } });
      if (onStage >= MAX_GUESTS) throw new AppError('STAGE_FULL', { max: MAX_ON_STAGE }, `${onStage} guests on stage`);
      await tx.stageGuest.update({ where, data: { status: 'ON_STAGE', joinedAt: new Date() } });
      await appendShowAudit(tx, showId, 'stage.joined', { userId: actor.userId });
    }
    return { stage: await stageView(tx, showId), userId: actor.userId, seat: 'ON_STAGE', stopMedia: false };
  });
}

/** Saying no to an invitation, or leaving the stage: the seat is free again. Safe to repeat. */
async function vacate(
  db: Db,
  showId: string,
  userId: string,
  kind: 'stage.declined' | 'stage.left' | 'stage.removed',
): Promise<StageChange> {
  return db.$transaction(async (tx) => {
    await lockedShow(tx, showId);
    const removed = await tx.stageGuest.deleteMany({ where: { showId, userId } });
    if (removed.count > 0) await appendShowAudit(tx, showId, kind, { userId });
    return { stage: await stageView(tx, showId), userId, seat: null, stopMedia: true };
  });
}

export async function declineStageInvite(db: Db, actor: Actor, showId: string): Promise<StageChange> {
  return vacate(db, showId, actor.userId, 'stage.declined');
}

/** The guest steps down, from the page or by losing its connection. */
export async function leaveStage(db: Db, actor: Actor, showId: string): Promise<StageChange> {
  return vacate(db, showId, actor.userId, 'stage.left');
}

/** The host takes a guest off the stage (or withdraws an invitation) at any time. */
export async function removeFromStage(db: Db, actor: Actor, showId: string, userId: string): Promise<StageChange> {
  const show = await db.show.findUnique({ where: { id: showId }, select: { hostId: true, hostInviteStatus: true } });
  if (!show) throw new AppError('SHOW_NOT_FOUND', `show ${showId} not found`);
  if (show.hostId !== actor.userId || show.hostInviteStatus === 'DECLINED')
    throw new AppError('HOST_ONLY', `user ${actor.userId} is not the host of ${showId}`);
  return vacate(db, showId, userId, 'stage.removed');
}

/**
 * A person banned from the show (by the host or a moderator) loses their seat or
 * invitation at once. Null when they had none, or are not banned.
 */
export async function dropBannedFromStage(db: Db, showId: string, userId: string): Promise<StageChange | null> {
  const [ban, seat] = await Promise.all([
    db.showBan.findUnique({ where: { showId_userId: { showId, userId } }, select: { userId: true } }),
    stageSeatOf(db, showId, userId),
  ]);
  if (!ban || seat === null) return null;
  return vacate(db, showId, userId, 'stage.removed');
}

export async function setStageLayout(db: Db, actor: Actor, showId: string, layout: StageLayout): Promise<StageStaffView> {
  return db.$transaction(async (tx) => {
    const show = await lockedShow(tx, showId);
    if (!show.isHost(actor.userId)) throw new AppError('HOST_ONLY', `user ${actor.userId} is not the host of ${showId}`);
    await tx.showStage.upsert({ where: { showId }, update: { layout }, create: { showId, layout } });
    return stageView(tx, showId);
  });
}
