import { createECDH } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SHOW_ID } from '../../server/db/seed';
import { setPushPreferences, subscribePush } from '../../server/domain/push';
import { ask, joinShow, startTestApp, type TestApp } from '../support/app';
import { startPushService, type PushServiceStandIn, type TestSubscription } from '../support/push-service';

// Web push end to end on the real server, job queue and PostgreSQL, against a push service the test runs: it
// checks each request's VAPID JWT (RFC 8292) and decrypts its body (RFC 8291) with the browser's keys, which only
// the test holds. Followers subscribe through the same domain function the /api/push/subscription route calls.
let t: TestApp;
let service: PushServiceStandIn;
let hostName: string;
let vapidPublicKey: string;
const devices: Record<'english' | 'khmer' | 'khmerOld' | 'quiet', TestSubscription> = {} as never;
const subscriptionIds: Partial<Record<keyof typeof devices, string>> = {};

beforeAll(async () => {
  service = await startPushService();
  const vapid = createECDH('prime256v1');
  vapid.generateKeys();
  vapidPublicKey = vapid.getPublicKey().toString('base64url');
  t = await startTestApp({
    VAPID_PUBLIC_KEY: vapidPublicKey,
    VAPID_PRIVATE_KEY: Buffer.from(vapid.getPrivateKey().toString('hex').padStart(64, '0'), 'hex').toString('base64url'),
  });
  const db = t.app.db;
  const show = await db.show.findUniqueOrThrow({ where: { id: DEMO_SHOW_ID }, select: { hostId: true, host: { select: { name: true } } } });
  hostName = show.host.name;
  const stamp = Date.now().toString(36);
  const people = {
    english: { locale: 'en' },
    khmer: { locale: 'km' },
    quiet: { locale: 'en' },
  } as const;
  const userIds: Record<string, string> = {};
  for (const [name, { locale }] of Object.entries(people)) {
    const user = await db.user.create({ data: { id: `push_${name}_${stamp}`, email: `push-${name}-${stamp}@example.com`, name, locale } });
    await db.hostFollow.create({ data: { userId: user.id, hostId: show.hostId } });
    userIds[name] = user.id;
  }
  devices.english = service.subscribe();
  devices.khmer = service.subscribe();
  // The Khmer reader's second device: its browser dropped the subscription, so the push service answers 410 Gone.
  devices.khmerOld = service.subscribe({ gone: true });
  devices.quiet = service.subscribe();
  const owner = { english: 'english', khmer: 'khmer', khmerOld: 'khmer', quiet: 'quiet' } as const;
  for (const [device, subscription] of Object.entries(devices) as [keyof typeof devices, TestSubscription][]) {
    subscriptionIds[device] = (await subscribePush(db, userIds[owner[device]]!, subscription, { userAgent: 'vitest', allowHttp: true })).id;
  }
  // The quiet follower wants pushes, but not about shows going live.
  await setPushPreferences(db, userIds.quiet!, { live: false });

  const host = await db.user.findUniqueOrThrow({ where: { id: show.hostId } });
  const hostSocket = await t.connect(host);
  await joinShow(hostSocket, DEMO_SHOW_ID);
  expect(await ask(hostSocket, 'show:goLive', { showId: DEMO_SHOW_ID })).toMatchObject({ ok: true });
});

afterAll(async () => {
  await t?.stop();
  await service?.close();
});

const sentTo = (subscription: TestSubscription) => (push: { path: string }) => push.path === new URL(subscription.endpoint).pathname;

describe('web push when a followed show goes live', () => {
  it('a follower’s browser receives “<host> is live”, encrypted with aes128gcm for its keys and signed with the VAPID key', async () => {
    // The demo show starts in minutes, so its reminder may arrive too: wait for the live alert.
    const push = await service.next((p) => sentTo(devices.english)(p) && p.message.title === `${hostName} is live`);
    expect(push.message).toEqual({
      title: `${hostName} is live`,
      body: expect.any(String),
      url: `/shows/${DEMO_SHOW_ID}`,
      tag: `show-${DEMO_SHOW_ID}`,
    });
    expect(push.vapidPublicKey).toBe(vapidPublicKey);
    expect(push.claims.aud).toBe(service.origin);
    // A live alert is urgent and short-lived, and replaces an undelivered earlier one about the same show.
    expect(push.urgency).toBe('high');
    expect(push.ttl).toBeGreaterThan(0);
    expect(push.ttl).toBeLessThanOrEqual(2 * 3600);
    expect(push.topic).toMatch(/^[A-Za-z0-9_-]{1,32}$/);
    expect(service.errors).toEqual([]);
  });

  it('the text is in the follower’s own language (Khmer here)', async () => {
    const push = await service.next(
      (p) => sentTo(devices.khmer)(p) && p.message.url === `/shows/${DEMO_SHOW_ID}` && !p.message.title.includes('នឹង'),
    );
    expect(push.message.title).toBe(`${hostName} កំពុងផ្សាយផ្ទាល់`);
  });

  it('a subscription the push service answers 410 Gone for is deleted', async () => {
    await expect.poll(() => t.app.db.pushSubscription.count({ where: { id: subscriptionIds.khmerOld } }), { timeout: 60_000 }).toBe(0);
    expect(service.hits(devices.khmerOld.endpoint)).toBe(1);
    // The same person's working device is kept.
    expect(await t.app.db.pushSubscription.count({ where: { id: subscriptionIds.khmer } })).toBe(1);
  });

  it('a follower who switched go-live pushes off gets none', async () => {
    // The fan-out queued every browser's push in one job before any was sent: once the others arrived, it is done.
    await service.next((p) => sentTo(devices.english)(p) && p.message.title === `${hostName} is live`);
    const queued = await t.app.db.job.findMany({
      where: { kind: 'push.send', dedupeKey: { startsWith: 'push:live:' } },
      select: { payload: true },
    });
    const queuedFor = queued.map((job) => (job.payload as { subscriptionId: string }).subscriptionId);
    expect(queuedFor).toContain(subscriptionIds.english);
    expect(queuedFor).not.toContain(subscriptionIds.quiet);
    expect(service.received.filter((p) => sentTo(devices.quiet)(p) && p.message.title.endsWith('is live'))).toEqual([]);
  });
});
