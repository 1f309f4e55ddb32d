import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestDatabase, type TestDatabase } from '../../../test/support/database';
import { seedDemoData, type DemoSeed } from '../../db/seed';
import { createUser } from '../../jobs/test-support';
import { recordBrandEvent } from '../events';
import type { Actor } from '../context';
import { demoActors, expectAppError, type DemoActors } from '../test-actors';
import {
  createWebhookEndpoint,
  deleteWebhookEndpoint,
  listWebhookEndpoints,
  replayDelivery,
  replayEvent,
  rotateWebhookSecret,
  sendTestWebhook,
  setWebhookEndpointActive,
} from './webhooks';

describe('brand webhook endpoints', () => {
  let database: TestDatabase;
  let seed: DemoSeed;
  let actors: DemoActors;
  let lumenStaff: Actor;
  beforeAll(async () => {
    database = await startTestDatabase();
    seed = await seedDemoData(database.prisma);
    actors = await demoActors(database.prisma);
    const staff = await createUser(database.prisma, 'Lumen Staff');
    await database.prisma.brandMember.create({ data: { brandId: seed.brandId, userId: staff.id, role: 'STAFF' } });
    lumenStaff = { userId: staff.id, name: staff.name };
  });
  afterAll(async () => database?.stop());
  beforeEach(async () => {
    await database.prisma.webhookEndpoint.deleteMany();
    await database.prisma.brandEvent.deleteMany();
    await database.prisma.job.deleteMany();
  });

  const db = () => database.prisma;
  const create = (
    actor: Actor = actors.lumenOwner,
    input = { url: 'https://hooks.example.com/live', events: ['order.paid', 'order.shipped'] },
  ) => createWebhookEndpoint(db(), actor, 'lumen', input);

  it('shows the whsec_ secret once at creation; the list never includes it', async () => {
    const { id, secret } = await create();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);
    const [listed] = await listWebhookEndpoints(db(), lumenStaff, 'lumen');
    expect(listed).toEqual({
      id,
      url: 'https://hooks.example.com/live',
      events: ['order.paid', 'order.shipped'],
      active: true,
      createdAt: expect.any(String),
      deliveries: [],
    });
    expect(JSON.stringify(listed)).not.toContain(secret);
  });

  it('accepts only http(s) URLs without credentials and events from the documented list', async () => {
    for (const url of ['ftp://hooks.example.com', 'javascript:alert(1)', 'hooks.example.com', 'https://user:pw@hooks.example.com/']) {
      await expectAppError(create(actors.lumenOwner, { url, events: ['order.paid'] }), 'INVALID_INPUT');
    }
    await expectAppError(create(actors.lumenOwner, { url: 'https://hooks.example.com', events: ['order.exploded'] }), 'INVALID_INPUT');
    await expectAppError(create(actors.lumenOwner, { url: 'https://hooks.example.com', events: [] }), 'INVALID_INPUT');
    // '*' with other types is just '*'.
    await create(actors.lumenOwner, { url: 'http://hooks.example.com', events: ['order.paid', '*'] });
    expect((await listWebhookEndpoints(db(), actors.lumenOwner, 'lumen'))[0]?.events).toEqual(['*']);
  });

  it('only the owner creates, rotates and deletes; staff may pause, test and replay', async () => {
    await expectAppError(create(lumenStaff), 'FORBIDDEN');
    const { id } = await create();
    await expectAppError(rotateWebhookSecret(db(), lumenStaff, 'lumen', id), 'FORBIDDEN');
    await expectAppError(deleteWebhookEndpoint(db(), lumenStaff, 'lumen', id), 'FORBIDDEN');
    await setWebhookEndpointActive(db(), lumenStaff, 'lumen', id, false);
    await setWebhookEndpointActive(db(), lumenStaff, 'lumen', id, true);
    await sendTestWebhook(db(), lumenStaff, 'lumen', id);
  });

  it('rotating gives a new secret that later deliveries are signed with', async () => {
    const { id, secret } = await create();
    const rotated = await rotateWebhookSecret(db(), actors.lumenOwner, 'lumen', id);
    expect(rotated.secret).not.toBe(secret);
    expect((await db().webhookEndpoint.findUniqueOrThrow({ where: { id } })).secret).toBe(rotated.secret);
  });

  it('deleting an endpoint removes it with its delivery log', async () => {
    const { id } = await create();
    await sendTestWebhook(db(), actors.lumenOwner, 'lumen', id);
    await deleteWebhookEndpoint(db(), actors.lumenOwner, 'lumen', id);
    expect(await listWebhookEndpoints(db(), actors.lumenOwner, 'lumen')).toEqual([]);
    expect(await db().webhookDelivery.count()).toBe(0);
  });

  it('a test event goes to that one endpoint only, queued as a delivery job', async () => {
    const { id } = await create();
    const { id: other } = await create(actors.lumenOwner, { url: 'https://other.example.com', events: ['*'] });
    const { deliveryId } = await sendTestWebhook(db(), actors.lumenOwner, 'lumen', id);
    const endpoints = await listWebhookEndpoints(db(), actors.lumenOwner, 'lumen');
    expect(endpoints.find((e) => e.id === id)?.deliveries).toEqual([
      expect.objectContaining({ id: deliveryId, eventType: 'webhook.test', status: 'PENDING', attempts: 0 }),
    ]);
    expect(endpoints.find((e) => e.id === other)?.deliveries).toEqual([]);
    expect(await db().job.findMany({ select: { kind: true, payload: true } })).toEqual([
      { kind: 'webhook.deliver', payload: { deliveryId } },
    ]);
  });

  it('a paused endpoint cannot be tested or replayed to until resumed', async () => {
    const { id } = await create();
    await recordBrandEvent(db(), seed.brandId, 'order.paid', { orderId: 'o1' });
    const delivery = await db().webhookDelivery.findFirstOrThrow();
    await setWebhookEndpointActive(db(), actors.lumenOwner, 'lumen', id, false);
    await expectAppError(sendTestWebhook(db(), actors.lumenOwner, 'lumen', id), 'INVALID_STATE');
    await expectAppError(replayDelivery(db(), actors.lumenOwner, 'lumen', delivery.id), 'INVALID_STATE');
  });

  it('replaying an event sends it to an endpoint as a new delivery, even one that did not exist when it happened', async () => {
    await recordBrandEvent(db(), seed.brandId, 'stock.changed', { variantId: 'v1', stock: 3 });
    const event = await db().brandEvent.findFirstOrThrow();
    const { id } = await create();
    const { deliveryId } = await replayEvent(db(), actors.lumenOwner, 'lumen', event.id, id);
    expect(await db().webhookDelivery.findUniqueOrThrow({ where: { id: deliveryId } })).toMatchObject({
      endpointId: id,
      eventId: event.id,
      status: 'PENDING',
    });
  });

  it('a member of another brand cannot see, change, test or replay lumen’s endpoints: NOT_FOUND', async () => {
    const { id } = await create();
    await recordBrandEvent(db(), seed.brandId, 'order.paid', { orderId: 'o2' });
    const delivery = await db().webhookDelivery.findFirstOrThrow();
    const kora = actors.koraOwner;
    await expectAppError(listWebhookEndpoints(db(), kora, 'lumen'), 'NOT_FOUND');
    await expectAppError(replayDelivery(db(), kora, 'lumen', delivery.id), 'NOT_FOUND');
    // Through their own brand, lumen's ids are simply unknown.
    await expectAppError(replayDelivery(db(), kora, 'kora', delivery.id), 'NOT_FOUND');
    await expectAppError(replayEvent(db(), kora, 'kora', delivery.eventId, id), 'NOT_FOUND');
    await expectAppError(sendTestWebhook(db(), kora, 'kora', id), 'NOT_FOUND');
    await expectAppError(setWebhookEndpointActive(db(), kora, 'kora', id, false), 'NOT_FOUND');
    await expectAppError(rotateWebhookSecret(db(), kora, 'kora', id), 'NOT_FOUND');
    await expectAppError(deleteWebhookEndpoint(db(), kora, 'kora', id), 'NOT_FOUND');
    expect(await listWebhookEndpoints(db(), kora, 'kora')).toEqual([]);
    expect(await db().webhookEndpoint.findUniqueOrThrow({ where: { id } })).toMatchObject({ active: true });
  });
});
