import { AppError } from '../errors';
import { announceAccountEvent } from './session-revocation';
import type { Actor, Db } from '../context';

/**
 * Deletes an account by erasing what identifies the person. The row itself
 * stays: orders and chat messages point at it, and brands must keep orders.
 * The account page states these effects before anyone confirms
 * (account.delete.effects in app/_i18n/messages): change both together.
 */
export async function deleteAccount(db: Db, actor: Actor, confirmEmail: string): Promise<void> {
  const user = await db.user.findUnique({ where: { id: actor.userId }, select: { email: true, deletedAt: true } });
  if (!user || user.deletedAt) throw new AppError('UNAUTHENTICATED', 'no such account');
  if (confirmEmail.trim().toLowerCase() !== user.email) throw new AppError('DELETE_EMAIL_MISMATCH', 'confirmation email mismatch');

  const upcomingHosted = await db.show.count({
    where: { hostId: actor.userId, status: { in: ['SCHEDULED', 'LIVE'] }, hostInviteStatus: { not: 'DECLINED' } },
  });
  if (upcomingHosted > 0) throw new AppError('DELETE_HOSTS_UPCOMING', `${upcomingHosted} upcoming hosted shows`);
  const ownedBrands = await db.brandMember.findMany({
    where: { userId: actor.userId, role: 'OWNER' },
    select: { brandId: true, brand: { select: { name: true } } },
  });
  for (const { brandId, brand } of ownedBrands) {
    const otherOwners = await db.brandMember.count({ where: { brandId, role: 'OWNER', userId: { not: actor.userId } } });
    if (otherOwners === 0) throw new AppError('DELETE_SOLE_OWNER', { brand: brand.name }, `sole owner of ${brandId}`);
  }

  await db.$transaction([
    db.paymentMethod.deleteMany({ where: { userId: actor.userId } }),
    // Every saved address goes: orders keep their own copy of where they ship (Order.ship*).
    db.address.deleteMany({ where: { userId: actor.userId } }),
    db.brandFollow.deleteMany({ where: { userId: actor.userId } }),
    db.hostFollow.deleteMany({ where: { OR: [{ userId: actor.userId }, { hostId: actor.userId }] } }),
    db.showReminder.deleteMany({ where: { userId: actor.userId } }),
    db.notificationPreference.deleteMany({ where: { userId: actor.userId } }),
    // The browsers it turned web push on in: their endpoints and keys are the person's.
    db.pushSubscription.deleteMany({ where: { userId: actor.userId } }),
    db.pushPreference.deleteMany({ where: { userId: actor.userId } }),
    db.influencerProfile.deleteMany({ where: { userId: actor.userId } }),
    db.brandMember.deleteMany({ where: { userId: actor.userId } }),
    db.user.update({
      where: { id: actor.userId },
      data: {
        email: `deleted+${actor.userId}@deleted.invalid`,
        name: 'Deleted account',
        passwordHash: null,
        emailVerifiedAt: null,
        deletedAt: new Date(),
        sessionVersion: { increment: 1 },
      },
    }),
  ]);
  // Every session and live socket of the account ends with it.
  announceAccountEvent({ kind: 'sessions-revoked', userId: actor.userId });
}
