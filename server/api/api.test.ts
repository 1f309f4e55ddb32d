import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { GET as getOrder } from '../../app/api/v1/orders/[id]/route';
import { GET as listOrders } from '../../app/api/v1/orders/route';
import { GET as getProduct, PATCH as patchProduct } from '../../app/api/v1/products/[id]/route';
import { GET as listProducts } from '../../app/api/v1/products/route';
import { GET as getShow } from '../../app/api/v1/shows/[id]/route';
import { GET as listShows } from '../../app/api/v1/shows/route';
import { PUT as putStock } from '../../app/api/v1/variants/[id]/stock/route';
import { startTestDatabase, type TestDatabase } from '../../test/support/database';
import type { OrderStatus } from '../db/client';
import { shippingAddressColumns } from '../domain/orders';
import { DEMO_SHOW_ID, seedDemoData, type DemoSeed } from '../db/seed';
import { stockGate } from '../domain/catalog';
import { demoActors, type DemoActors } from '../domain/test-actors';
import { createWebhookEndpoint } from '../domain/brands';
import { testEnv } from '../jobs/test-support';
import { registerServices, type AppServices } from '../services';
import { authenticateApiKey, createApiKey, revokeApiKey } from './keys';
import { ApiRateLimiter, setApiRateLimiter } from './rate-limit';
import { API_SCOPES } from './scopes';
import { callRoute } from './test-support';

describe('public API v1', () => {
  let database: TestDatabase;
  let seed: DemoSeed;
  let actors: DemoActors;
  let lumenKey: string;
  let koraKey: string;
  let clock = 1_000_000;
  beforeAll(async () => {
    database = await startTestDatabase();
    seed = await seedDemoData(database.prisma);
    actors = await demoActors(database.prisma);
    registerServices({
      db: database.prisma,
      env: testEnv(database.url, { PUBLIC_URL: 'http://localhost:3000' }),
    } as unknown as AppServices);
    // The limiter's clock only moves when a test moves it, so nothing depends on how fast requests run.
    setApiRateLimiter(new ApiRateLimiter(30, 120, () => clock));
    lumenKey = (await createApiKey(database.prisma, actors.lumenOwner, 'lumen', { name: 'Everything', scopes: [...API_SCOPES] })).key;
    koraKey = (await createApiKey(database.prisma, actors.koraOwner, 'kora', { name: 'Kora sync', scopes: [...API_SCOPES] })).key;
  });
  afterAll(async () => {
    registerServices(undefined);
    setApiRateLimiter(undefined);
    await database?.stop();
  });
  beforeEach(() => {
    // A minute later: every bucket is full again.
    clock += 60_000;
  });

  const db = () => database.prisma;
  const key = (scopes: (typeof API_SCOPES)[number][], actor = actors.lumenOwner, slug = 'lumen') =>
    createApiKey(db(), actor, slug, { name: 'test', scopes }).then((k) => k.key);
  const koraProductId = async () => (await db().product.findFirstOrThrow({ where: { brandId: seed.otherBrandId } })).id;

  async function placeOrder(brandId: string, { status = 'PAID', createdAt = new Date() }: { status?: OrderStatus; createdAt?: Date } = {}) {
    const variant = await db().productVariant.findFirstOrThrow({ where: { product: { brandId } } });
    const buyer = await db().user.findUniqueOrThrow({ where: { email: 'viewer@demo.live' }, include: { addresses: true } });
    return db().order.create({
      data: {
        buyerId: buyer.id,
        brandId,
        status,
        createdAt,
        totalMinor: variant.priceMinor,
        subtotalMinor: variant.priceMinor,
        currency: variant.currency,
        idempotencyKey: `test-${Math.random()}`,
        addressId: buyer.addresses[0]!.id,
        ...shippingAddressColumns(buyer.addresses[0]!),
        items: {
          create: { variantId: variant.id, title: 'Item', quantity: 1, unitPriceMinor: variant.priceMinor, currency: variant.currency },
        },
      },
    });
  }

  describe('authentication and scopes', () => {
    it('answers 401 UNAUTHENTICATED with the error shape for a missing, malformed, unknown or revoked key', async () => {
      const revoked = await createApiKey(db(), actors.lumenOwner, 'lumen', { name: 'old', scopes: ['products:read'] });
      await revokeApiKey(db(), actors.lumenOwner, 'lumen', revoked.id);
      for (const candidate of [null, 'not-a-key', 'lc_live_' + 'x'.repeat(43), revoked.key]) {
        const answer = await callRoute(listProducts, 'GET', '/products', { key: candidate });
        expect(answer.status, String(candidate)).toBe(401);
        expect(answer.json).toEqual({
          error: { code: 'UNAUTHENTICATED', reason: expect.stringMatching(/^API_KEY_(MISSING|INVALID)$/), message: expect.any(String) },
        });
      }
    });

    it('answers 403 FORBIDDEN when the key lacks the operation’s scope', async () => {
      const readOnly = await key(['products:read']);
      expect((await callRoute(listProducts, 'GET', '/products', { key: readOnly })).status).toBe(200);
      const patch = await callRoute(patchProduct, 'PATCH', '/products/x', {
        key: readOnly,
        params: { id: seed.productIds[0]! },
        body: { title: 'Nope' },
      });
      expect(patch.status).toBe(403);
      expect(patch.json.error).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('products:write') });
      expect((await callRoute(listOrders, 'GET', '/orders', { key: readOnly })).json.error?.code).toBe('FORBIDDEN');
      expect((await db().product.findUniqueOrThrow({ where: { id: seed.productIds[0]! } })).title).not.toBe('Nope');
    });

    it('records when a key was last used, at most once a minute', async () => {
      const { key: fresh, id } = await createApiKey(db(), actors.lumenOwner, 'lumen', { name: 'usage', scopes: ['shows:read'] });
      const t0 = new Date('2030-01-01T10:00:00Z');
      const lastUsed = async () => (await db().apiKey.findUniqueOrThrow({ where: { id } })).lastUsedAt?.toISOString();
      await authenticateApiKey(db(), `Bearer ${fresh}`, t0);
      expect(await lastUsed()).toBe(t0.toISOString());
      await authenticateApiKey(db(), `Bearer ${fresh}`, new Date(t0.getTime() + 30_000));
      expect(await lastUsed()).toBe(t0.toISOString());
      const later = new Date(t0.getTime() + 61_000);
      await authenticateApiKey(db(), `Bearer ${fresh}`, later);
      expect(await lastUsed()).toBe(later.toISOString());
    });
  });

  describe('brand isolation', () => {
    it('another brand’s product, variant, show and order ids answer 404, and nothing changes', async () => {
      const foreignProduct = await koraProductId();
      const foreignVariant = await db().productVariant.findFirstOrThrow({ where: { productId: foreignProduct } });
      const foreignOrder = await placeOrder(seed.otherBrandId);
      const answers = [
        await callRoute(getProduct, 'GET', '/products/x', { key: lumenKey, params: { id: foreignProduct } }),
        await callRoute(patchProduct, 'PATCH', '/products/x', {
          key: lumenKey,
          params: { id: foreignProduct },
          body: { title: 'Hijacked' },
        }),
        await callRoute(putStock, 'PUT', '/variants/x/stock', { key: lumenKey, params: { id: foreignVariant.id }, body: { stock: 0 } }),
        await callRoute(getShow, 'GET', '/shows/x', { key: lumenKey, params: { id: seed.otherShowId } }),
        await callRoute(getOrder, 'GET', '/orders/x', { key: lumenKey, params: { id: foreignOrder.id } }),
      ];
      for (const answer of answers) expect(answer).toMatchObject({ status: 404, json: { error: { code: 'NOT_FOUND' } } });
      expect(await db().productVariant.findUniqueOrThrow({ where: { id: foreignVariant.id } })).toMatchObject({
        stock: foreignVariant.stock,
      });
      expect((await db().product.findUniqueOrThrow({ where: { id: foreignProduct } })).title).not.toBe('Hijacked');
    });

    it('lists only the key’s own brand', async () => {
      const lumen = await callRoute(listProducts, 'GET', '/products', { key: lumenKey, query: { limit: '100' } });
      const ids = (lumen.json.data as { id: string }[]).map((p) => p.id);
      expect(ids.sort()).toEqual([...seed.productIds].sort());
      const kora = await callRoute(listShows, 'GET', '/shows', { key: koraKey });
      expect((kora.json.data as { id: string }[]).map((s) => s.id)).toEqual([seed.otherShowId]);
    });
  });

  describe('products and stock', () => {
    it('pages through products with a cursor and filters by status', async () => {
      const first = await callRoute(listProducts, 'GET', '/products', { key: lumenKey, query: { limit: '4' } });
      expect(first.status).toBe(200);
      expect(first.json.data).toHaveLength(4);
      const second = await callRoute(listProducts, 'GET', '/products', {
        key: lumenKey,
        query: { limit: '4', cursor: String(first.json.nextCursor) },
      });
      expect(second.json.nextCursor).toBeNull();
      const all = [...(first.json.data as { id: string }[]), ...(second.json.data as { id: string }[])].map((p) => p.id);
      expect(new Set(all).size).toBe(seed.productIds.length);

      const drafts = await callRoute(listProducts, 'GET', '/products', { key: lumenKey, query: { status: 'DRAFT' } });
      expect(drafts.json.data).toEqual([]);
      const bad = await callRoute(listProducts, 'GET', '/products', { key: lumenKey, query: { status: 'SOLD', limit: '1000' } });
      expect(bad.status).toBe(400);
      expect(bad.json.error?.issues?.map((i) => i.path).sort()).toEqual(['query.limit', 'query.status']);
    });

    it('answers a product with its variants, prices in minor units', async () => {
      const answer = await callRoute(getProduct, 'GET', '/products/x', { key: lumenKey, params: { id: 'demo_product_serum' } });
      expect(answer.json).toMatchObject({
        id: 'demo_product_serum',
        title: 'Dewy Glow Serum',
        status: 'ACTIVE',
        variants: [
          { name: '30 ml', priceMinor: 3800, currency: 'USD' },
          { name: '50 ml', priceMinor: 5400 },
        ],
      });
    });

    it('PATCH changes title and status, refuses unknown fields, and records product.updated', async () => {
      const id = 'demo_product_balm';
      const refused = await callRoute(patchProduct, 'PATCH', '/products/x', { key: lumenKey, params: { id }, body: { priceMinor: 1 } });
      expect(refused).toMatchObject({ status: 400, json: { error: { code: 'INVALID_INPUT' } } });
      expect((await callRoute(patchProduct, 'PATCH', '/products/x', { key: lumenKey, params: { id }, body: '{not json' })).status).toBe(
        400,
      );

      const answer = await callRoute(patchProduct, 'PATCH', '/products/x', {
        key: lumenKey,
        params: { id },
        body: { title: 'Silk Balm', status: 'ARCHIVED' },
      });
      expect(answer).toMatchObject({
        status: 200,
        json: { id, title: 'Silk Balm', status: 'ARCHIVED', description: 'Melts make-up and sunscreen in one step.' },
      });
      const event = await db().brandEvent.findFirstOrThrow({
        where: { brandId: seed.brandId, type: 'product.updated' },
        orderBy: { createdAt: 'desc' },
      });
      expect(event.data).toEqual({ productId: id, changes: { title: 'Silk Balm', status: 'ARCHIVED' } });
    });

    it('PUT stock sets the absolute stock, clears the live stock gate, records stock.changed and queues its webhook', async () => {
      const variant = await db().productVariant.findFirstOrThrow({ where: { productId: 'demo_product_roller' } });
      const { id: endpointId } = await createWebhookEndpoint(db(), actors.lumenOwner, 'lumen', {
        url: 'https://hooks.example.com/stock',
        events: ['stock.changed'],
      });
      // The gate has just seen the variant sold out, so it would refuse every tap.
      expect(stockGate.admit(variant.id, 1)).toBe(true);
      stockGate.settle(variant.id, 1, 0);
      expect(stockGate.admit(variant.id, 1)).toBe(false);
      const forget = vi.spyOn(stockGate, 'forget');

      const answer = await callRoute(putStock, 'PUT', '/variants/x/stock', {
        key: lumenKey,
        params: { id: variant.id },
        body: { stock: 7 },
      });
      expect(answer).toMatchObject({ status: 200, json: { id: variant.id, productId: 'demo_product_roller', stock: 7 } });
      expect(forget).toHaveBeenCalledWith(variant.id);
      expect(stockGate.admit(variant.id, 1)).toBe(true);
      stockGate.settle(variant.id, 1, null);
      forget.mockRestore();

      expect(await db().productVariant.findUniqueOrThrow({ where: { id: variant.id } })).toMatchObject({ stock: 7 });
      const event = await db().brandEvent.findFirstOrThrow({
        where: { brandId: seed.brandId, type: 'stock.changed' },
        orderBy: { createdAt: 'desc' },
      });
      expect(event.data).toEqual({
        variantId: variant.id,
        productId: 'demo_product_roller',
        sku: variant.sku,
        stock: 7,
        previousStock: variant.stock,
      });
      expect(await db().webhookDelivery.count({ where: { endpointId, eventId: event.id, status: 'PENDING' } })).toBe(1);

      const negative = await callRoute(putStock, 'PUT', '/variants/x/stock', {
        key: lumenKey,
        params: { id: variant.id },
        body: { stock: -1 },
      });
      expect(negative.json.error).toMatchObject({ code: 'INVALID_INPUT', issues: [{ path: 'body.stock', message: expect.any(String) }] });
    });
  });

  describe('shows and orders', () => {
    it('answers the brand’s shows with host and lineup', async () => {
      const answer = await callRoute(getShow, 'GET', '/shows/x', { key: lumenKey, params: { id: DEMO_SHOW_ID } });
      expect(answer.status).toBe(200);
      expect(answer.json).toMatchObject({ id: DEMO_SHOW_ID, host: { handle: 'mia' }, url: `http://localhost:3000/shows/${DEMO_SHOW_ID}` });
      expect((answer.json.lineup as unknown[]).length).toBeGreaterThan(0);
    });

    it('lists orders newest first with status and since filters and cursor pages; an order has items and the shipping address', async () => {
      const old = await placeOrder(seed.brandId, { status: 'SHIPPED', createdAt: new Date('2020-01-01T00:00:00Z') });
      const a = await placeOrder(seed.brandId, { createdAt: new Date('2031-01-01T00:00:00Z') });
      const b = await placeOrder(seed.brandId, { createdAt: new Date('2031-01-02T00:00:00Z') });
      const page1 = await callRoute(listOrders, 'GET', '/orders', { key: lumenKey, query: { since: '2030-12-31T00:00:00Z', limit: '1' } });
      expect((page1.json.data as { id: string }[]).map((o) => o.id)).toEqual([b.id]);
      const page2 = await callRoute(listOrders, 'GET', '/orders', {
        key: lumenKey,
        query: { since: '2030-12-31T00:00:00Z', limit: '1', cursor: String(page1.json.nextCursor) },
      });
      expect((page2.json.data as { id: string }[]).map((o) => o.id)).toEqual([a.id]);
      expect(page2.json.nextCursor).toBeNull();
      const shipped = await callRoute(listOrders, 'GET', '/orders', { key: lumenKey, query: { status: 'SHIPPED' } });
      expect((shipped.json.data as { id: string }[]).map((o) => o.id)).toEqual([old.id]);

      const one = await callRoute(getOrder, 'GET', '/orders/x', { key: lumenKey, params: { id: a.id } });
      expect(one.json).toMatchObject({
        id: a.id,
        status: 'PAID',
        currency: 'USD',
        items: [{ quantity: 1, sku: expect.any(String) }],
        shippingAddress: { city: 'Phnom Penh', country: 'KH' },
      });
      expect(JSON.stringify(one.json)).not.toContain('viewer@demo.live');
    });
  });

  describe('rate limits', () => {
    it('allows a burst of 30 with RateLimit headers, then answers 429 with Retry-After until tokens refill', async () => {
      const limited = await key(['shows:read']);
      const call = () => callRoute(listShows, 'GET', '/shows', { key: limited });
      const first = await call();
      expect(first.headers.get('RateLimit-Limit')).toBe('30');
      expect(first.headers.get('RateLimit-Remaining')).toBe('29');
      expect(first.headers.get('RateLimit-Policy')).toBe('120;w=60;burst=30');
      for (let i = 1; i < 30; i++) expect((await call()).status).toBe(200);

      const refused = await call();
      expect(refused.status).toBe(429);
      expect(refused.json.error?.code).toBe('RATE_LIMITED');
      expect(refused.headers.get('Retry-After')).toBe('1');
      expect(refused.headers.get('RateLimit-Remaining')).toBe('0');
      // Other keys have their own bucket.
      expect((await callRoute(listShows, 'GET', '/shows', { key: lumenKey })).status).toBe(200);

      clock += 500; // 120 a minute is one token every half second.
      expect((await call()).status).toBe(200);
      expect((await call()).status).toBe(429);
    });
  });
});
