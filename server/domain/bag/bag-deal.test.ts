import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestDatabase, type TestDatabase } from '../../../test/support/database';
import { DEMO_SHOW_ID, seedDemoData } from '../../db/seed';
import { checkoutBag, getBag, setBagItem } from './bag';
import { goLive, makeBuyers, SpyPayments, variantBySku } from '../checkout.test-support';
import type { Actor } from '../context';
import { placeShowOrder } from '../orders';
import { expectAppError } from '../test-actors';

// A running flash deal prices its variant in the bag as it does for one tap,
// and its cap counts both ways of buying together.
let database: TestDatabase;
const showId = DEMO_SHOW_ID;
const SKU = 'LUM-LIP-ROSE';
const DEAL_PRICE = 900;
let variant: Awaited<ReturnType<typeof variantBySku>>;

beforeAll(async () => {
  database = await startTestDatabase();
  await seedDemoData(database.prisma);
  await goLive(database.prisma, showId);
  await database.prisma.show.update({ where: { id: showId }, data: { maxPerBuyer: 100 } });
  variant = await variantBySku(database.prisma, SKU);
});

beforeEach(async () => {
  await database.prisma.productVariant.update({ where: { id: variant.id }, data: { stock: 1000 } });
  await database.prisma.flashDeal.updateMany({ where: { showId, endedAt: null }, data: { endedAt: new Date() } });
});

afterAll(async () => {
  await database?.stop();
});

function startDeal(opts: { quantityCap?: number | null; endsInMs?: number } = {}) {
  return database.prisma.flashDeal.create({
    data: {
      showId,
      productId: variant.productId,
      variantId: variant.id,
      priceMinor: DEAL_PRICE,
      endsAt: new Date(Date.now() + (opts.endsInMs ?? 60_000)),
      quantityCap: opts.quantityCap ?? null,
    },
  });
}

async function bagWithOne(buyer: Actor, quantity = 1) {
  await setBagItem(database.prisma, buyer, { showId, variantId: variant.id, quantity });
}

const items = (dealId: string) =>
  database.prisma.orderItem.findMany({ where: { dealId }, select: { unitPriceMinor: true, quantity: true } });

describe('a flash deal in the bag', () => {
  it('shows the deal price beside the regular one, and the checkout charges the deal price', async () => {
    const deal = await startDeal();
    const [buyer] = await makeBuyers(database.prisma, 1);
    await bagWithOne(buyer!, 2);
    const bag = await getBag(database.prisma, buyer!, { showId });
    expect(bag.lines[0]).toMatchObject({ unitPriceMinor: DEAL_PRICE, regularPriceMinor: variant.priceMinor, deal: { id: deal.id } });
    expect(bag.totals.subtotalMinor).toBe(2 * DEAL_PRICE);

    const payments = new SpyPayments();
    const order = await checkoutBag(database.prisma, payments, buyer!, { showId, idempotencyKey: randomUUID() });
    expect(order.subtotalMinor).toBe(2 * DEAL_PRICE);
    expect(order.deals).toEqual([{ id: deal.id, soldCount: 2 }]);
    expect(payments.authorized.map((a) => a.amountMinor)).toEqual([order.totalMinor]);
    expect(await items(deal.id)).toEqual([{ unitPriceMinor: DEAL_PRICE, quantity: 2 }]);
  });

  it('falls back to the regular price once the deal has ended, as the bag then shows', async () => {
    const deal = await startDeal();
    const [buyer] = await makeBuyers(database.prisma, 1);
    await bagWithOne(buyer!);
    await database.prisma.flashDeal.update({ where: { id: deal.id }, data: { endedAt: new Date() } });
    expect((await getBag(database.prisma, buyer!, { showId })).lines[0]).toMatchObject({ unitPriceMinor: variant.priceMinor, deal: null });
    const order = await checkoutBag(database.prisma, new SpyPayments(), buyer!, { showId, idempotencyKey: randomUUID() });
    expect(order.lines[0]!.unitPriceMinor).toBe(variant.priceMinor);
    expect(await items(deal.id)).toEqual([]);
  });

  it('refuses with PRICE_CHANGED, charging nothing, when the deal ended after the buyer saw the deal total on the Pay button', async () => {
    const deal = await startDeal();
    const [buyer] = await makeBuyers(database.prisma, 1);
    await bagWithOne(buyer!);
    const seen = (await getBag(database.prisma, buyer!, { showId })).totals.totalMinor;
    await database.prisma.flashDeal.update({ where: { id: deal.id }, data: { endedAt: new Date() } });
    const payments = new SpyPayments();
    await expectAppError(
      checkoutBag(database.prisma, payments, buyer!, { showId, idempotencyKey: randomUUID(), expectedTotalMinor: seen }),
      'PRICE_CHANGED',
    );
    expect(payments.authorized).toEqual([]);
    // Agreeing to the new total goes through at the regular price.
    const now = (await getBag(database.prisma, buyer!, { showId })).totals.totalMinor;
    const order = await checkoutBag(database.prisma, payments, buyer!, { showId, idempotencyKey: randomUUID(), expectedTotalMinor: now });
    expect(order.lines[0]!.unitPriceMinor).toBe(variant.priceMinor);
  });

  it('keeps the deal price when the deal ends while the card is being charged: the unit was reserved at that price before the charge', async () => {
    const deal = await startDeal();
    const [buyer] = await makeBuyers(database.prisma, 1);
    await bagWithOne(buyer!);
    const payments = new SpyPayments();
    payments.duringAuthorize = async () => {
      await database.prisma.flashDeal.update({ where: { id: deal.id }, data: { endedAt: new Date() } });
    };
    const order = await checkoutBag(database.prisma, payments, buyer!, { showId, idempotencyKey: randomUUID() });
    expect(order).toMatchObject({ status: 'PAID', subtotalMinor: DEAL_PRICE, deals: [{ id: deal.id, soldCount: 1 }] });
    expect(payments.captured).toHaveLength(1);
    expect(payments.voided).toEqual([]);
    expect((await variantBySku(database.prisma, SKU)).stock).toBe(999);
  });

  it('holds its cap across one tap and the bag: of 20 buyers racing for a cap of 5, exactly 5 units sell at the deal price', async () => {
    const deal = await startDeal({ quantityCap: 5 });
    const buyers = await makeBuyers(database.prisma, 20);
    const bagBuyers = buyers.filter((_, i) => i % 2 === 0);
    for (const buyer of bagBuyers) await bagWithOne(buyer);
    const payments = new SpyPayments();
    const results = await Promise.allSettled(
      buyers.map((buyer, i) =>
        i % 2 === 0
          ? checkoutBag(database.prisma, payments, buyer, { showId, idempotencyKey: randomUUID() })
          : placeShowOrder(database.prisma, payments, buyer, {
              showId,
              variantId: variant.id,
              quantity: 1,
              idempotencyKey: randomUUID(),
              dealId: deal.id,
            }),
      ),
    );
    // Every refusal is the deal's, never an error of the race itself.
    for (const result of results) if (result.status === 'rejected') expect(result.reason).toMatchObject({ code: 'DEAL_ENDED' });

    const atDeal = await items(deal.id);
    expect(atDeal.reduce((n, i) => n + i.quantity, 0)).toBe(5);
    expect(atDeal.every((i) => i.unitPriceMinor === DEAL_PRICE)).toBe(true);
    expect((await database.prisma.flashDeal.findUniqueOrThrow({ where: { id: deal.id } })).soldCount).toBe(5);
    // No order for this variant was written at the deal price without counting against the cap.
    const cheap = await database.prisma.orderItem.count({ where: { variantId: variant.id, unitPriceMinor: DEAL_PRICE, dealId: null } });
    expect(cheap).toBe(0);
    const placed = results.filter((r) => r.status === 'fulfilled').length;
    expect((await variantBySku(database.prisma, SKU)).stock).toBe(1000 - placed);
  });
});
