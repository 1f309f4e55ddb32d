import { randomUUID } from 'node:crypto';
import { DEMO_SHOW_ID } from '../../server/db/seed';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setVariantStock } from '../../server/domain/catalog';
import { ask, joinShow, createBuyers, nextEvent, startTestApp, type TestApp, type TestSocket } from '../support/app';

// Buying under load against the real server and PostgreSQL: many real socket.io
// clients over real sockets, each its own signed-in buyer with a wallet.
let t: TestApp;
let showId: string;
let productId: string;
let variantId: string;
let hostSocket: TestSocket;

const joined = (socket: TestSocket) => joinShow(socket, showId);

const codes = (results: { ok: boolean; error?: { code: string } }[]) => {
  const tally: Record<string, number> = {};
  for (const r of results) tally[r.ok ? 'ok' : r.error!.code] = (tally[r.ok ? 'ok' : r.error!.code] ?? 0) + 1;
  return tally;
};

beforeAll(async () => {
  t = await startTestApp();
  const show = await t.app.db.show.findFirstOrThrow({
    where: { id: DEMO_SHOW_ID },
    select: { id: true, hostId: true, lineup: { select: { productId: true }, orderBy: { position: 'asc' }, take: 1 } },
  });
  showId = show.id;
  productId = show.lineup[0]!.productId;
  variantId = (await t.app.db.productVariant.findFirstOrThrow({ where: { productId }, orderBy: { priceMinor: 'asc' } })).id;
  const host = await t.app.db.user.findUniqueOrThrow({ where: { id: show.hostId } });
  hostSocket = await t.connect(host);
  await joined(hostSocket);
  expect(await ask(hostSocket, 'show:goLive', { showId })).toMatchObject({ ok: true });
  expect(await ask(hostSocket, 'product:pin', { showId, productId })).toMatchObject({ ok: true });
});

afterAll(async () => {
  await t?.stop();
});

describe('purchase storm', () => {
  it('500 buyers tapping Buy at once on 50 units get exactly 50 orders and 450 SOLD_OUT, and replaying every tap creates nothing new', async () => {
    await setVariantStock(t.app.db, variantId, 50);
    const buyers = await createBuyers(t, 500, 'storm');
    const sockets = await Promise.all(buyers.map((b) => t.connect(b)));
    await Promise.all(sockets.map(joined));
    const requests = buyers.map(() => ({ showId, variantId, quantity: 1, idempotencyKey: randomUUID() }));

    const results = await Promise.all(sockets.map((s, i) => ask(s, 'order:buy', requests[i])));
    expect(codes(results)).toEqual({ ok: 50, SOLD_OUT: 450 });
    expect((await t.app.db.productVariant.findUniqueOrThrow({ where: { id: variantId } })).stock).toBe(0);
    const orders = await t.app.db.order.findMany({
      where: { buyerId: { in: buyers.map((b) => b.id) } },
      select: { number: true, buyerId: true },
    });
    expect(orders).toHaveLength(50);
    expect(new Set(orders.map((o) => o.buyerId)).size).toBe(50);
    // Each sold tap was placed and paid in one statement: PAID, one captured Payment row, one PAID timeline row, one
    // receipt job (composed into its email when the job runs).
    const sold = await t.app.db.order.findMany({
      where: { buyerId: { in: buyers.map((b) => b.id) } },
      select: { id: true, status: true, payments: { select: { status: true } }, events: { select: { status: true } } },
    });
    for (const order of sold)
      expect(order).toMatchObject({ status: 'PAID', payments: [{ status: 'CAPTURED' }], events: [{ status: 'PAID' }] });
    expect(
      await t.app.db.job.count({ where: { dedupeKey: { in: sold.map((o) => `order-receipt:${o.id}`) }, kind: 'order.receipt' } }),
    ).toBe(50);

    // Every request again with its own key: the 50 winners get their same order back, nobody gets a second one.
    const replays = await Promise.all(sockets.map((s, i) => ask(s, 'order:buy', requests[i])));
    expect(codes(replays)).toEqual({ ok: 50, SOLD_OUT: 450 });
    for (const [i, replay] of replays.entries()) {
      const first = results[i]!;
      // A replay returns the same order; the buyer's running count (`bought`) belongs to the first answer only.
      if (replay.ok && first.ok) expect(replay.order).toEqual({ ...first.order, bought: null, replayed: true });
      else expect(first.ok).toBe(false);
    }
    expect(await t.app.db.order.count({ where: { buyerId: { in: buyers.map((b) => b.id) } } })).toBe(50);
    for (const socket of sockets) socket.disconnect();

    // The app's job runner composes each receipt from its job: one email per sold order.
    const receipts = { dedupeKey: { in: sold.map((o) => `email:order-receipt:${o.id}`) }, kind: 'email.send' };
    await expect.poll(() => t.app.db.job.count({ where: receipts }), { timeout: 60_000, interval: 200 }).toBe(50);
    const one = await t.app.db.job.findFirstOrThrow({ where: receipts, select: { payload: true } });
    expect((one.payload as { subject: string }).subject).toMatch(/^Your receipt for order #\d+$/);
  });

  it('holds the per-buyer limit even when one buyer fires many taps at once, answering LIMIT_REACHED', async () => {
    await t.app.db.show.update({ where: { id: showId }, data: { maxPerBuyer: 2 } });
    await setVariantStock(t.app.db, variantId, 100);
    const [buyer] = await createBuyers(t, 1, 'limit');
    const socket = await t.connect(buyer);
    await joined(socket);
    const results = await Promise.all(
      Array.from({ length: 6 }, () => ask(socket, 'order:buy', { showId, variantId, quantity: 1, idempotencyKey: randomUUID() })),
    );
    expect(codes(results)).toEqual({ ok: 2, LIMIT_REACHED: 4 });
    expect(await ask(socket, 'order:buy', { showId, variantId, quantity: 3, idempotencyKey: randomUUID() })).toMatchObject({
      ok: false,
      error: { code: 'LIMIT_REACHED' },
    });
    await t.app.db.show.update({ where: { id: showId }, data: { maxPerBuyer: 5 } });
  });

  it('sells a flash deal at its price up to its cap, then answers DEAL_ENDED, and tells everyone how many went', async () => {
    await setVariantStock(t.app.db, variantId, 100);
    const variant = await t.app.db.productVariant.findUniqueOrThrow({ where: { id: variantId } });
    const buyers = await createBuyers(t, 10, 'deal');
    const sockets = await Promise.all(buyers.map((b) => t.connect(b)));
    await Promise.all(sockets.map(joined));
    const announced = nextEvent(sockets[0]!, 'deal:started');
    const started = await ask(hostSocket, 'deal:start', {
      showId,
      variantId,
      priceMinor: variant.priceMinor - 500,
      durationSeconds: 60,
      quantityCap: 3,
    });
    if (!started.ok) throw new Error(started.error.code);
    expect((await announced).deal).toMatchObject({
      id: started.deal.id,
      priceMinor: variant.priceMinor - 500,
      quantityCap: 3,
      soldCount: 0,
    });
    const snapshot = await joined(sockets[1]!);
    expect(snapshot.deal?.id).toBe(started.deal.id);

    const results = await Promise.all(
      sockets.map((s) => ask(s, 'order:buy', { showId, variantId, quantity: 1, idempotencyKey: randomUUID(), dealId: started.deal.id })),
    );
    expect(codes(results)).toEqual({ ok: 3, DEAL_ENDED: 7 });
    // A deal price is the item price; the demo brand's shipping (4.00 below 50.00) still applies.
    const withShipping = (itemsMinor: number) => itemsMinor + (itemsMinor < 5000 ? 400 : 0);
    for (const r of results) if (r.ok) expect(r.order.totalMinor).toBe(withShipping(variant.priceMinor - 500));
    expect((await t.app.db.flashDeal.findUniqueOrThrow({ where: { id: started.deal.id } })).soldCount).toBe(3);
    // Without the deal the regular price still applies.
    const regular = await ask(sockets[9]!, 'order:buy', { showId, variantId, quantity: 1, idempotencyKey: randomUUID() });
    expect(regular).toMatchObject({ ok: true, order: { totalMinor: withShipping(variant.priceMinor) } });
  });

  it('refuses a deal purchase after its end time with DEAL_ENDED even while a client still shows it, and lets only the host run deals', async () => {
    const variant = await t.app.db.productVariant.findUniqueOrThrow({ where: { id: variantId } });
    const [buyer] = await createBuyers(t, 1, 'late');
    const socket = await t.connect(buyer);
    await joined(socket);
    expect(await ask(socket, 'deal:start', { showId, variantId, priceMinor: 1, durationSeconds: 60 })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    const started = await ask(hostSocket, 'deal:start', { showId, variantId, priceMinor: variant.priceMinor - 100, durationSeconds: 30 });
    if (!started.ok) throw new Error(started.error.code);
    await t.app.db.flashDeal.update({ where: { id: started.deal.id }, data: { endsAt: new Date(Date.now() - 1000) } });
    expect(
      await ask(socket, 'order:buy', { showId, variantId, quantity: 1, idempotencyKey: randomUUID(), dealId: started.deal.id }),
    ).toMatchObject({ ok: false, error: { code: 'DEAL_ENDED' } });
    const again = await ask(hostSocket, 'deal:start', { showId, variantId, priceMinor: variant.priceMinor - 100, durationSeconds: 30 });
    if (!again.ok) throw new Error(again.error.code);
    // An earlier deal's end (a capped deal's, checked after its last sale) may still be on its way.
    const ended = nextEvent(socket, 'deal:ended', (e) => e.dealId === again.deal.id);
    expect(await ask(hostSocket, 'deal:end', { showId })).toEqual({ ok: true });
    expect(await ended).toMatchObject({ dealId: again.deal.id });
    expect(
      await ask(socket, 'order:buy', { showId, variantId, quantity: 1, idempotencyKey: randomUUID(), dealId: again.deal.id }),
    ).toMatchObject({ ok: false, error: { code: 'DEAL_ENDED' } });
  });
});
