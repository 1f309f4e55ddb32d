import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestDatabase, type TestDatabase } from '../../../test/support/database';
import { DEMO_SHOW_ID, seedDemoData } from '../../db/seed';
import { goLive, makeBuyers, SpyPayments, variantBySku } from '../checkout.test-support';
import type { Actor } from '../context';
import { RESERVATION_TIMEOUT_MS, sweepOrphanedReservations } from './order-sweeper';

// A process can die between reserve_order and confirm_order. Nobody may ever
// retry that key, so a job settles such orders once they are clearly orphaned.
let database: TestDatabase;
const showId = DEMO_SHOW_ID;
let variantId: string;

beforeAll(async () => {
  database = await startTestDatabase();
  await seedDemoData(database.prisma);
  await goLive(database.prisma, showId);
  await database.prisma.show.update({ where: { id: showId }, data: { maxPerBuyer: 100 } });
  variantId = (await variantBySku(database.prisma, 'LUM-SERUM-30ML')).id;
}, 120_000);

afterAll(async () => {
  await database?.stop();
});

const stock = async () =>
  (await database.prisma.productVariant.findUniqueOrThrow({ where: { id: variantId }, select: { stock: true } })).stock;

/** What the pipeline's first statement leaves behind when its process dies right after it. */
async function orphanedReservation(buyer: Actor, key = randomUUID()): Promise<{ orderId: string; key: string }> {
  const lines = JSON.stringify([{ variantId, quantity: 2, dealId: null }]);
  const [row] = await database.prisma.$queryRaw<{ r: { outcome: string; orderId: string } }[]>`
    SELECT "reserve_order"(${randomUUID()}, ${buyer.userId}, ${showId}, 'ONE_TAP', ${lines}::jsonb, ${key}, ${null}, ${null}::int) AS r`;
  expect(row!.r.outcome).toBe('RESERVED');
  return { orderId: row!.r.orderId, key };
}

const later = () => new Date(Date.now() + RESERVATION_TIMEOUT_MS + 1_000);

describe('the reservation sweeper', () => {
  it('gives back a reservation orphaned before its charge once the timeout has passed, and not before', async () => {
    const [buyer] = await makeBuyers(database.prisma, 1);
    const before = await stock();
    const { orderId } = await orphanedReservation(buyer!);
    expect(await stock()).toBe(before - 2);
    const payments = new SpyPayments();

    expect(await sweepOrphanedReservations(database.prisma, payments)).toEqual({ released: [], confirmed: [], failed: [] });
    expect(await database.prisma.order.count({ where: { id: orderId } })).toBe(1);

    const swept = await sweepOrphanedReservations(database.prisma, payments, { now: later() });
    expect(swept.released).toContain(orderId);
    expect(await database.prisma.order.count({ where: { id: orderId } })).toBe(0);
    expect(await stock()).toBe(before);
    expect(payments.captured).toEqual([]);
  });

  it('voids an authorization that was never captured and releases its units', async () => {
    const [buyer] = await makeBuyers(database.prisma, 1);
    const before = await stock();
    const { orderId, key } = await orphanedReservation(buyer!);
    const payments = new SpyPayments();
    const authorization = await payments.authorize({
      token: 'tok_test_visa_4242',
      amountMinor: 1,
      currency: 'USD',
      idempotencyKey: `${buyer!.userId}:${key}`,
    });
    if (!authorization.ok) throw new Error('declined');

    const swept = await sweepOrphanedReservations(database.prisma, payments, { now: later() });
    expect(swept.released).toContain(orderId);
    expect(payments.voided).toEqual([authorization.reference]);
    expect(await payments.lookup(`${buyer!.userId}:${key}`)).toMatchObject({ state: 'voided' });
    expect(await stock()).toBe(before);
  });

  it('confirms, never releases, an orphan whose charge was captured before its process died: PAID, its Payment row and events, the units stay sold', async () => {
    const [buyer] = await makeBuyers(database.prisma, 1);
    const before = await stock();
    const { orderId, key } = await orphanedReservation(buyer!);
    const payments = new SpyPayments();
    const authorization = await payments.authorize({
      token: 'tok_test_visa_4242',
      amountMinor: 1,
      currency: 'USD',
      idempotencyKey: `${buyer!.userId}:${key}`,
    });
    if (!authorization.ok) throw new Error('declined');
    await payments.capture(authorization.reference);

    const swept = await sweepOrphanedReservations(database.prisma, payments, { now: later() });
    expect(swept.confirmed).toEqual([orderId]);
    const order = await database.prisma.order.findUniqueOrThrow({ where: { id: orderId }, include: { payments: true } });
    expect(order.status).toBe('PAID');
    expect(order.payments).toEqual([expect.objectContaining({ reference: authorization.reference, status: 'CAPTURED' })]);
    const events = await database.prisma.brandEvent.findMany({ where: { data: { path: ['orderId'], equals: orderId } } });
    expect(events.map((e) => e.type).sort()).toEqual(['order.created', 'order.paid']);
    expect(await stock()).toBe(before - 2);
    expect(payments.voided).toEqual([]);
  });
});
