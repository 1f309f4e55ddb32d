import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SHOW_ID } from '../../server/db/seed';
import { startAuction } from '../../server/domain/auctions';
import { ask, createBuyers, joinShow, nextEvent, startTestApp, type TestApp, type TestBuyer, type TestSocket } from '../support/app';

// Auctions over the real show channel: real server, PostgreSQL, Socket.io over sockets.
let t: TestApp;
const showId = DEMO_SHOW_ID;
let host: { id: string; name: string };
let variantId: string;
let hostSocket: TestSocket;
let buyers: TestBuyer[];

beforeAll(async () => {
  t = await startTestApp();
  host = await t.app.db.user.findUniqueOrThrow({ where: { email: 'host@demo.live' }, select: { id: true, name: true } });
  const show = await t.app.db.show.findUniqueOrThrow({
    where: { id: showId },
    select: { lineup: { select: { productId: true }, orderBy: { position: 'asc' }, take: 1 } },
  });
  variantId = (await t.app.db.productVariant.findFirstOrThrow({ where: { productId: show.lineup[0]!.productId }, select: { id: true } }))
    .id;
  await t.app.db.productVariant.update({ where: { id: variantId }, data: { stock: 1000 } });
  hostSocket = await t.connect(host);
  await joinShow(hostSocket, showId);
  expect(await ask(hostSocket, 'show:goLive', { showId })).toMatchObject({ ok: true });
  buyers = await createBuyers(t, 3, 'bidder');
  // Distinct names: the public leader is a first name and an initial.
  for (const [i, name] of ['Ana Lee', 'Bo Kim', 'Chan Dara'].entries()) {
    await t.app.db.user.update({ where: { id: buyers[i]!.id }, data: { name } });
    buyers[i]!.name = name;
  }
}, 120_000);

afterAll(async () => {
  await t?.stop();
});

const start = (durationSeconds: number) =>
  ask(hostSocket, 'auction:start', { showId, variantId, startPriceMinor: 1000, incrementMinor: 100, durationSeconds });

describe('auctions on the show channel', () => {
  it('a viewer outbid by a maximum is told privately, everyone sees the price and the leader, a late joiner gets the auction in its snapshot, and the winner is told their paid order', async () => {
    const [a, b] = [await t.connect(buyers[0]), await t.connect(buyers[1])];
    await Promise.all([joinShow(a, showId), joinShow(b, showId)]);
    const startedSeen = nextEvent(a, 'auction:started');
    const started = await start(5);
    if (!started.ok) throw new Error(started.error.code);
    const { auction } = started;
    expect((await startedSeen).auction).toMatchObject({ id: auction.id, nextBidMinor: 1000, priceMinor: null });
    expect(
      await ask(hostSocket, 'auction:bid', { showId, auctionId: auction.id, amountMinor: 1000, idempotencyKey: randomUUID() }),
    ).toMatchObject({
      ok: false,
      error: { reason: 'AUCTION_HOST_CANNOT_BID' },
    });

    const first = await ask(a, 'auction:bid', { showId, auctionId: auction.id, amountMinor: 1000, idempotencyKey: randomUUID() });
    expect(first).toMatchObject({ ok: true, bid: { leading: true, auction: { priceMinor: 1000, leaderName: 'Ana L.' } } });
    const outbid = nextEvent(a, 'auction:outbid', (e) => e.auctionId === auction.id);
    const priced = nextEvent(a, 'auction:bid', (e) => e.auctionId === auction.id && e.priceMinor === 1100);
    const second = await ask(b, 'auction:setMax', { showId, auctionId: auction.id, maxMinor: 3000, idempotencyKey: randomUUID() });
    expect(second).toMatchObject({ ok: true, bid: { leading: true, auction: { priceMinor: 1100, leaderName: 'Bo K.' } } });
    expect(await outbid).toMatchObject({ priceMinor: 1100, nextBidMinor: 1200 });
    expect(await priced).toMatchObject({ leaderName: 'Bo K.', nextBidMinor: 1200, seq: expect.any(Number) as number });
    // A tap at a price that has moved on is refused with the new minimum, not charged more.
    expect(await ask(a, 'auction:bid', { showId, auctionId: auction.id, amountMinor: 1100, idempotencyKey: randomUUID() })).toMatchObject({
      ok: false,
      error: { code: 'BID_TOO_LOW', reason: 'BID_BELOW_NEXT' },
    });

    const late = await t.connect(buyers[2]);
    const snapshot = await joinShow(late, showId);
    expect(snapshot.auction).toMatchObject({ id: auction.id, priceMinor: 1100, leaderName: 'Bo K.', status: 'RUNNING' });
    expect(Math.abs(Date.parse(snapshot.serverNow) - Date.now())).toBeLessThan(60_000);

    // The server's timer ends it: the winner pays the price, through one order.
    const won = nextEvent(b, 'auction:won', (e) => e.auctionId === auction.id);
    const ended = await nextEvent(late, 'auction:ended', (e) => e.auctionId === auction.id);
    expect(ended).toMatchObject({ result: 'SOLD', priceMinor: 1100, winnerName: 'Bo K.' });
    const order = await won;
    const row = await t.app.db.order.findUniqueOrThrow({ where: { id: order.orderId }, include: { items: true } });
    expect(row).toMatchObject({ buyerId: buyers[1]!.id, status: 'PAID', source: 'AUCTION', subtotalMinor: 1100 });
    expect(row.items[0]).toMatchObject({ variantId, quantity: 1, unitPriceMinor: 1100 });
    expect(await ask(a, 'auction:bid', { showId, auctionId: auction.id, amountMinor: 5000, idempotencyKey: randomUUID() })).toMatchObject({
      ok: false,
      error: { code: 'AUCTION_ENDED' },
    });
    for (const s of [a, b, late]) s.disconnect();
  }, 60_000);

  it('the host cancels a running auction: it ends CANCELLED for everyone and nobody is charged', async () => {
    const viewer = await t.connect(buyers[0]);
    await joinShow(viewer, showId);
    const started = await start(60);
    if (!started.ok) throw new Error(started.error.code);
    expect(await start(60)).toMatchObject({ ok: false, error: { reason: 'AUCTION_RUNNING' } });
    await ask(viewer, 'auction:bid', { showId, auctionId: started.auction.id, amountMinor: 1000, idempotencyKey: randomUUID() });
    const ended = nextEvent(viewer, 'auction:ended', (e) => e.auctionId === started.auction.id);
    expect(await ask(hostSocket, 'auction:cancel', { showId, auctionId: started.auction.id })).toMatchObject({ ok: true });
    expect(await ended).toMatchObject({ result: 'CANCELLED', winnerName: null });
    expect(await t.app.db.order.count({ where: { source: 'AUCTION', buyerId: buyers[0]!.id } })).toBe(0);
    viewer.disconnect();
  });

  it('an auction whose timer was lost (a restart) is settled by the sweep and announced', async () => {
    const viewer = await t.connect(buyers[2]);
    await joinShow(viewer, showId);
    // Started behind this node's back: no timer here knows about it.
    const auction = await startAuction(t.app.db, { userId: host.id, name: host.name }, showId, {
      variantId,
      startPriceMinor: 500,
      incrementMinor: 100,
      durationSeconds: 120,
      antiSnipeSeconds: 0,
      extendSeconds: 10,
    });
    await ask(viewer, 'auction:bid', { showId, auctionId: auction.id, amountMinor: 500, idempotencyKey: randomUUID() });
    await t.app.db.$executeRawUnsafe(`UPDATE "Auction" SET "endsAt" = "endsAt" - interval '10 minutes' WHERE "id" = $1`, auction.id);
    const ended = await nextEvent(viewer, 'auction:ended', (e) => e.auctionId === auction.id);
    expect(ended).toMatchObject({ result: 'SOLD', priceMinor: 500 });
    expect(await t.app.db.auction.findUniqueOrThrow({ where: { id: auction.id } })).toMatchObject({
      status: 'SOLD',
      winnerId: buyers[2]!.id,
    });
    viewer.disconnect();
  }, 30_000);
});
