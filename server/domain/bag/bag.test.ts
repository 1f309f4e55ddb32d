import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestDatabase, type TestDatabase } from '../../../test/support/database';
import { DEMO_SHOW_ID, seedDemoData } from '../../db/seed';
import { checkoutBag, getBag, setBagItem, stockChangesOf } from './bag';
import { goLive, makeBuyers, SpyPayments, variantBySku } from '../checkout.test-support';
import { AppError } from '../errors';
import { expectAppError } from '../test-actors';

let database: TestDatabase;
let serum30: Awaited<ReturnType<typeof variantBySku>>;
let serum50: Awaited<ReturnType<typeof variantBySku>>;
let cream: Awaited<ReturnType<typeof variantBySku>>;
const showId = DEMO_SHOW_ID;

beforeAll(async () => {
  database = await startTestDatabase();
  await seedDemoData(database.prisma);
  await goLive(database.prisma, showId);
  serum30 = await variantBySku(database.prisma, 'LUM-SERUM-30ML');
  serum50 = await variantBySku(database.prisma, 'LUM-SERUM-50ML');
  cream = await variantBySku(database.prisma, 'LUM-CREAM-50ML');
});

afterAll(async () => {
  await database?.stop();
});

const stockOf = async (variantId: string) => (await database.prisma.productVariant.findUniqueOrThrow({ where: { id: variantId } })).stock;

describe('filling the bag', () => {
  it('shows live prices with the demo brand shipping (4.00, free from 50.00) and the amount missing for free shipping', async () => {
    const [buyer] = await makeBuyers(database.prisma, 1);
    await setBagItem(database.prisma, buyer!, { showId, variantId: serum30.id, quantity: 1 });
    const one = await getBag(database.prisma, buyer!, { showId });
    expect(one).toMatchObject({
      itemCount: 1,
      currency: 'USD',
      totals: { subtotalMinor: 3800, shippingMinor: 400, discountMinor: 0, totalMinor: 4200 },
      freeShippingMissingMinor: 1200,
    });
    await setBagItem(database.prisma, buyer!, { showId, variantId: cream.id, quantity: 2 });
    const three = await getBag(database.prisma, buyer!, { showId });
    expect(three).toMatchObject({
      itemCount: 3,
      totals: { subtotalMinor: 3800 + 6400, shippingMinor: 0, totalMinor: 10200 },
      freeShippingMissingMinor: null,
    });
    await setBagItem(database.prisma, buyer!, { showId, variantId: cream.id, quantity: 0 });
    expect((await getBag(database.prisma, buyer!, { showId })).lines.map((l) => l.variantId)).toEqual([serum30.id]);
  });

  it('refuses a product outside the lineup, more than the per-buyer limit across variants, and more than the stock', async () => {
    const [buyer] = await makeBuyers(database.prisma, 1);
    const kora = await variantBySku(database.prisma, 'KORA-FLEECE-M');
    await expectAppError(setBagItem(database.prisma, buyer!, { showId, variantId: kora.id, quantity: 1 }), 'NOT_IN_LINEUP');
    await setBagItem(database.prisma, buyer!, { showId, variantId: serum30.id, quantity: 3 });
    // The limit (5 by default) counts the product, whichever size.
    await expectAppError(setBagItem(database.prisma, buyer!, { showId, variantId: serum50.id, quantity: 3 }), 'LIMIT_REACHED');
    const roller = await variantBySku(database.prisma, 'LUM-ROLLER-ONESIZE');
    await database.prisma.productVariant.update({ where: { id: roller.id }, data: { stock: 1 } });
    await expectAppError(setBagItem(database.prisma, buyer!, { showId, variantId: roller.id, quantity: 2 }), 'SOLD_OUT');
  });

  it('answers an unusable coupon code with a plain reason in the preview instead of failing', async () => {
    const [buyer] = await makeBuyers(database.prisma, 1);
    await setBagItem(database.prisma, buyer!, { showId, variantId: serum30.id, quantity: 1 });
    const bag = await getBag(database.prisma, buyer!, { showId, couponCode: 'nope-123' });
    expect(bag.coupon).toBeNull();
    expect(bag.couponError).toEqual({
      code: 'COUPON_INVALID',
      reason: 'COUPON_UNKNOWN',
      params: { code: 'NOPE-123' },
      message: 'We do not know the code NOPE-123.',
    });
    expect(bag.totals.totalMinor).toBe(4200);
  });
});

describe('paying for the bag', () => {
  it('turns the bag into one paid order with its breakdown, lines, event and coupon, takes the stock and empties the bag', async () => {
    const [buyer] = await makeBuyers(database.prisma, 1);
    const coupon = await database.prisma.coupon.create({
      data: { brandId: 'demo_brand_lumen', code: 'BAG10', kind: 'PERCENT', value: 10 },
    });
    const before = { serum: await stockOf(serum30.id), cream: await stockOf(cream.id) };
    await setBagItem(database.prisma, buyer!, { showId, variantId: serum30.id, quantity: 1 });
    await setBagItem(database.prisma, buyer!, { showId, variantId: cream.id, quantity: 1 });
    const payments = new SpyPayments();
    const preview = await getBag(database.prisma, buyer!, { showId, couponCode: 'bag10' });
    const order = await checkoutBag(database.prisma, payments, buyer!, { showId, idempotencyKey: randomUUID(), couponCode: 'bag10' });

    // 38.00 + 32.00 = 70.00: free shipping; 10 % off is 7.00.
    expect(order).toMatchObject({
      subtotalMinor: 7000,
      shippingMinor: 0,
      discountMinor: 700,
      totalMinor: 6300,
      couponCode: 'BAG10',
      replayed: false,
    });
    expect(preview.totals).toEqual({ subtotalMinor: 7000, shippingMinor: 0, discountMinor: 700, totalMinor: 6300 });
    expect(payments.authorized.map((a) => a.amountMinor)).toEqual([6300]);
    expect(payments.captured).toHaveLength(1);
    const stored = await database.prisma.order.findUniqueOrThrow({
      where: { id: order.id },
      include: { items: true, events: true, couponRedemption: true },
    });
    expect(stored).toMatchObject({
      source: 'BAG',
      status: 'PAID',
      subtotalMinor: 7000,
      shippingMinor: 0,
      discountMinor: 700,
      totalMinor: 6300,
      couponId: coupon.id,
    });
    expect(stored.paidAt).not.toBeNull();
    expect(stored.items.map((i) => [i.variantId, i.quantity, i.unitPriceMinor]).sort()).toEqual(
      [
        [cream.id, 1, 3200],
        [serum30.id, 1, 3800],
      ].sort(),
    );
    expect(stored.events.map((e) => e.status)).toEqual(['PAID']);
    expect(await database.prisma.payment.findMany({ where: { orderId: order.id }, select: { amountMinor: true, status: true } })).toEqual([
      { amountMinor: 6300, status: 'CAPTURED' },
    ]);
    expect(stored.couponRedemption).toMatchObject({ couponId: coupon.id, buyerId: buyer!.userId });
    expect(await stockOf(serum30.id)).toBe(before.serum - 1);
    expect(await stockOf(cream.id)).toBe(before.cream - 1);
    expect(stockChangesOf(order)).toEqual(
      expect.arrayContaining([{ productId: serum30.productId, variantId: serum30.id, stock: before.serum - 1 }]),
    );
    expect(await database.prisma.bagItem.count({ where: { userId: buyer!.userId } })).toBe(0);
  });

  it('refuses the whole checkout with SOLD_OUT naming the item when one line ran short since it was bagged, before any charge: nothing written, stock untouched', async () => {
    const [buyer] = await makeBuyers(database.prisma, 1);
    const balm = await variantBySku(database.prisma, 'LUM-BALM-100ML');
    await setBagItem(database.prisma, buyer!, { showId, variantId: serum30.id, quantity: 1 });
    await setBagItem(database.prisma, buyer!, { showId, variantId: balm.id, quantity: 2 });
    const serumBefore = await stockOf(serum30.id);
    // Someone else buys all but one balm after this buyer bagged two.
    await database.prisma.productVariant.update({ where: { id: balm.id }, data: { stock: 1 } });
    const payments = new SpyPayments();
    const error = await checkoutBag(database.prisma, payments, buyer!, { showId, idempotencyKey: randomUUID() }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'SOLD_OUT', userMessage: expect.stringContaining('Silk Cleansing Balm (100 ml)') });
    expect(await database.prisma.order.count({ where: { buyerId: buyer!.userId } })).toBe(0);
    expect(await stockOf(serum30.id)).toBe(serumBefore);
    expect(await stockOf(balm.id)).toBe(1);
    expect(await database.prisma.bagItem.count({ where: { userId: buyer!.userId } })).toBe(2);
    // Reserve, then charge: a checkout the stock refuses never reaches the payment provider.
    expect(payments.authorized).toHaveLength(0);
  });

  it('reserves before it charges: a declined card leaves no order, gives every line back and keeps the bag', async () => {
    const [buyer] = await makeBuyers(database.prisma, 1);
    await setBagItem(database.prisma, buyer!, { showId, variantId: serum30.id, quantity: 1 });
    await setBagItem(database.prisma, buyer!, { showId, variantId: cream.id, quantity: 1 });
    const before = { serum: await stockOf(serum30.id), cream: await stockOf(cream.id) };
    const payments = new SpyPayments();
    let reservedWhileCharging: number | null = null;
    payments.duringAuthorize = async () => {
      reservedWhileCharging = await stockOf(serum30.id);
    };
    await database.prisma.paymentMethod.updateMany({ where: { userId: buyer!.userId }, data: { token: 'tok_test_visa_decline' } });
    await expectAppError(checkoutBag(database.prisma, payments, buyer!, { showId, idempotencyKey: randomUUID() }), 'PAYMENT_DECLINED');
    // The unit was already taken when the provider was asked.
    expect(reservedWhileCharging).toBe(before.serum - 1);
    expect(await database.prisma.order.count({ where: { buyerId: buyer!.userId } })).toBe(0);
    expect({ serum: await stockOf(serum30.id), cream: await stockOf(cream.id) }).toEqual(before);
    expect(await database.prisma.bagItem.count({ where: { userId: buyer!.userId } })).toBe(2);
  });

  it('returns the same order for the same key, with one authorization and one charge', async () => {
    const [buyer] = await makeBuyers(database.prisma, 1);
    await setBagItem(database.prisma, buyer!, { showId, variantId: serum30.id, quantity: 1 });
    const payments = new SpyPayments();
    const key = randomUUID();
    const first = await checkoutBag(database.prisma, payments, buyer!, { showId, idempotencyKey: key });
    const again = await checkoutBag(database.prisma, payments, buyer!, { showId, idempotencyKey: key });
    expect(again).toMatchObject({ id: first.id, number: first.number, totalMinor: 4200, replayed: true });
    expect(stockChangesOf(again)).toEqual([]);
    expect(payments.authorized).toHaveLength(1);
    expect(payments.captured).toHaveLength(1);
    expect(await database.prisma.order.count({ where: { buyerId: buyer!.userId } })).toBe(1);
  });

  it('counts earlier purchases in the show against the per-buyer limit', async () => {
    const [buyer] = await makeBuyers(database.prisma, 1);
    const payments = new SpyPayments();
    await setBagItem(database.prisma, buyer!, { showId, variantId: cream.id, quantity: 4 });
    await checkoutBag(database.prisma, payments, buyer!, { showId, idempotencyKey: randomUUID() });
    await setBagItem(database.prisma, buyer!, { showId, variantId: cream.id, quantity: 2 });
    await expectAppError(checkoutBag(database.prisma, payments, buyer!, { showId, idempotencyKey: randomUUID() }), 'LIMIT_REACHED');
    // Refused by the reservation, before the provider is asked.
    expect(payments.authorized).toHaveLength(1);
    expect(payments.voided).toHaveLength(0);
  });

  it('refuses a buyer without a card or address, an empty bag and a show that is not live', async () => {
    const [walletless] = await makeBuyers(database.prisma, 1, { wallet: false });
    await setBagItem(database.prisma, walletless!, { showId, variantId: serum30.id, quantity: 1 });
    await expectAppError(
      checkoutBag(database.prisma, new SpyPayments(), walletless!, { showId, idempotencyKey: randomUUID() }),
      'NO_PAYMENT_METHOD',
    );
    await database.prisma.paymentMethod.create({
      data: {
        userId: walletless!.userId,
        provider: 'test',
        token: 'tok_test_visa_4242',
        brand: 'visa',
        last4: '4242',
        expMonth: 1,
        expYear: 2099,
        isDefault: true,
      },
    });
    await expectAppError(
      checkoutBag(database.prisma, new SpyPayments(), walletless!, { showId, idempotencyKey: randomUUID() }),
      'NO_ADDRESS',
    );
    const [empty] = await makeBuyers(database.prisma, 1);
    await expectAppError(
      checkoutBag(database.prisma, new SpyPayments(), empty!, { showId, idempotencyKey: randomUUID() }),
      'INVALID_STATE',
    );
    await database.prisma.show.update({ where: { id: showId }, data: { status: 'ENDED' } });
    try {
      await expectAppError(
        checkoutBag(database.prisma, new SpyPayments(), walletless!, { showId, idempotencyKey: randomUUID() }),
        'SHOW_NOT_LIVE',
      );
      await expectAppError(setBagItem(database.prisma, empty!, { showId, variantId: serum30.id, quantity: 1 }), 'SHOW_NOT_LIVE');
    } finally {
      await goLive(database.prisma, showId);
    }
  });
});
