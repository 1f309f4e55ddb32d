import { randomUUID } from 'node:crypto';
import { DEMO_SHOW_ID } from '../../server/db/seed';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setVariantStock } from '../../server/domain/catalog';
import { ask, joinShow, nextEvent, startTestApp, type TestApp, type TestSocket } from '../support/app';

// The walking skeleton's show channel against the real server, real PostgreSQL
// and real mediasoup, driven by real socket.io clients over real sockets.
let t: TestApp;
let showId: string;
let host: { id: string; name: string };
let viewer: { id: string; name: string };
let viewer2: { id: string; name: string };
let productId: string;
let variantId: string;

const user = async (email: string) => {
  const row = await t.app.db.user.findUniqueOrThrow({ where: { email }, select: { id: true, name: true } });
  return row;
};

beforeAll(async () => {
  t = await startTestApp();
  const show = await t.app.db.show.findFirstOrThrow({
    where: { id: DEMO_SHOW_ID },
    select: { id: true, lineup: { select: { productId: true }, orderBy: { position: 'asc' }, take: 1 } },
  });
  showId = show.id;
  productId = show.lineup[0]!.productId;
  variantId = (await t.app.db.productVariant.findFirstOrThrow({ where: { productId }, select: { id: true } })).id;
  [host, viewer, viewer2] = await Promise.all([user('host@demo.live'), user('viewer@demo.live'), user('viewer2@demo.live')]);
});

afterAll(async () => {
  await t?.stop();
});

const joined = (socket: TestSocket) => joinShow(socket, showId);

describe('show channel', () => {
  it('gives an anonymous visitor the full show state on join but refuses their purchase with UNAUTHENTICATED', async () => {
    const anonymous = await t.connect();
    const response = await joined(anonymous);
    expect(response.role).toBe('anonymous');
    expect(response.state.lineup.length).toBeGreaterThan(0);
    expect(response.state.status).toBe('SCHEDULED');
    const buy = await ask(anonymous, 'order:buy', { showId, variantId, quantity: 1, idempotencyKey: randomUUID() });
    expect(buy).toEqual({ ok: false, error: { code: 'UNAUTHENTICATED', message: expect.any(String) } });
  });

  it('refuses a viewer who tries to go live, pin or send media with FORBIDDEN', async () => {
    const socket = await t.connect(viewer);
    await joined(socket);
    expect(await ask(socket, 'show:goLive', { showId })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await ask(socket, 'product:pin', { showId, productId })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await ask(socket, 'media:createTransport', { showId, direction: 'send' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });

  it('refuses a purchase before the show is live with SHOW_NOT_LIVE', async () => {
    const socket = await t.connect(viewer);
    await joined(socket);
    expect(await ask(socket, 'order:buy', { showId, variantId, quantity: 1, idempotencyKey: randomUUID() })).toMatchObject({
      ok: false,
      error: { code: 'SHOW_NOT_LIVE' },
    });
  });

  it('answers malformed payloads with INVALID_INPUT and keeps the connection working', async () => {
    const socket = await t.connect(viewer);
    expect(await ask(socket, 'show:join', { showId: 42 })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await ask(socket, 'order:buy', { showId, variantId, quantity: -5, idempotencyKey: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    expect(await ask(socket, 'show:join', { showId, extra: '<script>' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect((await joined(socket)).role).toBe('viewer');
  });

  it('lets the host go live and pin a product that every viewer receives with live stock', async () => {
    const hostSocket = await t.connect(host);
    const viewerA = await t.connect(viewer);
    const viewerB = await t.connect(viewer2);
    expect((await joined(hostSocket)).role).toBe('host');
    await joined(viewerA);
    await joined(viewerB);
    const statusSeen = nextEvent(viewerA, 'show:status');
    expect(await ask(hostSocket, 'show:goLive', { showId })).toMatchObject({ ok: true, status: 'LIVE' });
    expect(await statusSeen).toMatchObject({ showId, status: 'LIVE' });

    const pinnedA = nextEvent(viewerA, 'product:pinned');
    const pinnedB = nextEvent(viewerB, 'product:pinned');
    expect(await ask(hostSocket, 'product:pin', { showId, productId })).toMatchObject({ ok: true });
    for (const event of await Promise.all([pinnedA, pinnedB])) {
      expect(event.product.id).toBe(productId);
      expect(event.product.variants.find((v) => v.id === variantId)?.stock).toBeGreaterThan(0);
    }
    const pin = await t.app.db.pinEvent.findFirstOrThrow({ where: { showId, productId, action: 'PIN' } });
    expect(pin.offsetMs).toBeGreaterThanOrEqual(0);
  });

  it('refuses to pin a draft with PRODUCT_NOT_ON_SALE, and every viewer sees the draft in the lineup as not on sale', async () => {
    const hostSocket = await t.connect(host);
    await joined(hostSocket);
    const live = await t.app.db.show.findUniqueOrThrow({ where: { id: showId }, select: { status: true } });
    if (live.status !== 'LIVE') expect(await ask(hostSocket, 'show:goLive', { showId })).toMatchObject({ ok: true });
    await t.app.db.product.update({ where: { id: productId }, data: { status: 'DRAFT' } });
    try {
      const snapshot = await joined(await t.connect(viewer));
      expect(snapshot.state.lineup.find((p) => p.id === productId)?.status).toBe('DRAFT');
      expect(await ask(hostSocket, 'product:pin', { showId, productId })).toMatchObject({
        ok: false,
        error: { code: 'PRODUCT_NOT_ON_SALE' },
      });
    } finally {
      await t.app.db.product.update({ where: { id: productId }, data: { status: 'ACTIVE' } });
    }
    expect(await ask(hostSocket, 'product:pin', { showId, productId })).toMatchObject({ ok: true, product: { status: 'ACTIVE' } });
  });

  it('turns a tap on Buy into one paid order, one unit less stock, a stock broadcast and a sale for the host', async () => {
    const hostSocket = await t.connect(host);
    const buyer = await t.connect(viewer);
    const watcher = await t.connect(viewer2);
    await Promise.all([joined(hostSocket), joined(buyer), joined(watcher)]);
    const before = await t.app.db.productVariant.findUniqueOrThrow({ where: { id: variantId } });
    const stockSeen = nextEvent(watcher, 'stock:changed');
    const saleSeen = nextEvent(hostSocket, 'sale:made');
    const boughtSeen = nextEvent(watcher, 'order:justBought');
    const key = randomUUID();

    const response = await ask(buyer, 'order:buy', { showId, variantId, quantity: 1, idempotencyKey: key });
    if (!response.ok) throw new Error(response.error.code);
    expect(response.order.replayed).toBe(false);
    expect(await stockSeen).toMatchObject({ showId, productId, variantId, stock: before.stock - 1 });
    expect(await saleSeen).toMatchObject({ orderNumber: response.order.orderNumber, quantity: 1 });
    // Privacy: the room learns a first name and an initial, never the full name.
    expect((await boughtSeen).buyerName).toMatch(/^\S+ [A-Z]\.$/);

    const orders = await t.app.db.order.findMany({ where: { buyerId: viewer.id, idempotencyKey: key }, include: { items: true } });
    expect(orders).toHaveLength(1);
    // The demo brand ships for 4.00 below 50.00 and free from there: one-tap orders pay it too.
    const shippingMinor = before.priceMinor < 5000 ? 400 : 0;
    expect(orders[0]).toMatchObject({
      status: 'PAID',
      subtotalMinor: before.priceMinor,
      shippingMinor,
      totalMinor: before.priceMinor + shippingMinor,
    });
    expect(response.order.totalMinor).toBe(before.priceMinor + shippingMinor);
    expect((await t.app.db.productVariant.findUniqueOrThrow({ where: { id: variantId } })).stock).toBe(before.stock - 1);

    // Replaying the same tap (lost acknowledgement, double click) changes nothing.
    const replay = await ask(buyer, 'order:buy', { showId, variantId, quantity: 1, idempotencyKey: key });
    expect(replay).toMatchObject({ ok: true, order: { orderNumber: response.order.orderNumber, replayed: true } });
    expect(await t.app.db.order.count({ where: { buyerId: viewer.id, idempotencyKey: key } })).toBe(1);
    expect((await t.app.db.productVariant.findUniqueOrThrow({ where: { id: variantId } })).stock).toBe(before.stock - 1);
  });

  it('never sells more than the stock when many taps race for the last units', async () => {
    await setVariantStock(t.app.db, variantId, 5);
    await t.app.db.show.update({ where: { id: showId }, data: { maxPerBuyer: 100 } }); // this test is about stock, not the per-buyer limit
    const buyers = await Promise.all([t.connect(viewer), t.connect(viewer2)]);
    await Promise.all(buyers.map(joined));
    const ordersBefore = await t.app.db.order.count({ where: { items: { some: { variantId } } } });
    // 30 distinct taps (15 per buyer, each its own key), fired together; the
    // per-socket rate limit allows bursts of this size.
    const taps = Array.from({ length: 30 }, (_, i) =>
      ask(buyers[i % 2]!, 'order:buy', { showId, variantId, quantity: 1, idempotencyKey: randomUUID() }),
    );
    const results = await Promise.all(taps);
    expect(results.filter((r) => r.ok)).toHaveLength(5);
    expect(results.filter((r) => !r.ok).map((r) => (r.ok ? null : r.error.code))).toEqual(Array(25).fill('SOLD_OUT'));
    expect((await t.app.db.productVariant.findUniqueOrThrow({ where: { id: variantId } })).stock).toBe(0);
    expect(await t.app.db.order.count({ where: { items: { some: { variantId } } } })).toBe(ordersBefore + 5);
  });

  it('refuses a purchase without a saved card with NO_PAYMENT_METHOD and leaves stock untouched', async () => {
    await setVariantStock(t.app.db, variantId, 3);
    await t.app.db.paymentMethod.updateMany({ where: { userId: viewer2.id }, data: { isDefault: false } });
    const socket = await t.connect(viewer2);
    await joined(socket);
    expect(await ask(socket, 'order:buy', { showId, variantId, quantity: 1, idempotencyKey: randomUUID() })).toMatchObject({
      ok: false,
      error: { code: 'NO_PAYMENT_METHOD' },
    });
    expect((await t.app.db.productVariant.findUniqueOrThrow({ where: { id: variantId } })).stock).toBe(3);
    await t.app.db.paymentMethod.updateMany({ where: { userId: viewer2.id }, data: { isDefault: true } });
  });

  it('refuses a declined card with PAYMENT_DECLINED, creating no order and leaving stock untouched', async () => {
    await t.app.db.paymentMethod.updateMany({ where: { userId: viewer2.id }, data: { token: 'tok_test_visa_decline' } });
    const socket = await t.connect(viewer2);
    await joined(socket);
    const key = randomUUID();
    expect(await ask(socket, 'order:buy', { showId, variantId, quantity: 1, idempotencyKey: key })).toMatchObject({
      ok: false,
      error: { code: 'PAYMENT_DECLINED' },
    });
    expect(await t.app.db.order.count({ where: { idempotencyKey: key } })).toBe(0);
    expect((await t.app.db.productVariant.findUniqueOrThrow({ where: { id: variantId } })).stock).toBe(3);
  });

  it('hands a viewer the router capabilities and a receive transport for the show', async () => {
    const socket = await t.connect(viewer);
    await joined(socket);
    const caps = await ask(socket, 'media:routerCapabilities', { showId });
    if (!caps.ok) throw new Error(caps.error.code);
    expect(caps.rtpCapabilities.codecs?.map((c) => c.mimeType)).toEqual(expect.arrayContaining(['audio/opus', 'video/VP8']));
    const transport = await ask(socket, 'media:createTransport', { showId, direction: 'recv' });
    if (!transport.ok) throw new Error(transport.error.code);
    expect(transport.transport.iceCandidates.length).toBeGreaterThan(0);
  });

  it('cuts off a client that floods events with RATE_LIMITED without affecting another client', async () => {
    const flooder = await t.connect(viewer);
    const calm = await t.connect(viewer2);
    const flood = await Promise.all(Array.from({ length: 80 }, () => ask(flooder, 'show:join', { showId })));
    expect(flood.some((r) => !r.ok && r.error.code === 'RATE_LIMITED')).toBe(true);
    expect(await ask(calm, 'show:join', { showId })).toMatchObject({ ok: true });
  });
});
