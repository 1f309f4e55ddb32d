import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { startTestDatabase, type TestDatabase } from '../../../test/support/database';
import { seedDemoData, type DemoSeed } from '../../db/seed';
import {
  brandFollowerCount,
  cancelReminder,
  followBrand,
  followHost,
  hasReminder,
  hostFollowerCount,
  isFollowingBrand,
  isFollowingHost,
  remindMe,
  unfollowBrand,
  unfollowHost,
} from './follows';
import { scheduleShowReminders } from './show-notifications';
import { demoActors, expectAppError, type DemoActors } from '../test-actors';

vi.mock('./show-notifications', () => ({
  announceShowChange: vi.fn(async () => {}),
  scheduleShowReminders: vi.fn(async () => {}),
  announceShowLive: vi.fn(async () => {}),
}));

describe('follows and reminders', () => {
  let database: TestDatabase;
  let seed: DemoSeed;
  let actors: DemoActors;

  beforeAll(async () => {
    database = await startTestDatabase();
    seed = await seedDemoData(database.prisma);
    actors = await demoActors(database.prisma);
  });
  afterAll(async () => database?.stop());
  beforeEach(() => vi.clearAllMocks());

  it('following a host twice is the same as once, and unfollowing twice is harmless', async () => {
    const db = database.prisma;
    await followHost(db, actors.viewer, actors.host.userId);
    await followHost(db, actors.viewer, actors.host.userId);
    expect(await isFollowingHost(db, actors.viewer.userId, actors.host.userId)).toBe(true);
    expect(await hostFollowerCount(db, actors.host.userId)).toBe(1);
    await unfollowHost(db, actors.viewer, actors.host.userId);
    await unfollowHost(db, actors.viewer, actors.host.userId);
    expect(await isFollowingHost(db, actors.viewer.userId, actors.host.userId)).toBe(false);
    expect(await hostFollowerCount(db, actors.host.userId)).toBe(0);
  });

  it('only people with a host profile can be followed as hosts, and nobody follows themselves', async () => {
    await expectAppError(followHost(database.prisma, actors.viewer, actors.lumenOwner.userId), 'NOT_FOUND');
    await expectAppError(followHost(database.prisma, actors.viewer, 'no-such-user'), 'NOT_FOUND');
    await expectAppError(followHost(database.prisma, actors.host, actors.host.userId), 'INVALID_INPUT');
  });

  it('following a brand is idempotent and counted once per person', async () => {
    const db = database.prisma;
    await followBrand(db, actors.viewer, seed.brandId);
    await followBrand(db, actors.viewer, seed.brandId);
    await followBrand(db, actors.viewer2, seed.brandId);
    expect(await brandFollowerCount(db, seed.brandId)).toBe(2);
    expect(await isFollowingBrand(db, actors.viewer.userId, seed.brandId)).toBe(true);
    expect(await isFollowingBrand(db, null, seed.brandId)).toBe(false);
    await unfollowBrand(db, actors.viewer, seed.brandId);
    expect(await brandFollowerCount(db, seed.brandId)).toBe(1);
    await expectAppError(followBrand(db, actors.viewer, 'no-such-brand'), 'NOT_FOUND');
  });

  it('"Remind me" works once per person on a scheduled show and plans the reminders', async () => {
    const db = database.prisma;
    await remindMe(db, actors.viewer, seed.showId);
    await remindMe(db, actors.viewer, seed.showId);
    expect(await hasReminder(db, actors.viewer.userId, seed.showId)).toBe(true);
    expect(await db.showReminder.count({ where: { showId: seed.showId } })).toBe(1);
    expect(scheduleShowReminders).toHaveBeenCalledTimes(1);
    await cancelReminder(db, actors.viewer, seed.showId);
    expect(await hasReminder(db, actors.viewer.userId, seed.showId)).toBe(false);
    expect(await hasReminder(db, null, seed.showId)).toBe(false);
  });

  it('refuses "Remind me" on a show that is live, ended or cancelled', async () => {
    const db = database.prisma;
    for (const status of ['LIVE', 'ENDED', 'CANCELLED'] as const) {
      await db.show.update({ where: { id: seed.otherShowId }, data: { status } });
      await expectAppError(remindMe(db, actors.viewer, seed.otherShowId), 'INVALID_STATE');
    }
    await expectAppError(remindMe(db, actors.viewer, 'no-such-show'), 'NOT_FOUND');
  });
});
