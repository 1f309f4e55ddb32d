// Following a host or a brand, and "Remind me" on one show. Every write is
// idempotent: a double click or a replayed form lands on the same state.
import type { Actor, Db } from '../context';
import { AppError } from '../errors';
import { scheduleShowReminders } from './show-notifications';

export async function followHost(db: Db, actor: Actor, hostId: string): Promise<void> {
  const profile = await db.influencerProfile.findUnique({ where: { userId: hostId }, select: { user: { select: { deletedAt: true } } } });
  if (!profile || profile.user.deletedAt) throw new AppError('HOST_NOT_FOUND', `user ${hostId} is not a host`);
  if (hostId === actor.userId) throw new AppError('CANNOT_FOLLOW_SELF', `user ${hostId} tried to follow themselves`);
  await db.hostFollow.createMany({ data: [{ userId: actor.userId, hostId }], skipDuplicates: true });
}

export async function unfollowHost(db: Db, actor: Actor, hostId: string): Promise<void> {
  await db.hostFollow.deleteMany({ where: { userId: actor.userId, hostId } });
}

export async function followBrand(db: Db, actor: Actor, brandId: string): Promise<void> {
  const brand = await db.brand.findUnique({ where: { id: brandId }, select: { id: true } });
  if (!brand) throw new AppError('BRAND_NOT_FOUND', `brand ${brandId} not found`);
  await db.brandFollow.createMany({ data: [{ userId: actor.userId, brandId }], skipDuplicates: true });
}

export async function unfollowBrand(db: Db, actor: Actor, brandId: string): Promise<void> {
  await db.brandFollow.deleteMany({ where: { userId: actor.userId, brandId } });
}

/** "Remind me": only for a show that has not started; a live or finished show has nothing to remind of. */
export async function remindMe(db: Db, actor: Actor, showId: string): Promise<void> {
  const show = await db.show.findUnique({ where: { id: showId }, select: { status: true } });
  if (!show) throw new AppError('SHOW_NOT_FOUND', `show ${showId} not found`);
  if (show.status !== 'SCHEDULED') throw new AppError('REMINDER_STARTED', `show ${showId} is ${show.status}`);
  const created = await db.showReminder.createMany({ data: [{ userId: actor.userId, showId }], skipDuplicates: true });
  // Re-planning is idempotent; doing it only on a new reminder saves work on repeats.
  if (created.count > 0) await scheduleShowReminders(db, showId);
}

export async function cancelReminder(db: Db, actor: Actor, showId: string): Promise<void> {
  await db.showReminder.deleteMany({ where: { userId: actor.userId, showId } });
}

export async function isFollowingHost(db: Db, userId: string | null, hostId: string): Promise<boolean> {
  if (!userId) return false;
  return (await db.hostFollow.count({ where: { userId, hostId } })) > 0;
}

export async function isFollowingBrand(db: Db, userId: string | null, brandId: string): Promise<boolean> {
  if (!userId) return false;
  return (await db.brandFollow.count({ where: { userId, brandId } })) > 0;
}

export async function hasReminder(db: Db, userId: string | null, showId: string): Promise<boolean> {
  if (!userId) return false;
  return (await db.showReminder.count({ where: { userId, showId } })) > 0;
}

export async function hostFollowerCount(db: Db, hostId: string): Promise<number> {
  return db.hostFollow.count({ where: { hostId } });
}

export async function brandFollowerCount(db: Db, brandId: string): Promise<number> {
  return db.brandFollow.count({ where: { brandId } });
}
