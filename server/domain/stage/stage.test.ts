import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestDatabase, type TestDatabase } from '../../../test/support/database';
import { DEMO_SHOW_ID, seedDemoData } from '../../db/seed';
import { banFromShow } from '../chat';
import { goLive, makeBuyers } from '../checkout.test-support';
import type { Actor } from '../context';
import { requireMediaAccess } from '../shows';
import { demoActors, expectAppError } from '../test-actors';
import {
  acceptStageInvite,
  declineStageInvite,
  dropBannedFromStage,
  inviteToStage,
  leaveStage,
  removeFromStage,
  setStageLayout,
  stageView,
} from './stage';

let database: TestDatabase;
let host: Actor;
let viewer: Actor;
const showId = DEMO_SHOW_ID;

beforeAll(async () => {
  database = await startTestDatabase();
  await seedDemoData(database.prisma);
  ({ host, viewer } = await demoActors(database.prisma));
}, 120_000);

afterAll(async () => {
  await database?.stop();
});

const clearStage = () => database.prisma.stageGuest.deleteMany({ where: { showId } });

describe('guests on stage', () => {
  it('a stage before the show is live is refused with FORMAT_NEEDS_LIVE', async () => {
    const refused = await inviteToStage(database.prisma, host, showId, viewer.userId).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'SHOW_NOT_LIVE', reason: 'FORMAT_NEEDS_LIVE' });
    await goLive(database.prisma, showId);
  });

  it('only the host invites and removes guests (HOST_ONLY), even a viewer inviting themselves', async () => {
    const [other] = await makeBuyers(database.prisma, 1, { wallet: false });
    await expectAppError(inviteToStage(database.prisma, viewer, showId, viewer.userId), 'FORBIDDEN');
    await expectAppError(inviteToStage(database.prisma, viewer, showId, other!.userId), 'FORBIDDEN');
    await inviteToStage(database.prisma, host, showId, other!.userId);
    expect(await removeFromStage(database.prisma, viewer, showId, other!.userId).catch((e: unknown) => e)).toMatchObject({
      reason: 'HOST_ONLY',
    });
    expect((await stageView(database.prisma, showId)).invited.map((g) => g.userId)).toEqual([other!.userId]);
    await clearStage();
  });

  it('a banned viewer cannot be invited on stage (STAGE_GUEST_BANNED)', async () => {
    const [rude] = await makeBuyers(database.prisma, 1, { wallet: false });
    await banFromShow(database.prisma, host, showId, rude!.userId);
    expect(await inviteToStage(database.prisma, host, showId, rude!.userId).catch((e: unknown) => e)).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'STAGE_GUEST_BANNED',
    });
    expect(await database.prisma.stageGuest.count({ where: { showId, userId: rude!.userId } })).toBe(0);
  });

  it('a guest banned while on stage loses the seat and may no longer send media', async () => {
    const [guest] = await makeBuyers(database.prisma, 1, { wallet: false });
    await inviteToStage(database.prisma, host, showId, guest!.userId);
    await acceptStageInvite(database.prisma, guest!, showId);
    expect(await dropBannedFromStage(database.prisma, showId, guest!.userId)).toBeNull(); // not banned: nothing happens
    await banFromShow(database.prisma, host, showId, guest!.userId);
    expect(await dropBannedFromStage(database.prisma, showId, guest!.userId)).toMatchObject({ seat: null, stopMedia: true });
    await expectAppError(requireMediaAccess(database.prisma, guest!.userId, showId, 'send'), 'FORBIDDEN');
  });

  it('at most four on stage: the host and three guests; a fourth invitation is refused with STAGE_FULL', async () => {
    const guests = await makeBuyers(database.prisma, 4, { wallet: false });
    for (const guest of guests.slice(0, 3)) await inviteToStage(database.prisma, host, showId, guest.userId);
    expect(await inviteToStage(database.prisma, host, showId, guests[3]!.userId).catch((e: unknown) => e)).toMatchObject({
      code: 'LIMIT_REACHED',
      reason: 'STAGE_FULL',
      params: { max: 4 },
    });
    // Declining frees the seat for someone else.
    await declineStageInvite(database.prisma, guests[0]!, showId);
    await inviteToStage(database.prisma, host, showId, guests[3]!.userId);
    await clearStage();
  });

  it('three invited guests accepting at once with a fourth seat already taken: never more than three guests on stage', async () => {
    const guests = await makeBuyers(database.prisma, 4, { wallet: false });
    for (const guest of guests.slice(0, 3)) await inviteToStage(database.prisma, host, showId, guest.userId);
    // An invitation made by hand past the cap (as if two hosts' clicks had raced): the accept still holds the line.
    await database.prisma.stageGuest.create({ data: { showId, userId: guests[3]!.userId } });
    const answers = await Promise.allSettled(guests.map((g) => acceptStageInvite(database.prisma, g, showId)));
    expect(answers.filter((a) => a.status === 'fulfilled')).toHaveLength(3);
    for (const a of answers) if (a.status === 'rejected') expect(a.reason).toMatchObject({ reason: 'STAGE_FULL' });
    expect(await database.prisma.stageGuest.count({ where: { showId, status: 'ON_STAGE' } })).toBe(3);
    await clearStage();
  });

  it('an accepted guest may send media; once removed (or left) they are refused with HOST_ONLY_BROADCAST', async () => {
    const [guest, other] = await makeBuyers(database.prisma, 2, { wallet: false });
    await expectAppError(acceptStageInvite(database.prisma, guest!, showId), 'INVALID_STATE');
    await inviteToStage(database.prisma, host, showId, guest!.userId);
    // Invited is not on stage yet.
    await expectAppError(requireMediaAccess(database.prisma, guest!.userId, showId, 'send'), 'FORBIDDEN');
    const accepted = await acceptStageInvite(database.prisma, guest!, showId);
    expect(accepted.stage.guests.map((g) => g.userId)).toEqual([guest!.userId]);
    await requireMediaAccess(database.prisma, guest!.userId, showId, 'send');
    await expectAppError(requireMediaAccess(database.prisma, other!.userId, showId, 'send'), 'FORBIDDEN');

    const removed = await removeFromStage(database.prisma, host, showId, guest!.userId);
    expect(removed).toMatchObject({ seat: null, stopMedia: true, stage: { guests: [] } });
    await expectAppError(requireMediaAccess(database.prisma, guest!.userId, showId, 'send'), 'FORBIDDEN');

    await inviteToStage(database.prisma, host, showId, other!.userId);
    await acceptStageInvite(database.prisma, other!, showId);
    await leaveStage(database.prisma, other!, showId);
    await expectAppError(requireMediaAccess(database.prisma, other!.userId, showId, 'send'), 'FORBIDDEN');
    const kinds = await database.prisma.showAuditEntry.findMany({
      where: { showId, kind: { startsWith: 'stage.' } },
      select: { kind: true },
    });
    expect(new Set(kinds.map((k) => k.kind))).toEqual(
      new Set(['stage.invited', 'stage.joined', 'stage.removed', 'stage.left', 'stage.declined']),
    );
  });

  it('the host chooses the layout; nobody else can', async () => {
    expect((await stageView(database.prisma, showId)).layout).toBe('SIDE_BY_SIDE');
    expect((await setStageLayout(database.prisma, host, showId, 'PICTURE_IN_PICTURE')).layout).toBe('PICTURE_IN_PICTURE');
    await expectAppError(setStageLayout(database.prisma, viewer, showId, 'SIDE_BY_SIDE'), 'FORBIDDEN');
  });
});
