// A guest promoted to co-host from the stage, against the real database: the show-wide split
// is rewritten under the server's sum check, lines sold afterwards credit the guest's share in
// the ledger, and the guest's statement lists the show with that share.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestDatabase, type TestDatabase } from '../../../test/support/database';
import { DEMO_SHOW_ID, seedDemoData } from '../../db/seed';
import { goLive, makeBuyers } from '../checkout.test-support';
import type { Actor } from '../context';
import { getHostStatement, placeShowOrder } from '../orders';
import { TestPaymentProvider } from '../payments';
import { demoActors, expectAppError, type DemoActors } from '../test-actors';
import { coHostSplit, promoteToCoHost } from './promote';
import { acceptStageInvite, inviteToStage } from './stage';

const showId = DEMO_SHOW_ID;
const payments = new TestPaymentProvider();
let database: TestDatabase;
let actors: DemoActors;
let guest: Actor;
let rate: number;
let variantId: string;

beforeAll(async () => {
  database = await startTestDatabase();
  await seedDemoData(database.prisma);
  actors = await demoActors(database.prisma);
  await goLive(database.prisma, showId);
  await database.prisma.show.update({ where: { id: showId }, data: { maxPerBuyer: 1000 } });
  await database.prisma.productVariant.updateMany({ data: { stock: 1000 } });
  rate = (await database.prisma.show.findUniqueOrThrow({ where: { id: showId }, select: { commissionRateBps: true } })).commissionRateBps;
  variantId = (await database.prisma.productVariant.findUniqueOrThrow({ where: { sku: 'LUM-SERUM-30ML' }, select: { id: true } })).id;
  [guest] = (await makeBuyers(database.prisma, 1, { wallet: false })) as [Actor];
}, 120_000);

afterAll(async () => {
  await database?.stop();
});

const buy = () =>
  placeShowOrder(database.prisma, payments, actors.viewer, { showId, variantId, quantity: 1, idempotencyKey: randomUUID() });
const split = (hostBps: number) => [
  { userId: actors.host.userId, shareBps: hostBps },
  { userId: guest.userId, shareBps: rate - hostBps },
];

async function credits(orderId: string) {
  const rows = await database.prisma.commissionEntry.findMany({
    where: { orderId, kind: 'CREDIT' },
    select: { hostId: true, amountMinor: true },
  });
  return new Map(rows.map((r) => [r.hostId, r.amountMinor]));
}

describe('a guest promoted to co-host', () => {
  it('only a guest on stage can be promoted (STAGE_GUEST_NOT_ON_STAGE), and only by the host or the brand (HOST_ONLY)', async () => {
    await expectAppError(promoteToCoHost(database.prisma, actors.host, showId, guest.userId, split(rate / 2)), 'INVALID_STATE');
    await inviteToStage(database.prisma, actors.host, showId, guest.userId);
    // Invited is not on stage yet.
    await expect(promoteToCoHost(database.prisma, actors.host, showId, guest.userId, split(rate / 2))).rejects.toMatchObject({
      reason: 'STAGE_GUEST_NOT_ON_STAGE',
    });
    await acceptStageInvite(database.prisma, guest, showId);
    await expect(promoteToCoHost(database.prisma, actors.viewer, showId, guest.userId, split(rate / 2))).rejects.toMatchObject({
      code: 'FORBIDDEN',
      reason: 'HOST_ONLY',
    });
    await expect(promoteToCoHost(database.prisma, actors.koraOwner, showId, guest.userId, split(rate / 2))).rejects.toMatchObject({
      reason: 'HOST_ONLY',
    });
    // Someone who is neither sharing the show nor on stage cannot be slipped into the split.
    await expect(
      promoteToCoHost(database.prisma, actors.host, showId, guest.userId, [
        ...split(rate / 2).slice(0, 1),
        { userId: actors.viewer2.userId, shareBps: rate / 2 },
      ]),
    ).rejects.toMatchObject({ reason: 'STAGE_GUEST_NOT_ON_STAGE' });
  });

  it('shares that do not sum to the show’s commission rate are refused with HOST_SHARES_SUM and change nothing', async () => {
    const wrong = [
      { userId: actors.host.userId, shareBps: rate },
      { userId: guest.userId, shareBps: 100 },
    ];
    await expect(promoteToCoHost(database.prisma, actors.host, showId, guest.userId, wrong)).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      reason: 'HOST_SHARES_SUM',
    });
    expect((await coHostSplit(database.prisma, showId)).shares).toEqual([
      { userId: actors.host.userId, name: actors.host.name, shareBps: rate },
    ]);
  });

  it('lines sold after the promotion credit the guest’s share; lines sold before keep theirs; the statement shows the share', async () => {
    const before = await buy();
    const guestShare = Math.round(rate * 0.4);
    const shares = await promoteToCoHost(database.prisma, actors.lumenOwner, showId, guest.userId, split(rate - guestShare));
    expect(shares.find((s) => s.userId === guest.userId)).toMatchObject({ shareBps: guestShare, name: guest.name });
    const after = await buy();

    const old = await credits(before.id);
    expect([...old.keys()]).toEqual([actors.host.userId]);
    const now = await credits(after.id);
    const line = await database.prisma.orderItem.findFirstOrThrow({ where: { orderId: after.id }, select: { commissionMinor: true } });
    expect(now.get(guest.userId)! + now.get(actors.host.userId)!).toBe(line.commissionMinor);
    expect(now.get(guest.userId)).toBe(Math.floor((line.commissionMinor * guestShare) / rate));

    const statement = await getHostStatement(database.prisma, guest);
    expect(statement.shows.find((s) => s.showId === showId)).toMatchObject({
      shareBps: guestShare,
      commissionMinor: now.get(guest.userId),
    });
    const audit = await database.prisma.showAuditEntry.count({ where: { showId, kind: 'stage.promoted' } });
    expect(audit).toBe(1);
  }, 60_000);
});
