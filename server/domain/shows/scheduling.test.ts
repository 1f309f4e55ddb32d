import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { startTestDatabase, type TestDatabase } from '../../../test/support/database';
import { seedDemoData, type DemoSeed } from '../../db/seed';
import {
  cancelShow,
  createShow,
  listBrandShows,
  listHostInvitations,
  rescheduleShow,
  respondToHostInvite,
  updateShowDetails,
  type ShowCreationInput,
} from './scheduling';
import { announceShowChange, scheduleShowReminders } from '../notifications';
import { goLive } from './shows';
import { demoActors, expectAppError, type DemoActors } from '../test-actors';
import { utcToZonedLocal, zonedLocalToUtc } from '../zoned-time';

// The notification side is someone else's module: here we only check that scheduling tells it.
vi.mock('../notifications/show-notifications', () => ({
  announceShowChange: vi.fn(async () => {}),
  scheduleShowReminders: vi.fn(async () => {}),
  announceShowLive: vi.fn(async () => {}),
}));

const PUBLIC_URL = 'https://live.example';

describe('zonedLocalToUtc', () => {
  const utc = (local: string, zone: string) => {
    const result = zonedLocalToUtc(local, zone);
    return result.ok ? result.instant.toISOString() : result.reason;
  };

  it('reads a Phnom Penh wall-clock time as UTC+7 all year', () => {
    expect(utc('2026-01-15T20:00', 'Asia/Phnom_Penh')).toBe('2026-01-15T13:00:00.000Z');
    expect(utc('2026-07-01T00:30', 'Asia/Phnom_Penh')).toBe('2026-06-30T17:30:00.000Z');
  });

  it('follows New York across the spring change: UTC−5 the day before, UTC−4 the day after', () => {
    expect(utc('2026-03-07T12:00', 'America/New_York')).toBe('2026-03-07T17:00:00.000Z');
    expect(utc('2026-03-08T01:59', 'America/New_York')).toBe('2026-03-08T06:59:00.000Z');
    expect(utc('2026-03-08T03:00', 'America/New_York')).toBe('2026-03-08T07:00:00.000Z');
    expect(utc('2026-03-09T12:00', 'America/New_York')).toBe('2026-03-09T16:00:00.000Z');
  });

  it('refuses a time the clocks skip rather than moving it silently', () => {
    expect(utc('2026-03-08T02:30', 'America/New_York')).toBe('skipped');
  });

  it('resolves a time that happens twice at the autumn change to its first occurrence', () => {
    expect(utc('2026-11-01T01:30', 'America/New_York')).toBe('2026-11-01T05:30:00.000Z');
    expect(utc('2026-11-01T03:00', 'America/New_York')).toBe('2026-11-01T08:00:00.000Z');
  });

  it('refuses impossible dates and unknown zones', () => {
    expect(utc('2026-02-30T10:00', 'UTC')).toBe('invalid');
    expect(utc('2026-01-01T24:00', 'UTC')).toBe('invalid');
    expect(utc('2026-01-01T10:00', 'Mars/Olympus_Mons')).toBe('invalid');
  });

  it('turns an instant back into the same wall-clock time', () => {
    expect(utcToZonedLocal(new Date('2026-03-09T16:00:00Z'), 'America/New_York')).toBe('2026-03-09T12:00');
    expect(utcToZonedLocal(new Date('2026-01-15T13:00:00Z'), 'Asia/Phnom_Penh')).toBe('2026-01-15T20:00');
  });
});

describe('scheduling shows', () => {
  let database: TestDatabase;
  let seed: DemoSeed;
  let actors: DemoActors;
  const koraProductId = 'demo_product_kora_fleece';

  /** A start two days ahead on Lumen's clock (Asia/Phnom_Penh). */
  const inTwoDays = () => utcToZonedLocal(new Date(Date.now() + 2 * 86_400_000), 'Asia/Phnom_Penh');
  const showInput = (over: Partial<ShowCreationInput> = {}): ShowCreationInput => ({
    title: 'Summer glow',
    description: 'Sunscreen week.',
    startLocal: inTwoDays(),
    plannedDurationMinutes: 45,
    commissionRateBps: 1250,
    lineup: [seed.productIds[2]!, seed.productIds[0]!],
    hostHandle: '@Mia',
    ...over,
  });
  const newLumenShow = async (over: Partial<ShowCreationInput> = {}) =>
    (await createShow(database.prisma, actors.lumenOwner, 'lumen', showInput(over), { publicUrl: PUBLIC_URL })).id;

  beforeAll(async () => {
    database = await startTestDatabase();
    seed = await seedDemoData(database.prisma);
    actors = await demoActors(database.prisma);
  });
  afterAll(async () => database?.stop());
  beforeEach(() => vi.clearAllMocks());

  it('creates a show at the brand-local start stored in UTC, with its lineup in order, and emails the host an invitation', async () => {
    const startLocal = '2099-06-01T20:00';
    const id = await newLumenShow({ startLocal });
    const show = await database.prisma.show.findUniqueOrThrow({ where: { id }, include: { lineup: { orderBy: { position: 'asc' } } } });
    expect(show).toMatchObject({
      status: 'SCHEDULED',
      hostInviteStatus: 'PENDING',
      hostId: actors.host.userId,
      commissionRateBps: 1250,
      plannedDurationMinutes: 45,
      coverImageUrl: null,
    });
    expect(show.scheduledStart.toISOString()).toBe('2099-06-01T13:00:00.000Z');
    expect(show.lineup.map((l) => [l.productId, l.position])).toEqual([
      [seed.productIds[2], 0],
      [seed.productIds[0], 1],
    ]);
    const job = await database.prisma.job.findUniqueOrThrow({ where: { dedupeKey: `email:host-invite:${id}:${actors.host.userId}` } });
    expect(job.payload).toMatchObject({
      to: 'host@demo.live',
      kind: 'show.host-invite',
      text: expect.stringContaining(`${PUBLIC_URL}/dashboard/host`),
    });
  });

  it('refuses a lineup holding another brand’s product with INVALID_INPUT', async () => {
    await expectAppError(newLumenShow({ lineup: [seed.productIds[0]!, koraProductId] }), 'INVALID_INPUT');
  });

  it('refuses an archived product, a start in the past and an unknown host handle', async () => {
    await database.prisma.product.create({ data: { id: 'archived_lumen', brandId: seed.brandId, title: 'Old balm', status: 'ARCHIVED' } });
    await expectAppError(newLumenShow({ lineup: ['archived_lumen'] }), 'INVALID_INPUT');
    await expectAppError(newLumenShow({ startLocal: '2020-01-01T10:00' }), 'INVALID_INPUT');
    await expectAppError(newLumenShow({ hostHandle: 'nobody_here' }), 'INVALID_INPUT');
  });

  it('answers a Kora member with NOT_FOUND when they list, create, edit, reschedule or cancel Lumen’s shows', async () => {
    const id = await newLumenShow();
    const kora = actors.koraOwner;
    await expectAppError(listBrandShows(database.prisma, kora, 'lumen'), 'NOT_FOUND');
    await expectAppError(createShow(database.prisma, kora, 'lumen', showInput(), { publicUrl: PUBLIC_URL }), 'NOT_FOUND');
    for (const slug of ['lumen', 'kora']) {
      await expectAppError(updateShowDetails(database.prisma, kora, slug, id, { ...showInput(), lineup: [koraProductId] }), 'NOT_FOUND');
      await expectAppError(rescheduleShow(database.prisma, kora, slug, id, inTwoDays()), 'NOT_FOUND');
      await expectAppError(cancelShow(database.prisma, kora, slug, id, 'mine now'), 'NOT_FOUND');
    }
    expect(await database.prisma.show.findUniqueOrThrow({ where: { id }, select: { status: true } })).toEqual({ status: 'SCHEDULED' });
    expect((await listBrandShows(database.prisma, kora, 'kora')).map((s) => s.id)).toEqual([seed.otherShowId]);
  });

  it('emails the brand’s team once when the host answers', async () => {
    const id = await newLumenShow();
    await respondToHostInvite(database.prisma, actors.host, id, 'accept', 'http://shop.test');
    await respondToHostInvite(database.prisma, actors.host, id, 'accept', 'http://shop.test');
    const jobs = await database.prisma.job.findMany({
      where: { kind: 'email.send', dedupeKey: { startsWith: `email:host-answer:${id}:` } },
    });
    const owner = await database.prisma.user.findUniqueOrThrow({ where: { id: actors.lumenOwner.userId } });
    expect(jobs.map((j) => (j.payload as { to: string }).to)).toEqual([owner.email]);
    expect((jobs[0]!.payload as { subject: string }).subject).toMatch(/accepted/);
  });

  it('does not let the invited host edit the brand’s show or lineup: they are not a brand member', async () => {
    const id = await newLumenShow();
    await respondToHostInvite(database.prisma, actors.host, id, 'accept');
    await expectAppError(
      updateShowDetails(database.prisma, actors.host, 'lumen', id, { ...showInput(), lineup: [seed.productIds[5]!] }),
      'NOT_FOUND',
    );
    await expectAppError(cancelShow(database.prisma, actors.host, 'lumen', id, ''), 'NOT_FOUND');
    const lineup = await database.prisma.showProduct.findMany({ where: { showId: id }, orderBy: { position: 'asc' } });
    expect(lineup.map((l) => l.productId)).toEqual([seed.productIds[2], seed.productIds[0]]);
  });

  it('lets the brand reorder, add and remove lineup products and edit details until the show ends', async () => {
    const id = await newLumenShow();
    const lineup = [seed.productIds[0]!, seed.productIds[3]!, seed.productIds[2]!];
    await updateShowDetails(database.prisma, actors.lumenOwner, 'lumen', id, {
      ...showInput(),
      title: 'Renamed',
      lineup,
      commissionRateBps: 500,
    });
    const show = await database.prisma.show.findUniqueOrThrow({ where: { id }, include: { lineup: { orderBy: { position: 'asc' } } } });
    expect(show).toMatchObject({ title: 'Renamed', commissionRateBps: 500 });
    expect(show.lineup.map((l) => l.productId)).toEqual(lineup);
    await database.prisma.show.update({ where: { id }, data: { status: 'ENDED' } });
    await expectAppError(updateShowDetails(database.prisma, actors.lumenOwner, 'lumen', id, showInput()), 'INVALID_STATE');
  });

  it('only the invited host can accept; accepting plans the reminders', async () => {
    const id = await newLumenShow();
    await expectAppError(respondToHostInvite(database.prisma, actors.viewer, id, 'accept'), 'FORBIDDEN');
    await expectAppError(respondToHostInvite(database.prisma, actors.lumenOwner, id, 'accept'), 'FORBIDDEN');
    expect(scheduleShowReminders).not.toHaveBeenCalled();
    await respondToHostInvite(database.prisma, actors.host, id, 'accept');
    await respondToHostInvite(database.prisma, actors.host, id, 'accept');
    expect(await database.prisma.show.findUniqueOrThrow({ where: { id }, select: { hostInviteStatus: true } })).toEqual({
      hostInviteStatus: 'ACCEPTED',
    });
    expect(scheduleShowReminders).toHaveBeenCalledTimes(1);
    expect(scheduleShowReminders).toHaveBeenCalledWith(expect.anything(), id);
  });

  it('a declined show cannot go live, and cannot be accepted again by the host', async () => {
    const id = await newLumenShow();
    await respondToHostInvite(database.prisma, actors.host, id, 'decline');
    await expectAppError(goLive(database.prisma, actors.host, id), 'FORBIDDEN');
    await expectAppError(respondToHostInvite(database.prisma, actors.host, id, 'accept'), 'INVALID_STATE');
    expect(await database.prisma.show.findUniqueOrThrow({ where: { id }, select: { status: true } })).toEqual({ status: 'SCHEDULED' });
  });

  it('a pending invitation cannot go live either', async () => {
    const id = await newLumenShow();
    await expectAppError(goLive(database.prisma, actors.host, id), 'INVALID_STATE');
  });

  it('rescheduling moves the start, tells everyone interested with the previous start, and re-plans reminders', async () => {
    const id = await newLumenShow({ startLocal: '2099-06-01T20:00' });
    await rescheduleShow(database.prisma, actors.lumenOwner, 'lumen', id, '2099-06-02T09:15');
    const show = await database.prisma.show.findUniqueOrThrow({ where: { id }, select: { scheduledStart: true } });
    expect(show.scheduledStart.toISOString()).toBe('2099-06-02T02:15:00.000Z');
    expect(announceShowChange).toHaveBeenCalledWith(expect.anything(), id, {
      kind: 'rescheduled',
      previousStart: new Date('2099-06-01T13:00:00.000Z'),
    });
    expect(scheduleShowReminders).toHaveBeenCalledWith(expect.anything(), id);
    await expectAppError(rescheduleShow(database.prisma, actors.lumenOwner, 'lumen', id, '2001-01-01T10:00'), 'INVALID_INPUT');
  });

  it('cancelling tells everyone interested once; a live show cannot be cancelled', async () => {
    const id = await newLumenShow();
    await cancelShow(database.prisma, actors.lumenOwner, 'lumen', id, 'Host is ill');
    await cancelShow(database.prisma, actors.lumenOwner, 'lumen', id, 'Host is ill');
    expect(await database.prisma.show.findUniqueOrThrow({ where: { id }, select: { status: true, cancelReason: true } })).toEqual({
      status: 'CANCELLED',
      cancelReason: 'Host is ill',
    });
    expect(announceShowChange).toHaveBeenCalledTimes(1);
    expect(announceShowChange).toHaveBeenCalledWith(expect.anything(), id, { kind: 'cancelled', reason: 'Host is ill' });
    await expectAppError(rescheduleShow(database.prisma, actors.lumenOwner, 'lumen', id, inTwoDays()), 'INVALID_STATE');

    const liveId = await newLumenShow();
    await respondToHostInvite(database.prisma, actors.host, liveId, 'accept');
    await goLive(database.prisma, actors.host, liveId);
    await expectAppError(cancelShow(database.prisma, actors.lumenOwner, 'lumen', liveId, 'too late'), 'INVALID_STATE');
  });

  it('lists the host’s pending invitations and accepted upcoming shows, but not declined or other people’s', async () => {
    const pending = await newLumenShow({ title: 'Pending one' });
    const accepted = await newLumenShow({ title: 'Accepted one' });
    const declined = await newLumenShow({ title: 'Declined one' });
    await respondToHostInvite(database.prisma, actors.host, accepted, 'accept');
    await respondToHostInvite(database.prisma, actors.host, declined, 'decline');
    const { pending: open, accepted: upcoming } = await listHostInvitations(database.prisma, actors.host);
    expect(open.map((s) => s.id)).toContain(pending);
    expect(upcoming.map((s) => s.id)).toEqual(expect.arrayContaining([accepted, seed.showId, seed.otherShowId]));
    expect([...open, ...upcoming].map((s) => s.id)).not.toContain(declined);
    expect(await listHostInvitations(database.prisma, actors.viewer)).toEqual({ pending: [], accepted: [] });
  });
});
