import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestDatabase, type TestDatabase } from '../../../test/support/database';
import { DEMO_SHOW_ID, seedDemoData } from '../../db/seed';
import { goLive, makeBuyers, SpyPayments, variantBySku } from '../checkout.test-support';
import { placeShowOrder } from './orders';

// One-tap orders pay the brand's shipping like a bag does: the demo brand
// charges 4.00 below 50.00 and ships free from 50.00.
let database: TestDatabase;
const showId = DEMO_SHOW_ID;

beforeAll(async () => {
  database = await startTestDatabase();
  await seedDemoData(database.prisma);
  await goLive(database.prisma, showId);
});

afterAll(async () => {
  await database?.stop();
});

async function buy(sku: string, dealId: string | null = null) {
  const [buyer] = await makeBuyers(database.prisma, 1);
  const variant = await variantBySku(database.prisma, sku);
  const payments = new SpyPayments();
  const order = await placeShowOrder(database.prisma, payments, buyer!, {
    showId,
    variantId: variant.id,
    quantity: 1,
    idempotencyKey: randomUUID(),
    dealId,
  });
  const stored = await database.prisma.order.findUniqueOrThrow({
    where: { id: order.id },
    select: { subtotalMinor: true, shippingMinor: true, discountMinor: true, totalMinor: true, source: true },
  });
  return { order, stored, authorized: payments.authorized.map((a) => a.amountMinor) };
}

describe('one-tap totals', () => {
  it('add the flat shipping below the free-shipping amount, and authorise that total', async () => {
    const { order, stored, authorized } = await buy('LUM-SERUM-30ML');
    expect(order).toMatchObject({ totalMinor: 4200, shippingMinor: 400 });
    expect(stored).toEqual({ subtotalMinor: 3800, shippingMinor: 400, discountMinor: 0, totalMinor: 4200, source: 'ONE_TAP' });
    expect(authorized).toEqual([4200]);
  });

  it('ship free from the free-shipping amount', async () => {
    const { stored, authorized } = await buy('LUM-SERUM-50ML');
    expect(stored).toMatchObject({ subtotalMinor: 5400, shippingMinor: 0, totalMinor: 5400 });
    expect(authorized).toEqual([5400]);
  });

  it('treat a flash-deal price as the item price: shipping still applies', async () => {
    const variant = await variantBySku(database.prisma, 'LUM-LIP-ROSE');
    const deal = await database.prisma.flashDeal.create({
      data: { showId, productId: variant.productId, variantId: variant.id, priceMinor: 900, endsAt: new Date(Date.now() + 60_000) },
    });
    const { stored, authorized } = await buy('LUM-LIP-ROSE', deal.id);
    expect(stored).toMatchObject({ subtotalMinor: 900, shippingMinor: 400, totalMinor: 1300 });
    expect(authorized).toEqual([1300]);
  });
});
