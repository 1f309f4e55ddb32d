import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestDatabase, type TestDatabase } from '../../../test/support/database';
import { seedDemoData, type DemoSeed } from '../../db/seed';
import { checkoutBag, getBag, setBagItem } from '../bag';
import { makeBuyers, variantBySku } from '../checkout.test-support';
import { stockGate } from '../catalog';
import { homeSections } from '../discovery';
import { placeShowOrder } from '../orders';
import { TestPaymentProvider } from '../payments';
import { chaptersFromPins, chapterClock, chatCountAt, getReplay, pinnedAt, playheadOfServerTime, serverTimeOfPlayhead } from '.';

// Replays against the real database: which shows are replays, what a replay carries, and that
// buying from one is priced regular and refused where there is nothing to replay.
let database: TestDatabase;
let seed: DemoSeed;
const payments = new TestPaymentProvider();
const T0 = Date.parse('2026-12-01T10:00:00.000Z');
const at = (seconds: number) => new Date(T0 + seconds * 1000);

beforeAll(async () => {
  database = await startTestDatabase();
  seed = await seedDemoData(database.prisma);
}, 120_000);
afterAll(async () => database?.stop());

async function endedShow(opts: { recording: 'READY' | 'RECORDING' | 'FAILED' | null }): Promise<string> {
  const db = database.prisma;
  const show = await db.show.create({
    data: {
      brandId: seed.brandId,
      hostId: seed.hostId,
      title: `Replay ${randomUUID().slice(0, 6)}`,
      scheduledStart: at(-60),
      hostInviteStatus: 'ACCEPTED',
      status: 'ENDED',
      startedAt: at(0),
      endedAt: at(900),
      lineup: { create: seed.productIds.map((productId, position) => ({ productId, position })) },
    },
    select: { id: true },
  });
  if (opts.recording) {
    await db.showRecording.create({
      data: {
        showId: show.id,
        status: opts.recording,
        storagePrefix: 'recordings/x/',
        startedAt: at(2),
        endedAt: at(898),
        durationMs: 896_000,
      },
    });
  }
  return show.id;
}

describe('replay listing', () => {
  it('the home page lists as replays only ended shows with a READY recording, and their cards say so', async () => {
    const ready = await endedShow({ recording: 'READY' });
    const recording = await endedShow({ recording: 'RECORDING' });
    const failed = await endedShow({ recording: 'FAILED' });
    const none = await endedShow({ recording: null });
    const { replays } = await homeSections(database.prisma);
    const ids = replays.map((s) => s.id);
    expect(ids).toContain(ready);
    for (const id of [recording, failed, none]) expect(ids).not.toContain(id);
    expect(replays.find((s) => s.id === ready)).toMatchObject({ status: 'ENDED', hasReplay: true });
    expect(await getReplay(database.prisma, none)).toBeNull();
    expect(await getReplay(database.prisma, failed)).toBeNull();
  });
});

describe('chapters from pin events', () => {
  const titles = new Map([
    ['serum', 'Dewy Glow Serum'],
    ['cream', 'Cloud Cream Moisturiser'],
  ]);
  const window = { startMs: T0, endMs: T0 + 900_000 };

  it('each pin inside the recording is a chapter at its server time; a pin before the first frame starts at it; unpins and repeats add none', () => {
    const pins = [
      { productId: 'cream', action: 'PIN' as const, atMs: T0 - 5_000 },
      { productId: 'serum', action: 'PIN' as const, atMs: T0 + 760_000 },
      { productId: 'serum', action: 'PIN' as const, atMs: T0 + 770_000 },
      { productId: 'serum', action: 'UNPIN' as const, atMs: T0 + 800_000 },
      { productId: 'cream', action: 'PIN' as const, atMs: T0 + 950_000 },
    ];
    expect(chaptersFromPins(pins, titles, window)).toEqual([
      { productId: 'cream', title: 'Cloud Cream Moisturiser', atMs: T0, offsetMs: 0 },
      { productId: 'serum', title: 'Dewy Glow Serum', atMs: T0 + 760_000, offsetMs: 760_000 },
    ]);
    expect(pinnedAt(pins, T0 + 759_999)).toBe('cream');
    expect(pinnedAt(pins, T0 + 760_000)).toBe('serum');
    expect(pinnedAt(pins, T0 + 800_000)).toBeNull();
    expect(chapterClock(760_000, (n, d) => String(n).padStart(d, '0'))).toBe('12:40');
    expect(chapterClock(3_725_000, (n, d) => String(n).padStart(d, '0'))).toBe('1:02:05');
  });

  it('a pin time maps to the playhead through the program date times, across a gap a worker restart left', () => {
    const segments = [
      { start: 0, duration: 2, programDateTimeMs: T0 },
      { start: 2, duration: 2, programDateTimeMs: T0 + 2_000 },
      // The recorder was down for 10 s: the next segment's date jumps, its playhead does not.
      { start: 4, duration: 2, programDateTimeMs: T0 + 14_000 },
    ];
    expect(playheadOfServerTime(segments, T0 + 3_500)).toBe(3.5);
    expect(playheadOfServerTime(segments, T0 + 15_000)).toBe(5);
    expect(playheadOfServerTime(segments, T0 + 8_000)).toBe(4);
    expect(playheadOfServerTime(segments, T0 - 1_000)).toBe(0);
    expect(playheadOfServerTime(segments, T0 + 60_000)).toBe(6);
    expect(serverTimeOfPlayhead(segments, 3.5)).toBe(T0 + 3_500);
    expect(serverTimeOfPlayhead(segments, 5)).toBe(T0 + 15_000);
  });

  it('a replay carries the pins of its show as chapters, in server time', async () => {
    const id = await endedShow({ recording: 'READY' });
    const serum = await variantBySku(database.prisma, 'LUM-SERUM-30ML');
    await database.prisma.pinEvent.createMany({
      data: [
        { showId: id, productId: serum.productId, action: 'PIN', offsetMs: 760_000, createdAt: at(760) },
        { showId: id, productId: serum.productId, action: 'UNPIN', offsetMs: 800_000, createdAt: at(800) },
      ],
    });
    const replay = await getReplay(database.prisma, id);
    expect(replay).toMatchObject({
      playlistUrl: `/api/shows/${id}/hls/index.m3u8`,
      startedAtMs: at(2).getTime(),
      endedAtMs: at(898).getTime(),
      chapters: [{ productId: serum.productId, title: 'Dewy Glow Serum', atMs: at(760).getTime(), offsetMs: 758_000 }],
    });
    expect(replay!.lineup.map((p) => p.id)).toEqual(seed.productIds);
  });
});

describe('chat replay window', () => {
  it('carries the messages said while the recording ran, oldest first, without deleted ones or anything by people banned from the show', async () => {
    const id = await endedShow({ recording: 'READY' });
    const [alice, bob] = await makeBuyers(database.prisma, 2);
    const db = database.prisma;
    const say = (userId: string, text: string, seconds: number, deleted = false) =>
      db.chatMessage.create({ data: { showId: id, userId, text, createdAt: at(seconds), deletedAt: deleted ? at(seconds + 1) : null } });
    await say(alice!.userId, 'before the recording', 1);
    await say(alice!.userId, 'hello', 10);
    await say(bob!.userId, 'spam', 20);
    await say(alice!.userId, 'removed', 30, true);
    await say(alice!.userId, 'love the serum', 40);
    await say(alice!.userId, 'after the end', 899);
    await db.showBan.create({ data: { showId: id, userId: bob!.userId, bannedById: seed.hostId } });

    const replay = await getReplay(db, id);
    expect(replay!.chat.map((m) => m.text)).toEqual(['hello', 'love the serum']);
    expect(chatCountAt(replay!.chat, at(39).getTime())).toBe(1);
    expect(chatCountAt(replay!.chat, at(40).getTime())).toBe(2);
  });
});

describe('buying from a replay', () => {
  let serum: Awaited<ReturnType<typeof variantBySku>>;
  beforeEach(async () => {
    serum = await variantBySku(database.prisma, 'LUM-SERUM-30ML');
    await database.prisma.productVariant.update({ where: { id: serum.id }, data: { stock: 50 } });
    stockGate.forget(serum.id);
  });

  // A deal whose row was never closed (a crash at the end of the show): still not a replay's price.
  const openDeal = (id: string) =>
    database.prisma.flashDeal.create({
      data: { showId: id, productId: serum.productId, variantId: serum.id, priceMinor: 1, endsAt: new Date(Date.now() + 3_600_000) },
    });

  it('one tap on a replay is PAID at the regular price, even while a deal of the show was left open', async () => {
    const id = await endedShow({ recording: 'READY' });
    const deal = await openDeal(id);
    const [buyer] = await makeBuyers(database.prisma, 1);
    const order = await placeShowOrder(database.prisma, payments, buyer!, {
      showId: id,
      variantId: serum.id,
      quantity: 1,
      idempotencyKey: randomUUID(),
    });
    expect(order).toMatchObject({ status: 'PAID', deal: null });
    const item = await database.prisma.orderItem.findFirstOrThrow({ where: { orderId: order.id } });
    expect(item).toMatchObject({ unitPriceMinor: serum.priceMinor, dealId: null });
    // The deal's price is not for sale after the show: naming it is refused, not honoured.
    await expect(
      placeShowOrder(database.prisma, payments, buyer!, {
        showId: id,
        variantId: serum.id,
        quantity: 1,
        idempotencyKey: randomUUID(),
        dealId: deal.id,
      }),
    ).rejects.toMatchObject({ code: 'DEAL_ENDED' });
  });

  it('the bag fills and checks out from a replay at the regular price, even while a deal of the show was left open', async () => {
    const id = await endedShow({ recording: 'READY' });
    await openDeal(id);
    const [buyer] = await makeBuyers(database.prisma, 1);
    await setBagItem(database.prisma, buyer!, { showId: id, variantId: serum.id, quantity: 2 });
    const bag = await getBag(database.prisma, buyer!, { showId: id });
    const order = await checkoutBag(database.prisma, payments, buyer!, {
      showId: id,
      idempotencyKey: randomUUID(),
      expectedTotalMinor: bag.totals.totalMinor,
    });
    expect(order.status).toBe('PAID');
    const item = await database.prisma.orderItem.findFirstOrThrow({ where: { orderId: order.id } });
    expect(item).toMatchObject({ unitPriceMinor: serum.priceMinor, quantity: 2, dealId: null });
  });

  it('an ended show without a READY recording refuses one tap and the bag with NO_REPLAY', async () => {
    const id = await endedShow({ recording: 'RECORDING' });
    const [buyer] = await makeBuyers(database.prisma, 1);
    const tap = placeShowOrder(database.prisma, payments, buyer!, {
      showId: id,
      variantId: serum.id,
      quantity: 1,
      idempotencyKey: randomUUID(),
    });
    await expect(tap).rejects.toMatchObject({ code: 'SHOW_NOT_LIVE', reason: 'NO_REPLAY' });
    await expect(setBagItem(database.prisma, buyer!, { showId: id, variantId: serum.id, quantity: 1 })).rejects.toMatchObject({
      reason: 'NO_REPLAY',
    });
  });
});
