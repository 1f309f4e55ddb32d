import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestDatabase, type TestDatabase } from '../../../test/support/database';
import { DEMO_SHOW_ID, seedDemoData } from '../../db/seed';
import { checkoutBag, setBagItem } from '../bag';
import { goLive, makeBuyers, SpyPayments, variantBySku } from '../checkout.test-support';
import type { Actor } from '../context';
import { cancelMyOrder } from '../orders';
import { refundOrder } from '../payments';
import { demoActors, expectAppError, type DemoActors } from '../test-actors';

// A coupon use belongs to an order that stands: cancelling the order, or
// refunding all of it, gives the use back to the coupon's limit.
let database: TestDatabase;
let actors: DemoActors;
const showId = DEMO_SHOW_ID;
const payments = new SpyPayments();

beforeAll(async () => {
  database = await startTestDatabase();
  await seedDemoData(database.prisma);
  await goLive(database.prisma, showId);
  await database.prisma.show.update({ where: { id: showId }, data: { maxPerBuyer: 100 } });
  actors = await demoActors(database.prisma);
});

afterAll(async () => {
  await database?.stop();
});

async function oneUseCoupon(code: string) {
  const brand = await database.prisma.brand.findUniqueOrThrow({ where: { slug: 'lumen' }, select: { id: true } });
  return database.prisma.coupon.create({ data: { brandId: brand.id, code, kind: 'FIXED', value: 500, maxRedemptions: 1 } });
}

async function payWithCoupon(buyer: Actor, couponCode: string) {
  const variant = await variantBySku(database.prisma, 'LUM-SERUM-30ML');
  await setBagItem(database.prisma, buyer, { showId, variantId: variant.id, quantity: 1 });
  return checkoutBag(database.prisma, payments, buyer, { showId, idempotencyKey: randomUUID(), couponCode });
}

const couponState = async (id: string) => ({
  redemptionCount: (await database.prisma.coupon.findUniqueOrThrow({ where: { id } })).redemptionCount,
  redemptions: await database.prisma.couponRedemption.count({ where: { couponId: id } }),
});

describe('a coupon use', () => {
  it('comes back when the order is cancelled, so the next buyer can use a one-use code', async () => {
    const coupon = await oneUseCoupon('ONCE-CANCEL');
    const [first, second] = await makeBuyers(database.prisma, 2);
    const order = await payWithCoupon(first!, 'ONCE-CANCEL');
    await expectAppError(payWithCoupon(second!, 'ONCE-CANCEL'), 'COUPON_INVALID');

    await cancelMyOrder(database.prisma, payments, first!, order.id);
    expect(await couponState(coupon.id)).toEqual({ redemptionCount: 0, redemptions: 0 });
    // The order still says which code it used and what it saved.
    expect(
      await database.prisma.order.findUniqueOrThrow({ where: { id: order.id }, select: { couponId: true, discountMinor: true } }),
    ).toEqual({ couponId: coupon.id, discountMinor: 500 });

    // Cancelling again changes nothing: the use came back once.
    await cancelMyOrder(database.prisma, payments, first!, order.id);
    expect(await couponState(coupon.id)).toEqual({ redemptionCount: 0, redemptions: 0 });

    await payWithCoupon(second!, 'ONCE-CANCEL');
    expect(await couponState(coupon.id)).toEqual({ redemptionCount: 1, redemptions: 1 });
  });

  it('comes back with a refund of everything, not with a partial one', async () => {
    const coupon = await oneUseCoupon('ONCE-REFUND');
    const [buyer] = await makeBuyers(database.prisma, 1);
    const order = await payWithCoupon(buyer!, 'ONCE-REFUND');

    await refundOrder(database.prisma, payments, actors.lumenOwner, order.id, {
      amountMinor: 100,
      reason: 'Scratched box',
      idempotencyKey: 'partial',
      restock: false,
    });
    expect(await couponState(coupon.id)).toEqual({ redemptionCount: 1, redemptions: 1 });

    await refundOrder(database.prisma, payments, actors.lumenOwner, order.id, {
      reason: 'Returned',
      idempotencyKey: 'rest',
      restock: true,
    });
    expect((await database.prisma.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe('REFUNDED');
    expect(await couponState(coupon.id)).toEqual({ redemptionCount: 0, redemptions: 0 });
    // The same buyer may use the code again: their use was given back too.
    await payWithCoupon(buyer!, 'ONCE-REFUND');
    expect(await couponState(coupon.id)).toEqual({ redemptionCount: 1, redemptions: 1 });
  });
});
