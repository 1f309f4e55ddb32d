import { z } from 'zod';
import { announceAccountEvent, verifyAccountPassword } from '../accounts';
import { AppError } from '../errors';
import type { Actor, Db } from '../context';
import { collectPersonStrings, erasePersonalData } from './erase';
import { recordAccountDeleted, type StripeCustomerRef } from './account-deleted';

export const deleteAccountSchema = z.object({ confirmEmail: z.string().max(254), password: z.string().max(200).default('') });
export type DeleteAccountInput = z.infer<typeof deleteAccountSchema>;

/**
 * The account page's delete: the person types their email and, when the account has a password,
 * proves it again, so a session left open on a shared computer cannot delete the account.
 * Accounts without a password (email link, OAuth) confirm with the email alone.
 */
export async function deleteMyAccount(db: Db, actor: Actor, input: DeleteAccountInput): Promise<void> {
  if (!(await verifyAccountPassword(db, actor.userId, input.password)))
    throw new AppError('CURRENT_PASSWORD_WRONG', 'deletion password wrong');
  await deleteAccount(db, actor, input.confirmEmail);
}

/**
 * Deletes an account by erasing what identifies the person (server/domain/privacy/erase.ts). The row
 * itself stays: orders point at it, and brands must keep orders. The account page states these
 * effects before anyone confirms (account.delete.effects in app/_i18n/messages): change both together.
 * Running it again on a deleted account refuses with UNAUTHENTICATED and changes nothing.
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

  const erased = await db.$transaction(
    async (tx) => {
      // The row lock makes a second deletion at the same moment wait, then find the account gone.
      const locked = await tx.$queryRaw<
        { deletedAt: Date | null }[]
      >`SELECT "deletedAt" FROM "User" WHERE "id" = ${actor.userId} FOR UPDATE`;
      if (locked[0]?.deletedAt) return false;
      const person = await collectPersonStrings(tx, actor.userId);
      const stripeCustomers: StripeCustomerRef[] = await tx.stripeCustomer.findMany({
        where: { userId: actor.userId },
        select: { providerId: true, customerId: true },
      });
      const now = new Date();
      await erasePersonalData(tx, person, now);
      await recordAccountDeleted(tx, { userId: actor.userId, deletedAt: now.toISOString(), stripeCustomers });
      return true;
    },
    { timeout: 30_000 },
  );
  if (!erased) throw new AppError('UNAUTHENTICATED', 'no such account');
  // Every session and live socket of the account ends with it.
  announceAccountEvent({ kind: 'sessions-revoked', userId: actor.userId });
}
