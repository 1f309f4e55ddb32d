import { z } from 'zod';
import { appendShowAudit } from '../audit';
import type { Actor, Db } from '../context';
import { AppError, invalidField } from '../errors';

// A guest on stage becomes a co-host (issue 18 item 2, "or a guest promoted"): the show-wide
// split of the commission rate is rewritten to include them. The ledger's trigger reads
// ShowHostShare when each order line is written, so lines sold from now on credit the new
// split and lines already sold keep theirs; host statements list the show for the guest.

export const coHostSplitSchema = z
  .array(z.object({ userId: z.string().min(1).max(64), shareBps: z.number().int().min(0).max(10_000) }).strict())
  .min(2)
  .max(8);
export type CoHostSplit = z.infer<typeof coHostSplitSchema>;

export interface CoHostShareView {
  userId: string;
  name: string;
  shareBps: number;
}

export interface CoHostSplitView {
  rateBps: number;
  shares: CoHostShareView[];
}

type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0];

/** The show-wide split as it stands; with no shares set the show's host earns the whole rate. */
export async function coHostSplit(db: Db | Tx, showId: string): Promise<CoHostSplitView> {
  const show = await db.show.findUniqueOrThrow({
    where: { id: showId },
    select: {
      commissionRateBps: true,
      hostId: true,
      host: { select: { name: true } },
      hostShares: {
        where: { productId: null },
        orderBy: { createdAt: 'asc' },
        select: { hostId: true, shareBps: true, host: { select: { name: true } } },
      },
    },
  });
  const shares =
    show.hostShares.length > 0
      ? show.hostShares.map((s) => ({ userId: s.hostId, name: s.host.name, shareBps: s.shareBps }))
      : [{ userId: show.hostId, name: show.host.name, shareBps: show.commissionRateBps }];
  return { rateBps: show.commissionRateBps, shares };
}

/**
 * The show's host or a member of its brand makes a guest on stage a co-host. `split` is the
 * show-wide split afterwards: the people already in it plus the guest, summing exactly to the
 * show's commission rate (HOST_SHARES_SUM). Per-product shares the brand set stay as they are.
 */
export async function promoteToCoHost(
  db: Db,
  actor: Actor,
  showId: string,
  guestId: string,
  split: CoHostSplit,
): Promise<CoHostShareView[]> {
  const parsed = coHostSplitSchema.safeParse(split);
  if (!parsed.success) throw invalidField(parsed.error.issues);
  return db.$transaction(async (tx) => {
    const [show] = await tx.$queryRaw<
      { hostId: string; hostInviteStatus: string; status: string; brandId: string; commissionRateBps: number }[]
    >`
      SELECT "hostId", "hostInviteStatus"::text AS "hostInviteStatus", "status"::text AS "status", "brandId", "commissionRateBps"
        FROM "Show" WHERE "id" = ${showId} FOR UPDATE`;
    if (!show) throw new AppError('SHOW_NOT_FOUND', `show ${showId} not found`);
    const isHost = show.hostId === actor.userId && show.hostInviteStatus !== 'DECLINED';
    const isStaff = await tx.brandMember.findFirst({ where: { brandId: show.brandId, userId: actor.userId }, select: { userId: true } });
    if (!isHost && !isStaff) throw new AppError('HOST_ONLY', `user ${actor.userId} may not promote on ${showId}`);
    if (show.status !== 'LIVE') throw new AppError('FORMAT_NEEDS_LIVE', `show ${showId} is ${show.status}`);
    const seat = await tx.stageGuest.findUnique({ where: { showId_userId: { showId, userId: guestId } }, select: { status: true } });
    if (seat?.status !== 'ON_STAGE') throw new AppError('STAGE_GUEST_NOT_ON_STAGE', `user ${guestId} is not on stage in ${showId}`);
    const current = await tx.showHostShare.findMany({ where: { showId, productId: null }, select: { hostId: true } });
    // Only the people already sharing the show (or its host) and the guest: a promotion adds one person, never anyone else.
    const allowed = new Set([guestId, ...current.map((c) => c.hostId), show.hostId]);
    const seen = new Set<string>();
    let sum = 0;
    for (const share of parsed.data) {
      if (!allowed.has(share.userId)) throw new AppError('STAGE_GUEST_NOT_ON_STAGE', `user ${share.userId} is neither a host nor on stage`);
      if (seen.has(share.userId)) throw new AppError('HOST_SHARE_TWICE', { handle: share.userId });
      seen.add(share.userId);
      sum += share.shareBps;
    }
    const pct = (bps: number) => String(bps / 100);
    if (sum !== show.commissionRateBps) throw new AppError('HOST_SHARES_SUM', { sum: pct(sum), rate: pct(show.commissionRateBps) });
    if (!seen.has(guestId)) throw new AppError('STAGE_GUEST_NOT_ON_STAGE', `the split leaves out the guest ${guestId}`);
    await tx.showHostShare.deleteMany({ where: { showId, productId: null } });
    await tx.showHostShare.createMany({
      data: parsed.data.map((s) => ({ showId, hostId: s.userId, productId: null, shareBps: s.shareBps })),
    });
    await appendShowAudit(tx, showId, 'stage.promoted', {
      userId: guestId,
      shareBps: parsed.data.find((s) => s.userId === guestId)!.shareBps,
    });
    const names = await tx.user.findMany({ where: { id: { in: [...seen] } }, select: { id: true, name: true } });
    const nameOf = new Map(names.map((n) => [n.id, n.name]));
    return parsed.data.map((s) => ({ userId: s.userId, name: nameOf.get(s.userId) ?? '', shareBps: s.shareBps }));
  });
}
