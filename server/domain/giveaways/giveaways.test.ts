import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestDatabase, type TestDatabase } from '../../../test/support/database';
import { DEMO_SHOW_ID, seedDemoData } from '../../db/seed';
import { verifyShowAudit } from '../audit';
import { goLive, makeBuyers, variantBySku } from '../checkout.test-support';
import type { Actor } from '../context';
import { seedCommitment, verifyDraw } from '../fair-draw';
import { demoActors, expectAppError } from '../test-actors';
import {
  claimPrize,
  drawGiveaway,
  drawGiveawayAtEnd,
  enterGiveaway,
  enterGiveawayByChat,
  giveawayVerification,
  mentionsKeyword,
  startGiveaway,
} from './giveaways';

// Giveaways against the real database: the commitment before entries, one entry per
// person, eligibility, keyword entries, the draw re-verified from published data
// alone, and each winner's zero-price order through the order tables.
let database: TestDatabase;
let host: Actor;
const showId = DEMO_SHOW_ID;

beforeAll(async () => {
  database = await startTestDatabase();
  await seedDemoData(database.prisma);
  await goLive(database.prisma, showId);
  host = (await demoActors(database.prisma)).host;
}, 120_000);

afterAll(async () => {
  await database?.stop();
});

const start = (input: Partial<Parameters<typeof startGiveaway>[3]> = {}) =>
  startGiveaway(database.prisma, host, showId, {
    prizeText: 'A tote bag',
    eligibility: 'ANYONE',
    winnerCount: 1,
    durationSeconds: 600,
    ...input,
  });

describe('giveaways', () => {
  it('publishes the commitment and hides the seed until the draw, whose winners re-verify from the published data alone', async () => {
    const serum = await variantBySku(database.prisma, 'LUM-SERUM-30ML');
    const giveaway = await start({ prizeText: null, prizeVariantId: serum.id, winnerCount: 2 });
    expect(giveaway.seedHex).toBeNull();
    expect(giveaway.commitment).toMatch(/^[0-9a-f]{64}$/);
    expect(giveaway.prizeText).toContain('Serum');

    const buyers = await makeBuyers(database.prisma, 6);
    const entries = await Promise.all(buyers.map((b) => enterGiveaway(database.prisma, b, showId, giveaway.id)));
    expect(entries.every((e) => e.entered)).toBe(true);
    // Entering again changes nothing and answers the same reference.
    const again = await enterGiveaway(database.prisma, buyers[0]!, showId, giveaway.id);
    expect(again).toEqual({ ...entries[0], entered: false });

    const { giveaway: drawn } = await drawGiveaway(database.prisma, host, showId, giveaway.id);
    expect(drawn.status).toBe('DRAWN');
    expect(drawn.winners).toHaveLength(2);
    expect(await seedCommitment(drawn.seedHex!)).toBe(giveaway.commitment);

    // What the public verification page shows is enough to re-run the draw.
    const published = (await giveawayVerification(database.prisma, giveaway.id))!;
    expect(published.entries).toHaveLength(6);
    const check = await verifyDraw({
      commitment: published.giveaway.commitment,
      seedHex: published.giveaway.seedHex!,
      entries: published.entries,
      winnerCount: published.giveaway.winnerCount,
      winners: published.giveaway.winners.map((w) => w.ref),
    });
    expect(check).toMatchObject({ commitmentMatches: true, winnersMatch: true });

    // Each winner has a zero-price order of the prize, PAID, with its receipt and winner email queued.
    const winnerIds = await database.prisma.giveawayWinner.findMany({
      where: { giveawayId: giveaway.id },
      select: { userId: true, status: true, orderId: true },
    });
    for (const w of winnerIds) {
      expect(w.status).toBe('ORDERED');
      const order = await database.prisma.order.findUniqueOrThrow({ where: { id: w.orderId! }, include: { items: true } });
      expect(order).toMatchObject({ buyerId: w.userId, totalMinor: 0, status: 'PAID', source: 'GIVEAWAY', showId });
      expect(order.items).toMatchObject([{ variantId: serum.id, quantity: 1, unitPriceMinor: 0 }]);
      expect(order.shipLine1).toBe('1 Test St');
      expect(await database.prisma.job.count({ where: { dedupeKey: `email:giveaway-win:${giveaway.id}:${w.userId}` } })).toBe(1);
    }
    expect((await variantBySku(database.prisma, 'LUM-SERUM-30ML')).stock).toBe(serum.stock - 2);

    // Entries after the draw are refused; the show's audit log holds commitment, entries and draw, and verifies.
    await expectAppError(enterGiveaway(database.prisma, (await makeBuyers(database.prisma, 1))[0]!, showId, giveaway.id), 'INVALID_STATE');
    const kinds = (await database.prisma.showAuditEntry.findMany({ where: { showId }, select: { kind: true } })).map((e) => e.kind);
    expect(kinds.filter((k) => k === 'giveaway.entry')).toHaveLength(6);
    expect(kinds).toContain('giveaway.committed');
    expect(kinds).toContain('giveaway.drawn');
    expect((await verifyShowAudit(database.prisma, showId)).ok).toBe(true);
  });

  it('refuses a second open giveaway with GIVEAWAY_RUNNING and a tap on a keyword giveaway with GIVEAWAY_KEYWORD_ONLY', async () => {
    const giveaway = await start({ keyword: 'Glow' });
    await expectAppError(start(), 'INVALID_STATE');
    const [viewer] = await makeBuyers(database.prisma, 1);
    const refused = await enterGiveaway(database.prisma, viewer!, showId, giveaway.id).catch((e: unknown) => e);
    expect(refused).toMatchObject({ reason: 'GIVEAWAY_KEYWORD_ONLY', params: { keyword: 'Glow' } });

    // Typing the keyword in chat enters; a message without it enters nothing.
    expect(await enterGiveawayByChat(database.prisma, viewer!, showId, 'love this serum')).toBeNull();
    const byChat = await enterGiveawayByChat(database.prisma, viewer!, showId, 'GLOW!! please');
    expect(byChat).toMatchObject({ entry: { giveawayId: giveaway.id, entered: true } });
    // The host cannot enter their own giveaway.
    expect(await enterGiveawayByChat(database.prisma, host, showId, 'glow')).toMatchObject({ refusal: { reason: 'GIVEAWAY_STAFF' } });
    await drawGiveaway(database.prisma, host, showId, giveaway.id);
  });

  it('matches the keyword as a word in any script, ignoring case and punctuation', () => {
    expect(mentionsKeyword('ខ្ញុំចង់បាន ស្អាត!', 'ស្អាត')).toBe(true);
    expect(mentionsKeyword('glowing skin', 'glow')).toBe(false);
    expect(mentionsKeyword('«Glow»', 'glow')).toBe(true);
  });

  it('lets only followers enter a followers giveaway (NOT_ELIGIBLE_FOLLOWERS) and only buyers a buyers one (NOT_ELIGIBLE_BUYERS)', async () => {
    const [stranger, follower] = await makeBuyers(database.prisma, 2);
    const show = await database.prisma.show.findUniqueOrThrow({ where: { id: showId }, select: { hostId: true } });
    await database.prisma.hostFollow.create({ data: { userId: follower!.userId, hostId: show.hostId } });
    const followers = await start({ eligibility: 'FOLLOWERS' });
    expect(await enterGiveaway(database.prisma, stranger!, showId, followers.id).catch((e: unknown) => e)).toMatchObject({
      reason: 'NOT_ELIGIBLE_FOLLOWERS',
    });
    expect((await enterGiveaway(database.prisma, follower!, showId, followers.id)).entered).toBe(true);
    await drawGiveaway(database.prisma, host, showId, followers.id);

    const buyers = await start({ eligibility: 'BUYERS' });
    expect(await enterGiveaway(database.prisma, follower!, showId, buyers.id).catch((e: unknown) => e)).toMatchObject({
      reason: 'NOT_ELIGIBLE_BUYERS',
    });
    await drawGiveaway(database.prisma, host, showId, buyers.id);
  });

  it('gives a winner without an address a prize to claim, which becomes the zero-price order once an address is saved', async () => {
    const serum = await variantBySku(database.prisma, 'LUM-SERUM-30ML');
    const giveaway = await start({ prizeText: null, prizeVariantId: serum.id });
    const [winner] = await makeBuyers(database.prisma, 1, { wallet: false });
    await enterGiveaway(database.prisma, winner!, showId, giveaway.id);
    await drawGiveaway(database.prisma, host, showId, giveaway.id);
    await expectAppError(claimPrize(database.prisma, winner!, giveaway.id), 'NO_ADDRESS');
    await database.prisma.address.create({
      data: { userId: winner!.userId, fullName: 'W', line1: '2 Prize Rd', city: 'Ulaanbaatar', country: 'MN', isDefault: true },
    });
    const mine = await claimPrize(database.prisma, winner!, giveaway.id);
    expect(mine).toMatchObject({ won: true, prizeStatus: 'ORDERED' });
    // Claiming twice is the same single order.
    expect((await claimPrize(database.prisma, winner!, giveaway.id)).orderId).toBe(mine.orderId);
    expect(await database.prisma.order.count({ where: { buyerId: winner!.userId, source: 'GIVEAWAY' } })).toBe(1);
    await expectAppError(claimPrize(database.prisma, host, giveaway.id), 'FORBIDDEN');
  });

  it('the server draws a giveaway when its entries close, once, and never before its end', async () => {
    const giveaway = await start();
    const [viewer] = await makeBuyers(database.prisma, 1);
    await enterGiveaway(database.prisma, viewer!, showId, giveaway.id);
    expect(await drawGiveawayAtEnd(database.prisma, giveaway.id)).toBeNull();
    await database.prisma.giveaway.update({ where: { id: giveaway.id }, data: { endsAt: new Date(Date.now() - 1000) } });
    const [first, second] = await Promise.all([
      drawGiveawayAtEnd(database.prisma, giveaway.id),
      drawGiveawayAtEnd(database.prisma, giveaway.id),
    ]);
    const drawn = [first, second].filter((d) => d !== null);
    expect(drawn).toHaveLength(1);
    expect(drawn[0]!.giveaway).toMatchObject({ status: 'DRAWN', winners: [{ name: 'Buyer T.' }] });
    expect(await database.prisma.giveawayWinner.count({ where: { giveawayId: giveaway.id } })).toBe(1);
  });
});
