import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SHOW_ID } from '../../server/db/seed';
import { ask, createBuyers, joinShow, nextEvent, startTestApp, type TestApp } from '../support/app';

// The bag over the show channel: real server, real PostgreSQL, real sockets.
let t: TestApp;
const showId = DEMO_SHOW_ID;

beforeAll(async () => {
  t = await startTestApp();
  await t.app.db.show.update({ where: { id: showId }, data: { status: 'LIVE', startedAt: new Date() } });
});

afterAll(async () => {
  await t?.stop();
});

describe('bag over the show channel', () => {
  it('fills the bag, previews the totals with a coupon, pays once, broadcasts the new stock and tells the host', async () => {
    const [buyer, watcherUser] = await createBuyers(t, 2, 'bag');
    const host = await t.app.db.user.findUniqueOrThrow({ where: { email: 'host@demo.live' } });
    const [socket, watcher, hostSocket] = await Promise.all([t.connect(buyer), t.connect(watcherUser), t.connect(host)]);
    await Promise.all([joinShow(socket, showId), joinShow(watcher, showId), joinShow(hostSocket, showId)]);
    const [serum, lip] = await Promise.all(
      ['LUM-SERUM-30ML', 'LUM-LIP-CORAL'].map((sku) => t.app.db.productVariant.findUniqueOrThrow({ where: { sku } })),
    );
    await t.app.db.coupon.create({ data: { brandId: 'demo_brand_lumen', code: 'LIVE5', kind: 'FIXED', value: 500 } });

    expect(await ask(socket, 'bag:set', { showId, variantId: serum!.id, quantity: 1 })).toMatchObject({ ok: true, bag: { itemCount: 1 } });
    const preview = await ask(socket, 'bag:set', { showId, variantId: lip!.id, quantity: 2, couponCode: 'live5' });
    // 38.00 + 2 × 18.00 = 74.00, free shipping from 50.00, 5.00 off.
    expect(preview).toMatchObject({
      ok: true,
      bag: {
        itemCount: 3,
        totals: { subtotalMinor: 7400, shippingMinor: 0, discountMinor: 500, totalMinor: 6900 },
        coupon: { code: 'LIVE5' },
      },
    });

    const stockSeen = new Map<string, number>();
    watcher.on('stock:changed', (e) => stockSeen.set(e.variantId, e.stock));
    const boughtSeen = nextEvent(watcher, 'order:justBought');
    const saleSeen = nextEvent(hostSocket, 'sale:made');
    const key = randomUUID();
    const paid = await ask(socket, 'bag:checkout', { showId, idempotencyKey: key, couponCode: 'live5' });
    if (!paid.ok) throw new Error(paid.error.code);
    expect(paid.order).toMatchObject({ totalMinor: 6900, discountMinor: 500, itemCount: 3, couponCode: 'LIVE5', replayed: false });
    expect(await saleSeen).toMatchObject({ orderNumber: paid.order.orderNumber, totalMinor: 6900, quantity: 3 });
    // One buyer, whatever the number of lines: nobody else is counted.
    // The ticker names the first product and counts the rest as a number, which each page words in its language.
    const bought = await boughtSeen;
    expect(bought).toMatchObject({ others: 0, quantity: 3, moreProducts: 1 });
    expect(bought.productTitle).not.toMatch(/more/);
    await expect.poll(() => stockSeen.size).toBe(2);
    expect(stockSeen.get(serum!.id)).toBe(serum!.stock - 1);
    expect(stockSeen.get(lip!.id)).toBe(lip!.stock - 2);

    expect(await ask(socket, 'bag:checkout', { showId, idempotencyKey: key })).toMatchObject({
      ok: true,
      order: { orderNumber: paid.order.orderNumber, replayed: true },
    });
    expect(await ask(socket, 'bag:get', { showId })).toMatchObject({ ok: true, bag: { itemCount: 0, lines: [] } });
  });

  it('refuses an anonymous socket and a socket that has not joined the show', async () => {
    const anonymous = await t.connect();
    await joinShow(anonymous, showId);
    expect(await ask(anonymous, 'bag:get', { showId })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    const [buyer] = await createBuyers(t, 1, 'nojoin');
    const socket = await t.connect(buyer);
    expect(await ask(socket, 'bag:checkout', { showId, idempotencyKey: randomUUID() })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_STATE' },
    });
  });
});
