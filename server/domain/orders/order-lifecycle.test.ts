import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { TestDatabase } from '../../../test/support/database';
import { emailJobKey } from '../../mail/outbox';
import { cancelMyOrder } from './order-buyer-cancel';
import { receiptEmailKey, shippedEmailKey } from './order-emails';
import { advanceOrder, advanceOrderByKey, advanceOrders } from './order-lifecycle';
import { buy, payments, PUBLIC_URL, type OrderFixtures, useOrderDatabase } from './order-test-support';
import { expectAppError, type DemoActors } from '../test-actors';

let database: TestDatabase;
let actors: DemoActors;
let fx: OrderFixtures;

useOrderDatabase((ready) => ({ database, actors, fx } = ready));

const lumenOrder = async () => (await buy(database.prisma, actors.viewer, fx.lumenShowId, fx.lumenVariantId)).id;
const order = (id: string) =>
  database.prisma.order.findUniqueOrThrow({ where: { id }, include: { events: { orderBy: { createdAt: 'asc' } } } });
const ship = { carrier: 'DHL', trackingNumber: 'JD0142' };

async function emailJob(dedupeKey: string) {
  const jobs = await database.prisma.job.findMany({ where: { dedupeKey: emailJobKey(dedupeKey) } });
  return { count: jobs.length, payload: jobs[0]?.payload as { to: string; subject: string; text: string; html: string } | undefined };
}

describe('order lifecycle', () => {
  it('a paid order is packed, shipped with carrier and tracking, then delivered, each step on the timeline and announced to webhooks', async () => {
    const id = await lumenOrder();
    await advanceOrder(database.prisma, actors.lumenOwner, 'lumen', id, 'PACKED', null, PUBLIC_URL);
    await advanceOrder(database.prisma, actors.lumenOwner, 'lumen', id, 'SHIPPED', ship, PUBLIC_URL);
    await advanceOrder(database.prisma, actors.lumenOwner, 'lumen', id, 'DELIVERED', null, PUBLIC_URL);
    const done = await order(id);
    expect(done).toMatchObject({ status: 'DELIVERED', carrier: 'DHL', trackingNumber: 'JD0142' });
    expect(done.packedAt && done.shippedAt && done.deliveredAt).toBeTruthy();
    // The one tap itself wrote the PAID row.
    expect(done.events.map((e) => e.status)).toEqual(['PAID', 'PACKED', 'SHIPPED', 'DELIVERED']);
    const types = (
      await database.prisma.brandEvent.findMany({ where: { data: { path: ['orderId'], equals: id } }, select: { type: true } })
    ).map((e) => e.type);
    expect(types).toEqual(expect.arrayContaining(['order.packed', 'order.shipped', 'order.delivered']));
  });

  it('a paid order gets one receipt, even when the tap is retried with the same key', async () => {
    const key = randomUUID();
    const first = await buy(database.prisma, actors.viewer2, fx.lumenShowId, fx.lumenVariantId, 2, key);
    await buy(database.prisma, actors.viewer2, fx.lumenShowId, fx.lumenVariantId, 2, key);
    const receipt = await emailJob(receiptEmailKey(first.id));
    expect(receipt.count).toBe(1);
    expect(receipt.payload).toMatchObject({ to: 'viewer2@demo.live', subject: `Your receipt for order #${first.number}` });
    expect(receipt.payload!.text).toContain('Dewy Glow Serum');
  });

  it('shipping emails the buyer once, with the carrier, the tracking number and a link to the tracking page', async () => {
    const id = await lumenOrder();
    await advanceOrder(database.prisma, actors.lumenOwner, 'lumen', id, 'PACKED', null, PUBLIC_URL);
    await advanceOrder(database.prisma, actors.lumenOwner, 'lumen', id, 'SHIPPED', ship, PUBLIC_URL);
    const email = await emailJob(shippedEmailKey(id));
    expect(email.count).toBe(1);
    expect(email.payload!.text).toContain('JD0142');
    expect(email.payload!.text).toContain(`${PUBLIC_URL}/account/orders/${id}`);
  });

  it('refuses to skip a step, to ship without a tracking number, and to move an order twice', async () => {
    const id = await lumenOrder();
    await expectAppError(advanceOrder(database.prisma, actors.lumenOwner, 'lumen', id, 'SHIPPED', ship, PUBLIC_URL), 'INVALID_STATE');
    await advanceOrder(database.prisma, actors.lumenOwner, 'lumen', id, 'PACKED', null, PUBLIC_URL);
    await expectAppError(advanceOrder(database.prisma, actors.lumenOwner, 'lumen', id, 'PACKED', null, PUBLIC_URL), 'INVALID_STATE');
    await expectAppError(
      advanceOrder(database.prisma, actors.lumenOwner, 'lumen', id, 'SHIPPED', { carrier: 'DHL', trackingNumber: ' ' }, PUBLIC_URL),
      'INVALID_INPUT',
    );
    expect((await order(id)).status).toBe('PACKED');
  });

  it('a cancelled order cannot be packed', async () => {
    const id = await lumenOrder();
    await cancelMyOrder(database.prisma, payments, actors.viewer, id);
    await expectAppError(advanceOrder(database.prisma, actors.lumenOwner, 'lumen', id, 'PACKED', null, PUBLIC_URL), 'INVALID_STATE');
  });

  it('of two people packing the same order at once, exactly one moves it', async () => {
    const id = await lumenOrder();
    const results = await Promise.allSettled([
      advanceOrder(database.prisma, actors.lumenOwner, 'lumen', id, 'PACKED', null, PUBLIC_URL),
      advanceOrder(database.prisma, actors.lumenOwner, 'lumen', id, 'PACKED', null, PUBLIC_URL),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const after = await order(id);
    expect(after.events.filter((e) => e.status === 'PACKED')).toHaveLength(1);
    expect(await database.prisma.brandEvent.count({ where: { type: 'order.packed', data: { path: ['orderId'], equals: id } } })).toBe(1);
  });

  it('a bulk step reports each order on its own: moved, wrong state, or another brand’s (NOT_FOUND, untouched)', async () => {
    const fresh = await lumenOrder();
    const packed = await lumenOrder();
    await advanceOrder(database.prisma, actors.lumenOwner, 'lumen', packed, 'PACKED', null, PUBLIC_URL);
    const kora = (await buy(database.prisma, actors.viewer, fx.koraShowId, fx.koraVariantId)).id;
    const results = await advanceOrders(database.prisma, actors.lumenOwner, 'lumen', [fresh, packed, kora], 'PACKED', {
      publicUrl: PUBLIC_URL,
    });
    expect(results.map((r) => (r.ok ? 'ok' : r.code))).toEqual(['ok', 'INVALID_STATE', 'NOT_FOUND']);
    expect(results[2]).toMatchObject({ orderNumber: null });
    expect((await order(kora)).status).toBe('PAID');
  });

  it('brand A cannot move brand B’s orders, through its own slug or B’s', async () => {
    const id = await lumenOrder();
    await expectAppError(advanceOrder(database.prisma, actors.koraOwner, 'lumen', id, 'PACKED', null, PUBLIC_URL), 'NOT_FOUND');
    await expectAppError(advanceOrder(database.prisma, actors.koraOwner, 'kora', id, 'PACKED', null, PUBLIC_URL), 'NOT_FOUND');
    expect((await order(id)).status).toBe('PAID');
  });

  it('shipping by API key applies the same rules and records no person on the timeline', async () => {
    const id = await lumenOrder();
    const { brandId } = await order(id);
    await expectAppError(advanceOrderByKey(database.prisma, brandId, id, 'SHIPPED', ship, PUBLIC_URL), 'INVALID_STATE');
    await advanceOrderByKey(database.prisma, brandId, id, 'PACKED', null, PUBLIC_URL);
    expect((await order(id)).events.at(-1)).toMatchObject({ status: 'PACKED', actorId: null });
  });
});

describe('buyer cancels', () => {
  it('their own paid order: refunded, restocked, cancelled; someone else’s is NOT_FOUND; a packed one is refused', async () => {
    const stockBefore = (await database.prisma.productVariant.findUniqueOrThrow({ where: { id: fx.lumenVariantId } })).stock;
    const id = await lumenOrder();
    await expectAppError(cancelMyOrder(database.prisma, payments, actors.viewer2, id), 'NOT_FOUND');
    const outcome = await cancelMyOrder(database.prisma, payments, actors.viewer, id);
    expect(outcome).toMatchObject({ orderStatus: 'CANCELLED', amountMinor: (await order(id)).totalMinor });
    expect((await database.prisma.productVariant.findUniqueOrThrow({ where: { id: fx.lumenVariantId } })).stock).toBe(stockBefore);
    expect((await cancelMyOrder(database.prisma, payments, actors.viewer, id)).replayed).toBe(true);

    const packed = await lumenOrder();
    await advanceOrder(database.prisma, actors.lumenOwner, 'lumen', packed, 'PACKED', null, PUBLIC_URL);
    await expectAppError(cancelMyOrder(database.prisma, payments, actors.viewer, packed), 'INVALID_STATE');
  });
});
