import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestDatabase, type TestDatabase } from '../../../test/support/database';
import type { Prisma } from '../../db/client';
import { seedDemoData, type DemoSeed } from '../../db/seed';
import { brandProfile, escapeLikePattern, homeSections, hostProfile, search } from './discovery';
import { followBrand, followHost } from '../notifications';
import { demoActors, expectAppError, type DemoActors } from '../test-actors';

describe('discovery', () => {
  let database: TestDatabase;
  let seed: DemoSeed;
  let actors: DemoActors;
  const hours = (n: number) => new Date(Date.now() + n * 3_600_000);

  async function show(data: Partial<Prisma.ShowUncheckedCreateInput> & { title: string }): Promise<string> {
    const row = await database.prisma.show.create({
      data: { brandId: seed.brandId, hostId: seed.hostId, scheduledStart: hours(24), hostInviteStatus: 'ACCEPTED', ...data },
      select: { id: true },
    });
    return row.id;
  }

  beforeAll(async () => {
    database = await startTestDatabase();
    seed = await seedDemoData(database.prisma);
    actors = await demoActors(database.prisma);
  });
  afterAll(async () => database?.stop());

  it('the home page has live shows, accepted upcoming shows soonest first, and replays newest first', async () => {
    const live = await show({ title: 'On air', status: 'LIVE', scheduledStart: hours(-1), startedAt: hours(-0.5) });
    const later = await show({ title: 'Later', scheduledStart: hours(48) });
    const pending = await show({ title: 'Not agreed yet', scheduledStart: hours(2), hostInviteStatus: 'PENDING' });
    const cancelled = await show({ title: 'Called off', status: 'CANCELLED' });
    const oldReplay = await show({ title: 'Old replay', status: 'ENDED', scheduledStart: hours(-100), endedAt: hours(-99) });
    const newReplay = await show({ title: 'New replay', status: 'ENDED', scheduledStart: hours(-10), endedAt: hours(-9) });
    // A replay is an ended show with a READY recording; one without is not listed (server/domain/replays).
    await database.prisma.showRecording.createMany({
      data: [oldReplay, newReplay].map((showId) => ({ showId, status: 'READY' as const, storagePrefix: `recordings/${showId}/` })),
    });
    const unrecorded = await show({ title: 'Not recorded', status: 'ENDED', scheduledStart: hours(-5), endedAt: hours(-4) });

    const sections = await homeSections(database.prisma);
    expect(sections.live.map((s) => s.id)).toEqual([live]);
    // The demo show starts in 10 minutes, Kora's in three days.
    expect(sections.upcoming.map((s) => s.id)).toEqual([seed.showId, later, seed.otherShowId]);
    expect(sections.replays.map((s) => s.id)).toEqual([newReplay, oldReplay]);
    const everything = [...sections.live, ...sections.upcoming, ...sections.replays].map((s) => s.id);
    expect(everything).not.toContain(pending);
    expect(everything).not.toContain(cancelled);
    expect(everything).not.toContain(unrecorded);
    expect(sections.live[0]).toMatchObject({
      host: { name: 'Mia Chen', handle: 'mia' },
      brand: { name: 'Lumen Beauty', slug: 'lumen' },
      coverImageUrl: null,
    });
  });

  it('escapes LIKE wildcards so % and _ match themselves', () => {
    expect(escapeLikePattern('100%_a\\b')).toBe('100\\%\\_a\\\\b');
  });

  it('search treats % and _ in the query literally instead of matching everything', async () => {
    const linen = await show({ title: '100% Linen Drop' });
    const rain = await show({ title: 'Rain_proof layers' });
    const db = database.prisma;
    expect((await search(db, '100%')).shows.map((s) => s.id)).toEqual([linen]);
    expect((await search(db, '%')).shows.map((s) => s.id)).toEqual([linen]);
    expect((await search(db, '_')).shows.map((s) => s.id)).toEqual([rain]);
    const wildcardOnly = await search(db, '%');
    expect([...wildcardOnly.products, ...wildcardOnly.hosts, ...wildcardOnly.brands]).toEqual([]);
  });

  it('search finds shows, active products with their brand, hosts and brands, ignoring case', async () => {
    await database.prisma.product.create({ data: { brandId: seed.brandId, title: 'Glow Draft Serum', status: 'DRAFT' } });
    const db = database.prisma;
    const serum = await search(db, 'SERUM');
    expect(serum.products.map((p) => [p.title, p.brand.slug])).toEqual([['Dewy Glow Serum', 'lumen']]);
    expect((await search(db, 'glow up')).shows.map((s) => s.id)).toEqual([seed.showId]);
    expect((await search(db, 'MIA')).hosts).toEqual([expect.objectContaining({ handle: 'mia', name: 'Mia Chen', id: seed.hostId })]);
    expect((await search(db, 'kor')).brands.map((b) => b.slug)).toEqual(['kora']);
    expect((await search(db, 'lumen beauty')).brands.map((b) => b.slug)).toEqual(['lumen']);
  });

  it('search leaves out cancelled shows, shows the host has not accepted, and answers an empty query with nothing', async () => {
    await show({ title: 'Secret pending zebra', hostInviteStatus: 'PENDING' });
    await show({ title: 'Cancelled zebra', status: 'CANCELLED' });
    expect((await search(database.prisma, 'zebra')).shows).toEqual([]);
    expect(await search(database.prisma, '   ')).toEqual({ query: '', shows: [], products: [], hosts: [], brands: [] });
  });

  it('a host profile has the links, follower count, upcoming and past shows', async () => {
    await followHost(database.prisma, actors.viewer, seed.hostId);
    const profile = await hostProfile(database.prisma, 'MIA');
    expect(profile).toMatchObject({
      id: seed.hostId,
      handle: 'mia',
      name: 'Mia Chen',
      followerCount: 1,
      links: [{ label: 'Instagram', url: 'https://instagram.com/mia.glows' }],
    });
    expect(profile.upcoming[0]?.status).toBe('LIVE');
    expect(profile.upcoming.map((s) => s.id)).toContain(seed.otherShowId);
    expect(profile.past.every((s) => s.status === 'ENDED')).toBe(true);
    await expectAppError(hostProfile(database.prisma, 'nobody'), 'NOT_FOUND');
  });

  it('a brand profile has its description, follower count, shows and only active products', async () => {
    await followBrand(database.prisma, actors.viewer2, seed.otherBrandId);
    const kora = await brandProfile(database.prisma, 'kora');
    expect(kora).toMatchObject({ name: 'Kora Outdoors', description: 'Warm layers for cold mornings.', followerCount: 1 });
    expect(kora.upcoming.map((s) => s.id)).toEqual([seed.otherShowId]);
    expect(kora.products.map((p) => p.title)).toEqual(['Steppe Fleece Jacket']);
    const lumen = await brandProfile(database.prisma, 'lumen');
    expect(lumen.products.map((p) => p.title)).not.toContain('Glow Draft Serum');
    await expectAppError(brandProfile(database.prisma, 'nope'), 'NOT_FOUND');
  });
});
