import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestDatabase, type TestDatabase } from '../../../test/support/database';
import { seedDemoData, type DemoSeed } from '../../db/seed';
import { variantFor } from './ab-split';
import { setMarketingConsent } from './consent';
import { countSegment, segmentMembers, segmentSchema } from './segments';

describe('campaign segments', () => {
  let database: TestDatabase;
  let seed: DemoSeed;
  const db = () => database.prisma;

  beforeAll(async () => {
    database = await startTestDatabase();
    seed = await seedDemoData(database.prisma);
  });
  afterAll(async () => {
    await database?.stop();
  });

  async function person(name: string, opts: { consent?: boolean; locale?: string } = {}) {
    const user = await db().user.create({
      data: { email: `${name}.${randomUUID().slice(0, 6)}@example.test`, name, locale: opts.locale ?? null },
      select: { id: true },
    });
    if (opts.consent !== false) await setMarketingConsent(db(), user.id, true, 'preferences');
    return user.id;
  }
  const order = (buyerId: string, opts: { showId?: string; daysAgo?: number; status?: 'PAID' | 'CANCELLED'; country?: string } = {}) =>
    db().order.create({
      data: {
        buyerId,
        brandId: seed.brandId,
        showId: opts.showId ?? null,
        status: opts.status ?? 'PAID',
        totalMinor: 1000,
        currency: 'USD',
        idempotencyKey: randomUUID(),
        shipCountry: opts.country ?? null,
        createdAt: new Date(Date.now() - (opts.daysAgo ?? 0) * 86_400_000),
      },
    });
  const ids = async (segment: unknown) =>
    (await segmentMembers(db(), seed.brandId, segmentSchema.parse(segment))).map((m) => m.userId).sort();

  it('followers, attended without buying and recent buyers add up; only people with marketing consent are members', async () => {
    const follower = await person('follower');
    const followerWithoutConsent = await person('silent', { consent: false });
    const followerWhoWithdrew = await person('withdrew');
    await setMarketingConsent(db(), followerWhoWithdrew, false, 'unsubscribe-link');
    for (const userId of [follower, followerWithoutConsent, followerWhoWithdrew])
      await db().brandFollow.create({ data: { userId, brandId: seed.brandId } });
    const watcher = await person('watcher');
    await db().chatMessage.create({ data: { showId: seed.showId, userId: watcher, text: 'hi' } });
    const watcherWhoBought = await person('buyer-in-show');
    await db().chatMessage.create({ data: { showId: seed.showId, userId: watcherWhoBought, text: 'hi' } });
    await order(watcherWhoBought, { showId: seed.showId, daysAgo: 90 });
    const otherBrandWatcher = await person('elsewhere');
    await db().chatMessage.create({ data: { showId: seed.otherShowId, userId: otherBrandWatcher, text: 'hi' } });
    const recentBuyer = await person('recent');
    await order(recentBuyer, { daysAgo: 10 });
    const oldBuyer = await person('old');
    await order(oldBuyer, { daysAgo: 40 });
    const cancelledBuyer = await person('cancelled');
    await order(cancelledBuyer, { daysAgo: 1, status: 'CANCELLED' });

    expect(await ids({ followers: true })).toEqual([follower].sort());
    expect(await ids({ attendedWithoutBuying: true })).toEqual([watcher].sort());
    expect(await ids({ boughtWithinDays: 30 })).toEqual([recentBuyer].sort());
    expect(await ids({ boughtWithinDays: 100 })).toEqual([recentBuyer, oldBuyer, watcherWhoBought].sort());
    expect(await ids({ followers: true, attendedWithoutBuying: true, boughtWithinDays: 30 })).toEqual(
      [follower, watcher, recentBuyer].sort(),
    );
    // The count preview says how many the consent rule leaves out.
    expect(await countSegment(db(), seed.brandId, segmentSchema.parse({ followers: true }))).toEqual({ reachable: 1, withoutConsent: 2 });
  });

  it('language and country narrow a segment: language by the stored locale (none: English), country by addresses and shipped orders', async () => {
    const khmer = await person('khmer', { locale: 'km' });
    const english = await person('english');
    const mongolian = await person('mongolian', { locale: 'mn' });
    for (const userId of [khmer, english, mongolian]) await db().brandFollow.create({ data: { userId, brandId: seed.brandId } });
    await db().address.create({ data: { userId: khmer, fullName: 'K', line1: 'St 1', city: 'Phnom Penh', country: 'KH' } });
    await order(mongolian, { daysAgo: 200, country: 'MN' });
    const followers = await ids({ followers: true });
    expect(followers).toEqual(expect.arrayContaining([khmer, english, mongolian]));
    expect(await ids({ followers: true, languages: ['km'] })).toEqual([khmer]);
    expect(await ids({ followers: true, languages: ['en'] })).toEqual(expect.arrayContaining([english]));
    expect(await ids({ followers: true, languages: ['en'] })).not.toContain(khmer);
    expect(await ids({ followers: true, countries: ['KH', 'MN'] })).toEqual([khmer, mongolian].sort());
    expect(await ids({ followers: true, countries: ['MN'], languages: ['km'] })).toEqual([]);
  });

  it('a segment needs at least one source', () => {
    expect(segmentSchema.safeParse({ languages: ['km'] }).success).toBe(false);
  });
});

describe('A/B split', () => {
  it('is stable per campaign and person, follows the share given, and is all A without a test', () => {
    const people = Array.from({ length: 2000 }, (_, i) => `user-${i}`);
    const split = people.map((p) => variantFor('campaign-1', p, 30));
    expect(people.map((p) => variantFor('campaign-1', p, 30))).toEqual(split);
    const shareB = split.filter((v) => v === 'B').length / people.length;
    expect(shareB).toBeGreaterThan(0.25);
    expect(shareB).toBeLessThan(0.35);
    // Another campaign splits the same people differently.
    expect(people.map((p) => variantFor('campaign-2', p, 30))).not.toEqual(split);
    expect(new Set(people.map((p) => variantFor('campaign-1', p, 0)))).toEqual(new Set(['A']));
    expect(new Set(people.map((p) => variantFor('campaign-1', p, 100)))).toEqual(new Set(['B']));
  });
});
