import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestDatabase, type TestDatabase } from '../../../test/support/database';
import { DEMO_SHOW_ID, seedDemoData } from '../../db/seed';
import type { Actor } from '../context';
import { placeShowOrder } from '../orders';
import { demoActors, expectAppError, type DemoActors } from '../test-actors';
import { cancelOrder, refundOrder } from './payments';
import { CountingProvider } from './test-support';

// Payment and stock tell one story: an order's money and its units come back
// together, once, whatever is retried.
let database: TestDatabase;
let actors: DemoActors;
let variantId: string;
let payments: CountingProvider;

beforeAll(async () => {
  database = await startTestDatabase();
  await seedDemoData(database.prisma);
  actors = await demoActors(database.prisma);
  const show = await database.prisma.show.update({
    where: { id: DEMO_SHOW_ID },
    data: { status: 'LIVE', maxPerBuyer: 1000 },
    select: { lineup: { select: { productId: true }, orderBy: { position: 'asc' }, take: 1 } },
  });
  variantId = (
    await database.prisma.productVariant.findFirstOrThrow({
      where: { productId: show.lineup[0]!.productId },
      orderBy: { priceMinor: 'asc' },
    })
  ).id;
}, 120_000);

afterAll(async () => {
  await database?.stop();
});

beforeEach(async () => {
  payments = new CountingProvider();
  await database.prisma.productVariant.update({ where: { id: variantId }, data: { stock: 20 } });
});

const stock = async () => (await database.prisma.productVariant.findUniqueOrThrow({ where: { id: variantId } })).stock;

async function buy(buyer: Actor = actors.viewer, quantity = 1, idempotencyKey = randomUUID()) {
  return placeShowOrder(database.prisma, payments, buyer, { showId: DEMO_SHOW_ID, variantId, quantity, idempotencyKey });
}

describe('one-tap payments', () => {
  it('a placed one-tap order has one CAPTURED Payment row for its total', async () => {
    const order = await buy();
    const rows = await database.prisma.payment.findMany({ where: { orderId: order.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      status: 'CAPTURED',
      amountMinor: order.totalMinor,
      currency: order.currency,
      provider: 'test',
      refundedMinor: 0,
    });
  });

  it('retrying a tap with the same key never authorizes, captures or records a payment twice', async () => {
    const key = randomUUID();
    const first = await buy(actors.viewer, 1, key);
    const again = await buy(actors.viewer, 1, key);
    expect(again).toMatchObject({ id: first.id, replayed: true });
    const providerKey = `${actors.viewer.userId}:${key}`;
    expect(payments.authorizations.get(providerKey)).toBe(1);
    expect(payments.captures.size).toBe(1);
    expect(await database.prisma.payment.count({ where: { orderId: first.id } })).toBe(1);
  });
});

describe('refundOrder', () => {
  it('a full refund with restock pays back the total, marks payment and order REFUNDED, returns the units and announces both', async () => {
    const order = await buy(actors.viewer, 2);
    expect(await stock()).toBe(18);
    const outcome = await refundOrder(database.prisma, payments, actors.lumenOwner, order.id, {
      reason: 'Damaged',
      idempotencyKey: 'r1',
      restock: true,
    });
    expect(outcome).toMatchObject({
      amountMinor: order.totalMinor,
      orderStatus: 'REFUNDED',
      orderRefundedMinor: order.totalMinor,
      replayed: false,
    });
    expect(await stock()).toBe(20);
    const payment = await database.prisma.payment.findFirstOrThrow({ where: { orderId: order.id }, include: { refunds: true } });
    expect(payment).toMatchObject({ status: 'REFUNDED', refundedMinor: order.totalMinor });
    expect(payment.refunds).toHaveLength(1);
    const saved = await database.prisma.order.findUniqueOrThrow({ where: { id: order.id }, include: { events: true } });
    expect(saved).toMatchObject({ status: 'REFUNDED', refundedMinor: order.totalMinor });
    expect(saved.refundedAt).not.toBeNull();
    expect(saved.events.map((e) => e.status)).toContain('REFUNDED');
    const brandEvents = await database.prisma.brandEvent.findMany({
      where: { data: { path: ['orderId'], equals: order.id } },
      select: { type: true },
      orderBy: { createdAt: 'asc' },
    });
    // The tap itself announced order.created and order.paid; the refund adds exactly one event.
    expect(brandEvents.map((e) => e.type)).toEqual(['order.created', 'order.paid', 'order.refunded']);
    expect(
      await database.prisma.brandEvent.count({ where: { type: 'stock.changed', data: { path: ['variantId'], equals: variantId } } }),
    ).toBeGreaterThan(0);
  });

  it('partial refunds leave the order in its status until the last one, which makes it REFUNDED', async () => {
    const order = await buy();
    const part = Math.floor(order.totalMinor / 3);
    const first = await refundOrder(database.prisma, payments, actors.lumenOwner, order.id, {
      amountMinor: part,
      reason: 'Late',
      idempotencyKey: 'p1',
      restock: false,
    });
    expect(first).toMatchObject({ amountMinor: part, orderStatus: 'PAID', orderRefundedMinor: part });
    expect(await database.prisma.payment.findFirstOrThrow({ where: { orderId: order.id } })).toMatchObject({
      status: 'PARTIALLY_REFUNDED',
      refundedMinor: part,
    });
    const rest = await refundOrder(database.prisma, payments, actors.lumenOwner, order.id, {
      reason: 'Gave up',
      idempotencyKey: 'p2',
      restock: false,
    });
    expect(rest).toMatchObject({ amountMinor: order.totalMinor - part, orderStatus: 'REFUNDED', orderRefundedMinor: order.totalMinor });
    expect(await stock()).toBe(19);
  });

  it('refuses to refund more than is left, and writes nothing', async () => {
    const order = await buy();
    await expectAppError(
      refundOrder(database.prisma, payments, actors.lumenOwner, order.id, {
        amountMinor: order.totalMinor + 1,
        reason: '',
        idempotencyKey: 'over',
        restock: false,
      }),
      'INVALID_STATE',
    );
    await refundOrder(database.prisma, payments, actors.lumenOwner, order.id, {
      amountMinor: 100,
      reason: '',
      idempotencyKey: 'some',
      restock: false,
    });
    await expectAppError(
      refundOrder(database.prisma, payments, actors.lumenOwner, order.id, {
        amountMinor: order.totalMinor,
        reason: '',
        idempotencyKey: 'over2',
        restock: false,
      }),
      'INVALID_STATE',
    );
    expect(await database.prisma.refund.count({ where: { payment: { orderId: order.id } } })).toBe(1);
    expect((await database.prisma.order.findUniqueOrThrow({ where: { id: order.id } })).refundedMinor).toBe(100);
  });

  it('reads an amount typed by staff in the order’s own currency, and refuses one with more decimals than it has', async () => {
    const order = await buy();
    const outcome = await refundOrder(database.prisma, payments, actors.lumenOwner, order.id, {
      amountText: '1,25',
      reason: '',
      idempotencyKey: 'typed',
      restock: false,
    });
    expect(outcome.amountMinor).toBe(125);
    await expectAppError(
      refundOrder(database.prisma, payments, actors.lumenOwner, order.id, {
        amountText: '0.125',
        reason: '',
        idempotencyKey: 'typed2',
        restock: false,
      }),
      'INVALID_AMOUNT',
    );
    expect((await database.prisma.order.findUniqueOrThrow({ where: { id: order.id } })).refundedMinor).toBe(125);
  });

  it('the same key twice is one refund and one restock', async () => {
    const order = await buy(actors.viewer, 3);
    const input = { reason: 'Retry', idempotencyKey: 'same', restock: true };
    const [a, b] = await Promise.all([
      refundOrder(database.prisma, payments, actors.lumenOwner, order.id, input),
      refundOrder(database.prisma, payments, actors.lumenOwner, order.id, input),
    ]);
    const again = await refundOrder(database.prisma, payments, actors.lumenOwner, order.id, input);
    expect([a.replayed, b.replayed].sort()).toEqual([false, true]);
    expect(again).toMatchObject({ replayed: true, refundId: a.refundId ?? b.refundId, amountMinor: order.totalMinor });
    expect(await database.prisma.refund.count({ where: { payment: { orderId: order.id } } })).toBe(1);
    expect(payments.refunds).toBe(1);
    expect(await stock()).toBe(20);
  });

  it('stock can only come back with the refund of everything that is left', async () => {
    const order = await buy();
    await expectAppError(
      refundOrder(database.prisma, payments, actors.lumenOwner, order.id, {
        amountMinor: 1,
        reason: '',
        idempotencyKey: 'x',
        restock: true,
      }),
      'INVALID_STATE',
    );
    expect(await stock()).toBe(19);
  });

  it('someone outside the brand gets NOT_FOUND and nothing is refunded', async () => {
    const order = await buy();
    await expectAppError(
      refundOrder(database.prisma, payments, actors.koraOwner, order.id, { reason: '', idempotencyKey: 'k', restock: true }),
      'NOT_FOUND',
    );
    await expectAppError(
      refundOrder(database.prisma, payments, actors.viewer, order.id, { reason: '', idempotencyKey: 'k', restock: true }),
      'NOT_FOUND',
    );
    expect(payments.refunds).toBe(0);
  });
});

describe('cancelOrder', () => {
  it('refunds everything, returns the stock and sets CANCELLED; cancelling again changes nothing', async () => {
    const order = await buy(actors.viewer2, 2);
    expect(await stock()).toBe(18);
    const outcome = await cancelOrder(database.prisma, payments, actors.lumenOwner, order.id, 'Out of stock in the warehouse');
    expect(outcome).toMatchObject({ orderStatus: 'CANCELLED', amountMinor: order.totalMinor, replayed: false });
    expect(outcome.restocked).toEqual([expect.objectContaining({ variantId, returned: 2, stock: 20 })]);
    const again = await cancelOrder(database.prisma, payments, actors.lumenOwner, order.id, 'Again');
    expect(again).toMatchObject({ orderStatus: 'CANCELLED', replayed: true, restocked: [] });
    expect(await stock()).toBe(20);
    expect(await database.prisma.refund.count({ where: { payment: { orderId: order.id } } })).toBe(1);
    const saved = await database.prisma.order.findUniqueOrThrow({ where: { id: order.id } });
    expect(saved.cancelledAt).not.toBeNull();
  });

  it('a shipped order cannot be cancelled', async () => {
    const order = await buy();
    await database.prisma.order.update({ where: { id: order.id }, data: { status: 'SHIPPED' } });
    await expectAppError(cancelOrder(database.prisma, payments, actors.lumenOwner, order.id, 'Too late'), 'INVALID_STATE');
    expect(payments.refunds).toBe(0);
  });
});
