import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestDatabase, type TestDatabase } from '../../test/support/database';
import { seedDemoData, type DemoSeed } from '../db/seed';
import { recordBrandEvent, WEBHOOK_MAX_ATTEMPTS } from '../domain/events';
import { demoActors, type DemoActors } from '../domain/test-actors';
import { createWebhookEndpoint, listWebhookEndpoints, replayDelivery, setWebhookEndpointActive } from '../domain/brands';
import type { Env } from '../env';
import { JobWorker } from '../jobs/runner';
import { jobHandlers } from '../effects/job-handlers';
import { makeAllJobsDue, silentLog, testEnv } from '../jobs/test-support';
import { createMailTransport } from '../mail/transport';
import { newWebhookSecret, verifyWebhookSignature } from './signing';
import { startTestReceiver, type TestReceiver } from './test-receiver';
import { storedError } from './deliver';
import { AppError } from '../domain/errors';

describe('webhook delivery', () => {
  let database: TestDatabase;
  let seed: DemoSeed;
  let actors: DemoActors;
  let env: Env;
  let receiver: TestReceiver;
  beforeAll(async () => {
    database = await startTestDatabase();
    seed = await seedDemoData(database.prisma);
    actors = await demoActors(database.prisma);
    // The receiver listens on 127.0.0.1, which only an explicit opt-out lets webhooks reach.
    env = testEnv(database.url, { PUBLIC_URL: 'http://localhost:3000', WEBHOOKS_ALLOW_PRIVATE_TARGETS: 'true' });
    receiver = await startTestReceiver();
  });
  afterAll(async () => {
    await receiver?.close();
    await database?.stop();
  });
  beforeEach(async () => {
    await database.prisma.webhookEndpoint.deleteMany();
    await database.prisma.brandEvent.deleteMany();
    await database.prisma.job.deleteMany();
    receiver.received.length = 0;
    receiver.script([], 200);
  });

  const db = () => database.prisma;
  const worker = (workerEnv = env) =>
    new JobWorker({ db: db(), env: workerEnv, log: silentLog, mail: createMailTransport(workerEnv), handlers: jobHandlers });
  const endpoint = (events = ['order.paid'], url = receiver.url) =>
    createWebhookEndpoint(db(), actors.lumenOwner, 'lumen', { url, events });
  const onlyDelivery = async () => (await db().webhookDelivery.findMany({ orderBy: { createdAt: 'asc' } })).at(-1)!;

  /** Runs the delivery job attempt by attempt, making each retry due now instead of waiting for its backoff. */
  async function runAttempts(count: number): Promise<void> {
    for (let i = 0; i < count; i++) {
      await makeAllJobsDue(db());
      await worker().runDueJobs();
    }
  }

  it('POSTs the event with a Standard Webhooks signature that the receiver verifies with the endpoint secret', async () => {
    const { secret } = await endpoint();
    await recordBrandEvent(db(), seed.brandId, 'order.paid', { orderId: 'ord_1', totalMinor: 4200 });
    await worker().drain();

    expect(receiver.received).toHaveLength(1);
    const [{ headers, body }] = receiver.received as [(typeof receiver.received)[0]];
    const id = String(headers['webhook-id']);
    const timestamp = String(headers['webhook-timestamp']);
    // Verified the way a receiver would, from the spec: key = base64 part of the secret after whsec_.
    const key = Buffer.from(secret.slice('whsec_'.length), 'base64');
    const expected = `v1,${createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64')}`;
    expect(headers['webhook-signature']).toBe(expected);
    expect(headers['content-type']).toBe('application/json');
    expect(JSON.parse(body)).toEqual({
      id,
      type: 'order.paid',
      createdAt: expect.any(String),
      data: { orderId: 'ord_1', totalMinor: 4200 },
    });
    expect(await onlyDelivery()).toMatchObject({
      status: 'SUCCEEDED',
      attempts: 1,
      lastStatusCode: 200,
      lastError: null,
      deliveredAt: expect.any(Date),
    });
  });

  it('the documented verifier accepts the delivery as sent, and refuses a changed body, another secret or an old timestamp', async () => {
    const { secret } = await endpoint();
    await recordBrandEvent(db(), seed.brandId, 'order.paid', { orderId: 'ord_2' });
    await worker().drain();
    const { headers, body } = receiver.received[0]!;
    const signed = {
      id: String(headers['webhook-id']),
      timestamp: String(headers['webhook-timestamp']),
      signature: String(headers['webhook-signature']),
    };
    expect(verifyWebhookSignature(secret, signed, body)).toBe(true);
    expect(verifyWebhookSignature(secret, signed, body.replace('ord_2', 'ord_X'))).toBe(false);
    expect(verifyWebhookSignature(newWebhookSecret(), signed, body)).toBe(false);
    expect(verifyWebhookSignature(secret, signed, body, { now: new Date(Number(signed.timestamp) * 1000 + 10 * 60_000) })).toBe(false);
  });

  it('sends an event only to active endpoints subscribed to its type or to every event', async () => {
    await endpoint(['order.paid']);
    await endpoint(['*']);
    await endpoint(['stock.changed']);
    const { id: paused } = await endpoint(['order.paid']);
    await setWebhookEndpointActive(db(), actors.lumenOwner, 'lumen', paused, false);
    await recordBrandEvent(db(), seed.brandId, 'order.paid', { orderId: 'ord_3' });
    expect(await db().webhookDelivery.count()).toBe(2);
    expect(await db().job.count({ where: { kind: 'webhook.deliver' } })).toBe(2);
  });

  it('recorded inside a transaction that rolls back, leaves no event, delivery or job behind', async () => {
    await endpoint();
    await expect(
      db().$transaction(async (tx) => {
        await recordBrandEvent(tx, seed.brandId, 'order.paid', { orderId: 'ord_4' });
        throw new Error('the order change failed');
      }),
    ).rejects.toThrow('the order change failed');
    expect(await db().brandEvent.count()).toBe(0);
    expect(await db().webhookDelivery.count()).toBe(0);
    expect(await db().job.count()).toBe(0);
  });

  it('retries with the queue’s backoff: two 500s then a 200 is delivered on the third attempt', async () => {
    receiver.script([500, 500], 200);
    await endpoint();
    await recordBrandEvent(db(), seed.brandId, 'order.paid', { orderId: 'ord_5' });

    await runAttempts(1);
    expect(await onlyDelivery()).toMatchObject({
      status: 'PENDING',
      attempts: 1,
      lastStatusCode: 500,
      lastError: storedError(new AppError('WEBHOOK_HTTP_STATUS', { status: 500 })),
    });
    // The retry waits for the queue's backoff rather than running at once.
    const job = await db().job.findFirstOrThrow({ where: { kind: 'webhook.deliver' } });
    expect(job.runAt.getTime()).toBeGreaterThan(Date.now());
    expect(await worker().runDueJobs()).toBe(0);

    await runAttempts(2);
    expect(receiver.received).toHaveLength(3);
    expect(await onlyDelivery()).toMatchObject({ status: 'SUCCEEDED', attempts: 3, lastStatusCode: 200, lastError: null });
    // Every attempt carries the same Webhook-Id, so the receiver can drop duplicates.
    expect(new Set(receiver.received.map((r) => r.headers['webhook-id'])).size).toBe(1);
  });

  it(`marks the delivery FAILED after ${WEBHOOK_MAX_ATTEMPTS} failed attempts and stops trying`, async () => {
    receiver.script([], 503);
    await endpoint();
    await recordBrandEvent(db(), seed.brandId, 'order.paid', { orderId: 'ord_6' });
    await runAttempts(WEBHOOK_MAX_ATTEMPTS + 2);
    expect(receiver.received).toHaveLength(WEBHOOK_MAX_ATTEMPTS);
    expect(await onlyDelivery()).toMatchObject({ status: 'FAILED', attempts: WEBHOOK_MAX_ATTEMPTS, lastStatusCode: 503 });
  });

  it('records a connection failure as the error of the attempt', async () => {
    const closed = await startTestReceiver();
    await closed.close();
    await endpoint(['order.paid'], closed.url);
    await recordBrandEvent(db(), seed.brandId, 'order.paid', { orderId: 'ord_7' });
    await runAttempts(1);
    expect(await onlyDelivery()).toMatchObject({
      status: 'PENDING',
      attempts: 1,
      lastStatusCode: null,
      lastError: storedError(new AppError('WEBHOOK_CONNECTION_FAILED', { error: 'ECONNREFUSED' })),
    });
  });

  it('a replay of a failed delivery is a new delivery of the same event, and it succeeds', async () => {
    receiver.script([], 500);
    await endpoint();
    await recordBrandEvent(db(), seed.brandId, 'order.paid', { orderId: 'ord_8' });
    await runAttempts(WEBHOOK_MAX_ATTEMPTS);
    const failed = await onlyDelivery();
    expect(failed.status).toBe('FAILED');

    receiver.script([], 200);
    const { deliveryId } = await replayDelivery(db(), actors.lumenOwner, 'lumen', failed.id);
    expect(deliveryId).not.toBe(failed.id);
    await worker().drain();
    expect(await db().webhookDelivery.findUniqueOrThrow({ where: { id: deliveryId } })).toMatchObject({
      status: 'SUCCEEDED',
      attempts: 1,
      eventId: failed.eventId,
    });
    expect(await db().webhookDelivery.findUniqueOrThrow({ where: { id: failed.id } })).toMatchObject({ status: 'FAILED' });
    expect(JSON.parse(receiver.received.at(-1)!.body)).toMatchObject({ id: failed.eventId, data: { orderId: 'ord_8' } });
  });

  it('pausing an endpoint stops the retries still queued for it', async () => {
    receiver.script([500], 200);
    const { id } = await endpoint();
    await recordBrandEvent(db(), seed.brandId, 'order.paid', { orderId: 'ord_9' });
    await runAttempts(1);
    await setWebhookEndpointActive(db(), actors.lumenOwner, 'lumen', id, false);
    await runAttempts(1);
    expect(receiver.received).toHaveLength(1);
    expect(await onlyDelivery()).toMatchObject({
      status: 'FAILED',
      attempts: 2,
      lastError: storedError(new AppError('WEBHOOK_PAUSED_BEFORE_SEND')),
    });
  });

  it('by default, even on a localhost install, refuses to deliver to a loopback address and does not retry', async () => {
    const guarded = testEnv(database.url, { PUBLIC_URL: 'http://localhost:3000' });
    await endpoint();
    await recordBrandEvent(db(), seed.brandId, 'order.paid', { orderId: 'ord_10' });
    await worker(guarded).drain();
    expect(receiver.received).toHaveLength(0);
    expect(await onlyDelivery()).toMatchObject({
      status: 'FAILED',
      attempts: 1,
      lastError: storedError(new AppError('WEBHOOK_PRIVATE_ADDRESS')),
    });
  });

  it('never stores or shows the brand what the receiver answered, only the status', async () => {
    // An internal page reached through a webhook must not be readable from the delivery log.
    receiver.script([], 500, 'db_password=hunter2 <html>internal admin</html>');
    const { id } = await endpoint();
    await recordBrandEvent(db(), seed.brandId, 'order.paid', { orderId: 'ord_11' });
    await runAttempts(1);
    const stored = await onlyDelivery();
    expect(stored).toMatchObject({ lastStatusCode: 500, lastError: storedError(new AppError('WEBHOOK_HTTP_STATUS', { status: 500 })) });
    expect(JSON.stringify(stored)).not.toContain('hunter2');
    const [listed] = await listWebhookEndpoints(db(), actors.lumenOwner, 'lumen');
    expect(listed!.id).toBe(id);
    expect(JSON.stringify(listed)).not.toMatch(/hunter2|internal admin/);
  });
});
