import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SHOW_ID } from '../../server/db/seed';
import { setVariantStock } from '../../server/domain/catalog';
import { ask, createBuyers, joinShow, startTestApp, type TestApp } from '../support/app';

// Through the real socket server: a card that is refused leaves no trace in
// orders or stock, and a card that works afterwards buys normally.
let t: TestApp;
let variantId: string;

beforeAll(async () => {
  t = await startTestApp();
  const show = await t.app.db.show.findUniqueOrThrow({
    where: { id: DEMO_SHOW_ID },
    select: { hostId: true, lineup: { select: { productId: true }, orderBy: { position: 'asc' }, take: 1 } },
  });
  variantId = (
    await t.app.db.productVariant.findFirstOrThrow({ where: { productId: show.lineup[0]!.productId }, orderBy: { priceMinor: 'asc' } })
  ).id;
  const host = await t.app.db.user.findUniqueOrThrow({ where: { id: show.hostId } });
  const hostSocket = await t.connect(host);
  await joinShow(hostSocket, DEMO_SHOW_ID);
  expect(await ask(hostSocket, 'show:goLive', { showId: DEMO_SHOW_ID })).toMatchObject({ ok: true });
}, 120_000);

afterAll(async () => {
  await t?.stop();
});

describe('declined payments', () => {
  it.each([
    ['tok_test_visa_decline', 'declined'],
    ['tok_test_visa_insufficient', 'short of funds'],
  ])('a buyer whose default card is %s (%s) gets PAYMENT_DECLINED, no order and untouched stock', async (token) => {
    await setVariantStock(t.app.db, variantId, 7);
    const [buyer] = await createBuyers(t, 1, 'declined');
    await t.app.db.paymentMethod.updateMany({ where: { userId: buyer!.id }, data: { token } });
    const socket = await t.connect(buyer);
    await joinShow(socket, DEMO_SHOW_ID);
    const key = randomUUID();

    const response = await ask(socket, 'order:buy', { showId: DEMO_SHOW_ID, variantId, quantity: 1, idempotencyKey: key });
    expect(response).toMatchObject({ ok: false, error: { code: 'PAYMENT_DECLINED' } });
    expect(await t.app.db.order.count({ where: { buyerId: buyer!.id } })).toBe(0);
    expect(await t.app.db.payment.count({ where: { order: { buyerId: buyer!.id } } })).toBe(0);
    expect((await t.app.db.productVariant.findUniqueOrThrow({ where: { id: variantId } })).stock).toBe(7);

    // The buyer adds a card that works and taps again with the same key: one order, one payment.
    await t.app.db.paymentMethod.updateMany({ where: { userId: buyer!.id }, data: { token: 'tok_test_visa_4242' } });
    const retry = await ask(socket, 'order:buy', { showId: DEMO_SHOW_ID, variantId, quantity: 1, idempotencyKey: key });
    expect(retry).toMatchObject({ ok: true });
    const again = await ask(socket, 'order:buy', { showId: DEMO_SHOW_ID, variantId, quantity: 1, idempotencyKey: key });
    expect(again).toMatchObject({ ok: true, order: { replayed: true } });
    expect(await t.app.db.order.count({ where: { buyerId: buyer!.id } })).toBe(1);
    expect(await t.app.db.payment.count({ where: { order: { buyerId: buyer!.id }, status: 'CAPTURED' } })).toBe(1);
    expect((await t.app.db.productVariant.findUniqueOrThrow({ where: { id: variantId } })).stock).toBe(6);
  });
});
