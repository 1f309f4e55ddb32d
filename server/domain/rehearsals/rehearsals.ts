// A rehearsal is a SCHEDULED show its host practises: camera and pins work, only staff may
// watch (show-access's gate), orders are refused (REHEARSAL_NO_ORDERS), and because the show's
// status never leaves SCHEDULED nothing that follows going live happens: no "live now"
// notification or webhook, no audience figures, no pin moments for the replay.
import type { Actor, Db } from '../context';
import { AppError } from '../errors';

async function requireRehearsalHost(db: Db, actor: Actor, showId: string) {
  const show = await db.show.findUnique({
    where: { id: showId },
    select: { hostId: true, hostInviteStatus: true, status: true, rehearsalStartedAt: true, brandId: true },
  });
  if (!show) throw new AppError('SHOW_NOT_FOUND', `show ${showId} not found`);
  if (show.hostId !== actor.userId || show.hostInviteStatus === 'DECLINED')
    throw new AppError('HOST_ONLY', `user ${actor.userId} is not the host of ${showId}`);
  return show;
}

export async function isRehearsing(db: Db, showId: string): Promise<boolean> {
  const show = await db.show.findUnique({ where: { id: showId }, select: { status: true, rehearsalStartedAt: true } });
  return show?.status === 'SCHEDULED' && show.rehearsalStartedAt !== null;
}

/** Starts (or keeps) the rehearsal of the host's scheduled, accepted show. */
export async function startRehearsal(db: Db, actor: Actor, showId: string): Promise<{ rehearsalStartedAt: Date }> {
  const show = await requireRehearsalHost(db, actor, showId);
  if (show.status !== 'SCHEDULED' || show.hostInviteStatus !== 'ACCEPTED')
    throw new AppError('REHEARSAL_NOT_SCHEDULED', `show ${showId} is ${show.status}, invite ${show.hostInviteStatus}`);
  if (show.rehearsalStartedAt) return { rehearsalStartedAt: show.rehearsalStartedAt };
  const now = new Date();
  // Conditional, so two tabs start one rehearsal and the show cannot have gone live meanwhile.
  const { count } = await db.show.updateMany({
    where: { id: showId, status: 'SCHEDULED', rehearsalStartedAt: null },
    data: { rehearsalStartedAt: now },
  });
  if (count === 0) {
    const again = await db.show.findUniqueOrThrow({ where: { id: showId }, select: { rehearsalStartedAt: true, status: true } });
    if (!again.rehearsalStartedAt) throw new AppError('REHEARSAL_NOT_SCHEDULED', `show ${showId} is ${again.status}`);
    return { rehearsalStartedAt: again.rehearsalStartedAt };
  }
  return { rehearsalStartedAt: now };
}

/**
 * Ends the rehearsal and puts the show back as it was scheduled: the pin and pinned message are
 * cleared and what the rehearsal wrote (chat, pin moments, deals) is deleted, so the real show
 * starts clean. Safe to call twice.
 */
export async function endRehearsal(db: Db, actor: Actor, showId: string): Promise<void> {
  const show = await requireRehearsalHost(db, actor, showId);
  const since = show.rehearsalStartedAt;
  if (!since) return;
  await db.$transaction(async (tx) => {
    const { count } = await tx.show.updateMany({
      where: { id: showId, rehearsalStartedAt: since },
      data: { rehearsalStartedAt: null, pinnedProductId: null, pinnedMessageId: null },
    });
    if (count === 0) return;
    await tx.pinEvent.deleteMany({ where: { showId, createdAt: { gte: since } } });
    await tx.chatMessage.deleteMany({ where: { showId, createdAt: { gte: since } } });
    await tx.flashDeal.deleteMany({ where: { showId, createdAt: { gte: since } } });
  });
}

/** A pin during a rehearsal: shown to the staff watching, but no pin moment is recorded for the replay. */
export async function pinDuringRehearsal(db: Db, showId: string, productId: string): Promise<void> {
  await db.show.update({ where: { id: showId }, data: { pinnedProductId: productId } });
}
