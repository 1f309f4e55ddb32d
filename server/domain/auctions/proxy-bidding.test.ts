import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestDatabase, type TestDatabase } from '../../../test/support/database';
import { seedDemoData } from '../../db/seed';
import { makeBuyers } from '../checkout.test-support';
import type { Actor } from '../context';
import { AppError } from '../errors';
import { auctionFixture, type AuctionFixture, freshAuction } from './auction.test-support';
import { placeBid } from './auctions';

// Proxy bidding, eBay-style, as the database applies it (the rule is one SQL
// statement per bid; this table drives that statement). Start 10.00, increment 1.00.
// Each bid is [bidder, maximum]; a one-tap bid is a maximum equal to the price it offers.
let database: TestDatabase;
let f: AuctionFixture;
let buyers: Actor[];

beforeAll(async () => {
  database = await startTestDatabase();
  await seedDemoData(database.prisma);
  f = await auctionFixture(database.prisma);
  buyers = await makeBuyers(database.prisma, 3);
}, 120_000);

afterAll(async () => {
  await database?.stop();
});

type Case = {
  rule: string;
  bids: [bidder: 'A' | 'B' | 'C', max: number][];
  price: number;
  leader: 'A' | 'B' | 'C';
  /** The last bid's answer: accepted and leading, accepted but outbid at once, or refused with this reason. */
  last?: 'leading' | 'outbid' | string;
};

const cases: Case[] = [
  { rule: 'the first bid at the start price leads at the start price', bids: [['A', 1000]], price: 1000, leader: 'A', last: 'leading' },
  {
    rule: 'a first maximum above the start still opens at the start price',
    bids: [['A', 5000]],
    price: 1000,
    leader: 'A',
    last: 'leading',
  },
  {
    rule: 'a one-tap bid under the leader’s maximum is outbid at once, the price one increment above it',
    bids: [
      ['A', 5000],
      ['B', 1100],
    ],
    price: 1200,
    leader: 'A',
    last: 'outbid',
  },
  {
    rule: 'a lower maximum raises the price to one increment above it',
    bids: [
      ['A', 5000],
      ['B', 3000],
    ],
    price: 3100,
    leader: 'A',
    last: 'outbid',
  },
  {
    rule: 'a higher maximum takes the lead at one increment above the old maximum',
    bids: [
      ['A', 3000],
      ['B', 5000],
    ],
    price: 3100,
    leader: 'B',
    last: 'leading',
  },
  {
    rule: 'the price never goes above the new leader’s maximum',
    bids: [
      ['A', 3000],
      ['B', 3050],
    ],
    price: 3050,
    leader: 'B',
    last: 'leading',
  },
  {
    rule: 'equal maximums: the earlier bidder keeps the lead, at that maximum',
    bids: [
      ['A', 3000],
      ['B', 3000],
    ],
    price: 3000,
    leader: 'A',
    last: 'outbid',
  },
  {
    rule: 'the leader raising their own maximum does not raise the price',
    bids: [
      ['A', 2000],
      ['B', 1500],
      ['A', 4000],
    ],
    price: 1600,
    leader: 'A',
    last: 'leading',
  },
  {
    rule: 'three bidders: the price follows the second-highest maximum',
    bids: [
      ['A', 2000],
      ['B', 4000],
      ['C', 3000],
    ],
    price: 3100,
    leader: 'B',
    last: 'outbid',
  },
  {
    rule: 'a bid below the next price is refused with the new minimum',
    bids: [
      ['A', 1000],
      ['B', 1050],
    ],
    price: 1000,
    leader: 'A',
    last: 'BID_BELOW_NEXT',
  },
  {
    rule: 'a first bid below the start price is refused',
    bids: [
      ['A', 1000],
      ['B', 999],
    ],
    price: 1000,
    leader: 'A',
    last: 'BID_BELOW_NEXT',
  },
  {
    rule: 'the leader cannot bid against themselves at or below their maximum',
    bids: [
      ['A', 3000],
      ['A', 2000],
    ],
    price: 1000,
    leader: 'A',
    last: 'AUCTION_ALREADY_LEADING',
  },
];

describe('proxy bidding', () => {
  it.each(cases)('$rule', async ({ bids, price, leader, last }) => {
    const auction = await freshAuction(database.prisma, f);
    const who = { A: buyers[0]!, B: buyers[1]!, C: buyers[2]! };
    let answer: string | undefined;
    for (const [name, max] of bids) {
      answer = await placeBid(database.prisma, who[name], {
        showId: f.showId,
        auctionId: auction.id,
        maxMinor: max,
        idempotencyKey: randomUUID(),
      }).then(
        (r) => (r.leading ? 'leading' : 'outbid'),
        (e: unknown) => (e instanceof AppError ? (e.reason ?? e.code) : 'thrown'),
      );
    }
    const row = await database.prisma.auction.findUniqueOrThrow({ where: { id: auction.id } });
    expect(row.priceMinor).toBe(price);
    expect(row.leaderId).toBe(who[leader].userId);
    if (last) expect(answer).toBe(last);
  });

  it('the same idempotency key bids once and answers the same again', async () => {
    const auction = await freshAuction(database.prisma, f);
    const key = randomUUID();
    const bid = () =>
      placeBid(database.prisma, buyers[0]!, { showId: f.showId, auctionId: auction.id, maxMinor: 1000, idempotencyKey: key });
    const [first, second] = await Promise.all([bid(), bid()]);
    const third = await bid();
    expect([first.replayed, second.replayed].sort()).toEqual([false, true]);
    expect(third).toMatchObject({ replayed: true, leading: true });
    expect(await database.prisma.auctionBid.count({ where: { auctionId: auction.id } })).toBe(1);
    expect((await database.prisma.auction.findUniqueOrThrow({ where: { id: auction.id } })).bidCount).toBe(1);
  });
});
