import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestDatabase, type TestDatabase } from '../../../test/support/database';
import { seedDemoData } from '../../db/seed';
import { readShowAudit, verifyShowAudit } from '../audit';
import { makeBuyers, SpyPayments } from '../checkout.test-support';
import type { Actor } from '../context';
import { AppError } from '../errors';
import { auctionFixture, type AuctionFixture, endsIn, freshAuction } from './auction.test-support';
import { cancelAuction, placeBid } from './auctions';
import { settleAuction } from './settle-auction';

// The end of an auction against the real database: the storm of last-second bids,
// the winner's order through the pipeline, and the next bidder when a card is declined.
let database: TestDatabase;
let f: AuctionFixture;

beforeAll(async () => {
  database = await startTestDatabase();
  await seedDemoData(database.prisma);
  f = await auctionFixture(database.prisma);
}, 120_000);

afterAll(async () => {
  await database?.stop();
});

const bid = (bidder: Actor, auctionId: string, maxMinor: number) =>
  placeBid(database.prisma, bidder, { showId: f.showId, auctionId, maxMinor, idempotencyKey: randomUUID() });

describe('settling an auction', () => {
  it('a storm of 300 bidders in the last 2 s: anti-snipe extends, no bid is accepted after the end, exactly one winner is charged once', async () => {
    const bidders = await makeBuyers(database.prisma, 300);
    const auction = await freshAuction(database.prisma, f, { antiSnipeSeconds: 3, extendSeconds: 3 });
    await endsIn(database.prisma, auction.id, 2000);
    const firstEnd = (await database.prisma.auction.findUniqueOrThrow({ where: { id: auction.id } })).endsAt.getTime();
    const payments = new SpyPayments();
    // Every bidder taps "Bid" at the price it last saw, as fast as the database answers, and keeps going until the end.
    const settle = async () => {
      for (;;) {
        const outcome = await settleAuction(database.prisma, payments, auction.id);
        if (outcome.kind !== 'running') return outcome;
        await new Promise((resolve) => setTimeout(resolve, Math.max(5, outcome.endsAt.getTime() - Date.now())));
      }
    };
    let seen = auction.nextBidMinor;
    const refusals = new Map<string, number>();
    const storm = bidders.map(async (bidder, i) => {
      // Spread the first taps over the 2 s.
      await new Promise((resolve) => setTimeout(resolve, (i * 2000) / bidders.length));
      for (let tries = 0; tries < 3; tries++) {
        try {
          const result = await bid(bidder, auction.id, seen);
          seen = Math.max(seen, result.auction.nextBidMinor);
          return;
        } catch (error) {
          const key = error instanceof AppError ? (error.reason ?? error.code) : 'thrown';
          refusals.set(key, (refusals.get(key) ?? 0) + 1);
          if (key === 'AUCTION_ENDED') return;
          const current = await database.prisma.auction.findUniqueOrThrow({ where: { id: auction.id }, select: { priceMinor: true } });
          seen = Math.max(seen, (current.priceMinor ?? 0) + 100);
        }
      }
    });
    const [outcome] = await Promise.all([settle(), ...storm]);
    expect(refusals.get('thrown') ?? 0).toBe(0);

    const row = await database.prisma.auction.findUniqueOrThrow({ where: { id: auction.id } });
    expect(row.endsAt.getTime(), 'a bid in the last 3 s moved the end').toBeGreaterThan(firstEnd);
    expect(row.status).toBe('SOLD');
    // Nothing after the end: every accepted bid is before the final end, and a bid now is refused.
    const lastBid = await database.prisma.auctionBid.findFirstOrThrow({ where: { auctionId: auction.id }, orderBy: { createdAt: 'desc' } });
    expect(lastBid.createdAt.getTime()).toBeLessThanOrEqual(row.endsAt.getTime());
    expect(row.bidCount).toBe(await database.prisma.auctionBid.count({ where: { auctionId: auction.id } }));
    const late = await Promise.allSettled(bidders.slice(0, 50).map((b) => bid(b, auction.id, 1_000_000)));
    expect(late.map((r) => r.status === 'rejected' && (r.reason as AppError).code)).toEqual(Array(50).fill('AUCTION_ENDED'));

    // One winner, charged once, at the final price, through one order.
    expect(outcome).toMatchObject({ kind: 'ended', winner: { userId: row.leaderId } });
    const orders = await database.prisma.order.findMany({
      where: { source: 'AUCTION', buyer: { id: { in: bidders.map((b) => b.userId) } } },
    });
    expect(orders).toHaveLength(1);
    expect(orders[0]).toMatchObject({ buyerId: row.leaderId, status: 'PAID', subtotalMinor: row.priceMinor, id: row.orderId });
    expect(payments.authorized).toHaveLength(1);
    expect(payments.captured).toHaveLength(1);
    // Settling again changes nothing and charges nothing.
    await settleAuction(database.prisma, payments, auction.id);
    expect(payments.authorized).toHaveLength(1);

    // The log has every accepted bid, the extensions, the end and the result, and verifies.
    const log = (await readShowAudit(database.prisma, f.showId)).filter((e) => e.data.includes(auction.id));
    expect(log.filter((e) => e.kind === 'auction.bid')).toHaveLength(row.bidCount);
    expect(log.some((e) => e.kind === 'auction.extended')).toBe(true);
    expect(log.filter((e) => e.kind === 'auction.result').map((e) => JSON.parse(e.data) as { result: string })).toEqual([
      expect.objectContaining({ result: 'SOLD', winnerId: row.leaderId, orderId: row.orderId }),
    ]);
    expect((await verifyShowAudit(database.prisma, f.showId)).ok).toBe(true);
  }, 120_000);

  it('a declined card passes the item to the bidder with the next highest maximum, at that maximum', async () => {
    const [declined, second, third] = await makeBuyers(database.prisma, 3);
    await database.prisma.paymentMethod.updateMany({ where: { userId: declined!.userId }, data: { token: 'tok_test_visa_decline' } });
    const auction = await freshAuction(database.prisma, f);
    await bid(third!, auction.id, 1500);
    await bid(second!, auction.id, 2500);
    await bid(declined!, auction.id, 4000);
    await endsIn(database.prisma, auction.id, -1);
    const outcome = await settleAuction(database.prisma, new SpyPayments(), auction.id);
    expect(outcome).toMatchObject({ kind: 'ended', winner: { userId: second!.userId, totalMinor: expect.any(Number) as number } });
    const order = await database.prisma.order.findFirstOrThrow({
      where: { buyerId: second!.userId, source: 'AUCTION' },
      include: { items: true },
    });
    expect(order.items[0]!.unitPriceMinor).toBe(2500);
    expect(await database.prisma.order.count({ where: { buyerId: declined!.userId } })).toBe(0);
    const row = await database.prisma.auction.findUniqueOrThrow({ where: { id: auction.id } });
    expect(row).toMatchObject({ status: 'SOLD', winnerId: second!.userId, passedIds: [declined!.userId] });
  });

  it('nobody able to pay, or nobody bidding, leaves the auction UNSOLD without an order', async () => {
    const [only] = await makeBuyers(database.prisma, 1);
    await database.prisma.paymentMethod.updateMany({ where: { userId: only!.userId }, data: { token: 'tok_test_visa_decline' } });
    const auction = await freshAuction(database.prisma, f);
    await bid(only!, auction.id, 1000);
    await endsIn(database.prisma, auction.id, -1);
    expect(await settleAuction(database.prisma, new SpyPayments(), auction.id)).toMatchObject({
      kind: 'ended',
      winner: null,
      auction: { status: 'UNSOLD' },
    });

    const empty = await freshAuction(database.prisma, f);
    await endsIn(database.prisma, empty.id, -1);
    expect(await settleAuction(database.prisma, new SpyPayments(), empty.id)).toMatchObject({
      winner: null,
      auction: { status: 'UNSOLD' },
    });
  });

  it('an auction still running answers its end and stays open; a cancelled one takes no bids and sells nothing', async () => {
    const [buyer] = await makeBuyers(database.prisma, 1);
    const auction = await freshAuction(database.prisma, f);
    expect(await settleAuction(database.prisma, new SpyPayments(), auction.id)).toMatchObject({ kind: 'running' });
    await bid(buyer!, auction.id, 1000);
    await cancelAuction(database.prisma, f.host, f.showId, auction.id);
    await expect(bid(buyer!, auction.id, 2000)).rejects.toMatchObject({ code: 'AUCTION_ENDED' });
    expect(await settleAuction(database.prisma, new SpyPayments(), auction.id)).toMatchObject({
      winner: null,
      auction: { status: 'CANCELLED' },
    });
  });

  it('bidding needs a saved card and is closed to the host', async () => {
    const [walletless] = await makeBuyers(database.prisma, 1, { wallet: false });
    const auction = await freshAuction(database.prisma, f);
    await expect(bid(walletless!, auction.id, 1000)).rejects.toMatchObject({ code: 'NO_PAYMENT_METHOD' });
    await expect(bid(f.host, auction.id, 1000)).rejects.toMatchObject({ reason: 'AUCTION_HOST_CANNOT_BID' });
  });
});
