// Co-host payouts with the real database: shares split each line's commission exactly (largest
// remainder), and refunds, partial ones included, take each share back in proportion.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestDatabase, type TestDatabase } from '../../../test/support/database';
import { DEMO_BRAND_SLUG, DEMO_HOST_HANDLE, DEMO_SHOW_ID, seedDemoData } from '../../db/seed';
import type { Actor } from '../context';
import { AppError } from '../errors';
import { getHostStatement, placeShowOrder } from '../orders';
import { refundOrder, TestPaymentProvider } from '../payments';
import { demoActors, type DemoActors } from '../test-actors';
import { getHostShares, setHostShares, splitLargestRemainder } from './shares';

const payments = new TestPaymentProvider();
let database: TestDatabase;
let actors: DemoActors;
let coHostA: Actor;
let coHostB: Actor;
let serumVariantId: string;
let serumProductId: string;

async function influencer(handle: string): Promise<Actor> {
  const user = await database.prisma.user.create({
    data: { email: `${handle}@hosts.example`, name: `Host ${handle}`, influencer: { create: { handle } } },
    select: { id: true, name: true },
  });
  return { userId: user.id, name: user.name };
}

const buySerums = (quantity: number) =>
  placeShowOrder(database.prisma, payments, actors.viewer, {
    showId: DEMO_SHOW_ID,
    variantId: serumVariantId,
    quantity,
    idempotencyKey: randomUUID(),
  });

async function ledger(orderId: string) {
  const rows = await database.prisma.commissionEntry.findMany({
    where: { orderId },
    select: { hostId: true, kind: true, amountMinor: true },
  });
  const net = new Map<string, number>();
  for (const r of rows) net.set(r.hostId, (net.get(r.hostId) ?? 0) + r.amountMinor);
  return { rows, net };
}

beforeAll(async () => {
  database = await startTestDatabase();
  await seedDemoData(database.prisma);
  actors = await demoActors(database.prisma);
  coHostA = await influencer('cohost_a');
  coHostB = await influencer('cohost_b');
  await database.prisma.show.update({ where: { id: DEMO_SHOW_ID }, data: { status: 'LIVE', startedAt: new Date(), maxPerBuyer: 10_000 } });
  await database.prisma.productVariant.updateMany({ data: { stock: 100_000 } });
  const serum = await database.prisma.productVariant.findUniqueOrThrow({
    where: { sku: 'LUM-SERUM-30ML' },
    select: { id: true, productId: true },
  });
  serumVariantId = serum.id;
  serumProductId = serum.productId;
}, 120_000);

afterAll(async () => {
  await database?.stop();
});

describe('the rounding rule', () => {
  it('largest remainder: parts of 380 in thirds sum exactly to 380, the larger remainders getting the spare units', () => {
    const parts = splitLargestRemainder(380, [
      { key: 'a', weight: 334 },
      { key: 'b', weight: 333 },
      { key: 'c', weight: 333 },
    ]);
    expect([...parts.values()].reduce((s, v) => s + v, 0)).toBe(380);
    expect(Object.fromEntries(parts)).toEqual({ a: 127, b: 127, c: 126 });
  });
});

describe('co-host shares', () => {
  it('shares that do not add up to the show’s commission rate are refused with HOST_SHARES_SUM', async () => {
    const attempt = setHostShares(database.prisma, actors.lumenOwner, DEMO_BRAND_SLUG, DEMO_SHOW_ID, [
      { hostHandle: DEMO_HOST_HANDLE, shareBps: 600 },
      { hostHandle: 'cohost_a', shareBps: 300 },
    ]);
    await expect(attempt).rejects.toBeInstanceOf(AppError);
    await expect(attempt).rejects.toMatchObject({ code: 'INVALID_INPUT', reason: 'HOST_SHARES_SUM', params: { sum: '9', rate: '10' } });
    expect(await database.prisma.showHostShare.count({ where: { showId: DEMO_SHOW_ID } })).toBe(0);
  });

  it('each order line credits each host their share, and the credits sum exactly to the line’s commission', async () => {
    await setHostShares(database.prisma, actors.lumenOwner, DEMO_BRAND_SLUG, DEMO_SHOW_ID, [
      { hostHandle: DEMO_HOST_HANDLE, shareBps: 334 },
      { hostHandle: 'cohost_a', shareBps: 333 },
      { hostHandle: 'cohost_b', shareBps: 333 },
    ]);
    const order = await buySerums(1);
    const line = await database.prisma.orderItem.findFirstOrThrow({ where: { orderId: order.id }, select: { commissionMinor: true } });
    expect(line.commissionMinor).toBe(380); // 38.00 at 10 %
    const { rows, net } = await ledger(order.id);
    expect(rows.every((r) => r.kind === 'CREDIT')).toBe(true);
    expect([...net.values()].reduce((s, v) => s + v, 0)).toBe(380);
    expect(net.get(actors.host.userId)).toBe(127);
    expect([net.get(coHostA.userId), net.get(coHostB.userId)].sort()).toEqual([126, 127]);
  });

  it('a product’s own shares override the show’s for its lines', async () => {
    await setHostShares(database.prisma, actors.lumenOwner, DEMO_BRAND_SLUG, DEMO_SHOW_ID, [
      { hostHandle: DEMO_HOST_HANDLE, shareBps: 500 },
      { hostHandle: 'cohost_a', shareBps: 500 },
      { hostHandle: 'cohost_b', productId: serumProductId, shareBps: 1000 },
    ]);
    const { net } = await ledger((await buySerums(1)).id);
    expect(Object.fromEntries(net)).toEqual({ [coHostB.userId]: 380 });
    // The dashboard reads the shares back as they were set.
    const shares = await getHostShares(database.prisma, actors.lumenOwner, DEMO_BRAND_SLUG, DEMO_SHOW_ID);
    expect(shares.map((r) => [r.handle, r.productId, r.shareBps])).toEqual(
      expect.arrayContaining([
        [DEMO_HOST_HANDLE, null, 500],
        ['cohost_a', null, 500],
        ['cohost_b', serumProductId, 1000],
      ]),
    );
  });
});

describe('refunds reverse the shares', () => {
  it('a partial refund takes back each host’s share in proportion; the full refund takes back the rest', async () => {
    await setHostShares(database.prisma, actors.lumenOwner, DEMO_BRAND_SLUG, DEMO_SHOW_ID, [
      { hostHandle: DEMO_HOST_HANDLE, shareBps: 700 },
      { hostHandle: 'cohost_a', shareBps: 300 },
    ]);
    const order = await buySerums(2); // 76.00, commission 7.60: 5.32 and 2.28
    const placed = await database.prisma.order.findUniqueOrThrow({ where: { id: order.id }, select: { totalMinor: true } });
    expect(Object.fromEntries((await ledger(order.id)).net)).toEqual({ [actors.host.userId]: 532, [coHostA.userId]: 228 });
    const statementBefore = await getHostStatement(database.prisma, coHostA);
    const before = statementBefore.shows.find((s) => s.showId === DEMO_SHOW_ID)!;
    expect(before.shareBps).toBe(300);

    // A quarter of the total back: a quarter of each share goes back (rounded down per host).
    await refundOrder(database.prisma, payments, actors.lumenOwner, order.id, {
      amountMinor: placed.totalMinor / 4,
      reason: 'One scratched',
      idempotencyKey: 'quarter',
      restock: false,
    });
    expect(Object.fromEntries((await ledger(order.id)).net)).toEqual({ [actors.host.userId]: 399, [coHostA.userId]: 171 });
    const after = (await getHostStatement(database.prisma, coHostA)).shows.find((s) => s.showId === DEMO_SHOW_ID)!;
    expect(before.commissionMinor - after.commissionMinor).toBe(57);

    await refundOrder(database.prisma, payments, actors.lumenOwner, order.id, {
      reason: 'Both returned',
      idempotencyKey: 'rest',
      restock: false,
    });
    expect(Object.fromEntries((await ledger(order.id)).net)).toEqual({ [actors.host.userId]: 0, [coHostA.userId]: 0 });
    const end = (await getHostStatement(database.prisma, coHostA)).shows.find((s) => s.showId === DEMO_SHOW_ID)!;
    expect(before.commissionMinor - end.commissionMinor).toBe(228);
  });
});
