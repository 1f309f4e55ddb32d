// Test helpers for the auction tests (not app code).
import type { PrismaClient } from '../../db/client';
import { DEMO_SHOW_ID } from '../../db/seed';
import type { Actor } from '../context';
import { demoActors } from '../test-actors';
import { startAuction } from './auctions';

export interface AuctionFixture {
  host: Actor;
  showId: string;
  variantId: string;
}

/** The demo show live, its serum variant in stock and buyable many times over. */
export async function auctionFixture(prisma: PrismaClient): Promise<AuctionFixture> {
  await prisma.show.update({ where: { id: DEMO_SHOW_ID }, data: { status: 'LIVE', startedAt: new Date(), maxPerBuyer: 10_000 } });
  const variant = await prisma.productVariant.update({ where: { sku: 'LUM-SERUM-30ML' }, data: { stock: 100_000 }, select: { id: true } });
  const { host } = await demoActors(prisma);
  return { host, showId: DEMO_SHOW_ID, variantId: variant.id };
}

/** Starts an auction (start 10.00, increment 1.00 unless given); ends any earlier one of the show first. */
export async function freshAuction(
  prisma: PrismaClient,
  f: AuctionFixture,
  opts: {
    durationSeconds?: number;
    antiSnipeSeconds?: number;
    extendSeconds?: number;
    startPriceMinor?: number;
    incrementMinor?: number;
  } = {},
) {
  await prisma.auction.updateMany({ where: { showId: f.showId, status: { in: ['RUNNING', 'SETTLING'] } }, data: { status: 'CANCELLED' } });
  return startAuction(prisma, f.host, f.showId, {
    variantId: f.variantId,
    startPriceMinor: opts.startPriceMinor ?? 1000,
    incrementMinor: opts.incrementMinor ?? 100,
    durationSeconds: opts.durationSeconds ?? 120,
    antiSnipeSeconds: opts.antiSnipeSeconds ?? 0,
    extendSeconds: opts.extendSeconds ?? 10,
  });
}

/** Moves an auction's end (the database's clock decides; tests do not wait two minutes). */
export async function endsIn(prisma: PrismaClient, auctionId: string, ms: number): Promise<void> {
  await prisma.$executeRawUnsafe(
    `UPDATE "Auction" SET "endsAt" = (clock_timestamp() AT TIME ZONE 'UTC') + make_interval(secs => $2::double precision / 1000) WHERE "id" = $1`,
    auctionId,
    ms,
  );
}
