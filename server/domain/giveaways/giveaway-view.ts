import type { Db } from '../context';
import { publicName } from '../live-format';
import type { GiveawayEligibility } from './giveaways.schema';

export type GiveawayStatus = 'OPEN' | 'DRAWN' | 'CANCELLED';
export type PrizeStatus = 'ORDERED' | 'NEEDS_ADDRESS' | 'NO_ORDER';

/** What everybody may see of a giveaway. The seed is null until the draw reveals it. */
export interface GiveawayView {
  id: string;
  prizeText: string;
  prizeIsProduct: boolean;
  eligibility: GiveawayEligibility;
  keyword: string | null;
  winnerCount: number;
  status: GiveawayStatus;
  commitment: string;
  seedHex: string | null;
  entryCount: number;
  endsAt: string;
  drawnAt: string | null;
  /** In the order drawn: each winner's entry reference and public name. */
  winners: { ref: string; name: string }[];
}

/** One person's part in a giveaway. */
export interface MyGiveaway {
  giveawayId: string;
  /** Their entry reference, or null when they have not entered. */
  ref: string | null;
  won: boolean;
  prizeStatus: PrizeStatus | null;
  orderId: string | null;
}

export const giveawaySelect = {
  id: true,
  prizeText: true,
  prizeVariantId: true,
  eligibility: true,
  keyword: true,
  winnerCount: true,
  status: true,
  commitment: true,
  seedHex: true,
  entryCount: true,
  endsAt: true,
  drawnAt: true,
  showId: true,
} as const;

export type GiveawayRow = {
  id: string;
  prizeText: string;
  prizeVariantId: string | null;
  eligibility: string;
  keyword: string | null;
  winnerCount: number;
  status: string;
  commitment: string;
  seedHex: string;
  entryCount: number;
  endsAt: Date;
  drawnAt: Date | null;
  showId: string;
};

export async function toGiveawayView(db: Db, row: GiveawayRow): Promise<GiveawayView> {
  const drawn = row.status === 'DRAWN';
  const [entryCount, winners] = await Promise.all([
    drawn ? row.entryCount : db.giveawayEntry.count({ where: { giveawayId: row.id } }),
    drawn
      ? db.giveawayWinner.findMany({
          where: { giveawayId: row.id },
          orderBy: { rank: 'asc' },
          select: { userId: true, user: { select: { name: true } } },
        })
      : [],
  ]);
  const refs = winners.length
    ? await db.giveawayEntry.findMany({
        where: { giveawayId: row.id, userId: { in: winners.map((w) => w.userId) } },
        select: { userId: true, ref: true },
      })
    : [];
  return {
    id: row.id,
    prizeText: row.prizeText,
    prizeIsProduct: row.prizeVariantId !== null,
    eligibility: row.eligibility as GiveawayEligibility,
    keyword: row.keyword,
    winnerCount: row.winnerCount,
    status: row.status as GiveawayStatus,
    commitment: row.commitment,
    // Revealed only by the draw: before it, knowing the seed would tell who is going to win.
    seedHex: drawn ? row.seedHex : null,
    entryCount,
    endsAt: row.endsAt.toISOString(),
    drawnAt: row.drawnAt?.toISOString() ?? null,
    winners: winners.map((w) => ({ ref: refs.find((r) => r.userId === w.userId)?.ref ?? '', name: publicName(w.user.name) })),
  };
}

export async function myGiveaway(db: Db, giveawayId: string, userId: string | null): Promise<MyGiveaway | null> {
  if (!userId) return null;
  const [entry, win] = await Promise.all([
    db.giveawayEntry.findUnique({ where: { giveawayId_userId: { giveawayId, userId } }, select: { ref: true } }),
    db.giveawayWinner.findUnique({ where: { giveawayId_userId: { giveawayId, userId } }, select: { status: true, orderId: true } }),
  ]);
  return {
    giveawayId,
    ref: entry?.ref ?? null,
    won: win !== null,
    prizeStatus: (win?.status as PrizeStatus | undefined) ?? null,
    orderId: win?.orderId ?? null,
  };
}
