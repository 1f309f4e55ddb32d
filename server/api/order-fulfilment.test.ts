import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POST as fulfil } from '../../app/api/v1/orders/[id]/fulfilment/route';
import { startTestDatabase, type TestDatabase } from '../../test/support/database';
import { seedDemoData } from '../db/seed';
import { buy, prepareShows, type OrderFixtures } from '../domain/orders/order-test-support';
import { demoActors, type DemoActors } from '../domain/test-actors';
import { testEnv } from '../jobs/test-support';
import { registerServices, type AppServices } from '../services';
import { createApiKey } from './keys';
import { callRoute } from './test-support';

describe('POST /api/v1/orders/{id}/fulfilment', () => {
  let database: TestDatabase;
  let actors: DemoActors;
  let fx: OrderFixtures;
  let writeKey: string;
  let readKey: string;
  let koraKey: string;

  beforeAll(async () => {
    database = await startTestDatabase();
    await seedDemoData(database.prisma);
    actors = await demoActors(database.prisma);
    fx = await prepareShows(database.prisma);
    registerServices({ db: database.prisma, env: testEnv(database.url, { PUBLIC_URL: 'https://shop.example' }) } as unknown as AppServices);
    writeKey = (await createApiKey(database.prisma, actors.lumenOwner, 'lumen', { name: 'warehouse', scopes: ['orders:write'] })).key;
    readKey = (await createApiKey(database.prisma, actors.lumenOwner, 'lumen', { name: 'reader', scopes: ['orders:read'] })).key;
    koraKey = (await createApiKey(database.prisma, actors.koraOwner, 'kora', { name: 'kora', scopes: ['orders:write'] })).key;
  }, 120_000);
  afterAll(async () => {
    registerServices(undefined);
    await database?.stop();
  });

  const post = (id: string, body: unknown, key = writeKey) =>
    callRoute(fulfil, 'POST', `/orders/${id}/fulfilment`, { key, params: { id }, body });

  it('packs, ships with carrier and tracking, and delivers, answering the order each time', async () => {
    const { id } = await buy(database.prisma, actors.viewer, fx.lumenShowId, fx.lumenVariantId);
    expect(await post(id, { status: 'PACKED' })).toMatchObject({ status: 200, json: { id, status: 'PACKED' } });
    const shipped = await post(id, { status: 'SHIPPED', carrier: 'DHL', trackingNumber: 'JD0142' });
    expect(shipped).toMatchObject({
      status: 200,
      json: { status: 'SHIPPED', carrier: 'DHL', trackingNumber: 'JD0142', shippedAt: expect.any(String) },
    });
    expect(await post(id, { status: 'DELIVERED' })).toMatchObject({ status: 200, json: { status: 'DELIVERED' } });
  });

  it('answers 409 for a step out of order, 400 for shipping without tracking, 403 without orders:write', async () => {
    const { id } = await buy(database.prisma, actors.viewer, fx.lumenShowId, fx.lumenVariantId);
    expect(await post(id, { status: 'DELIVERED' })).toMatchObject({ status: 409, json: { error: { code: 'INVALID_STATE' } } });
    const noTracking = await post(id, { status: 'SHIPPED', carrier: 'DHL' });
    expect(noTracking).toMatchObject({ status: 400, json: { error: { code: 'INVALID_INPUT' } } });
    expect(noTracking.json.error?.issues?.map((i) => i.path)).toContain('body.trackingNumber');
    expect(await post(id, { status: 'PACKED' }, readKey)).toMatchObject({ status: 403, json: { error: { code: 'FORBIDDEN' } } });
    expect((await database.prisma.order.findUniqueOrThrow({ where: { id } })).status).toBe('PAID');
  });

  it('another brand’s key gets 404 and the order does not move', async () => {
    const { id } = await buy(database.prisma, actors.viewer, fx.lumenShowId, fx.lumenVariantId);
    expect(await post(id, { status: 'PACKED' }, koraKey)).toMatchObject({ status: 404, json: { error: { code: 'NOT_FOUND' } } });
    expect((await database.prisma.order.findUniqueOrThrow({ where: { id } })).status).toBe('PAID');
  });
});
