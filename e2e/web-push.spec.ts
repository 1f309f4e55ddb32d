import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { startPushService, type TestSubscription } from '../test/support/push-service';
import { FULL_CHROMIUM } from './support/chromium';
import { currentServer } from './support/current-server';
import { expect, pageReady, signIn, test } from './support/fixtures';

// Turning on web push in real Chromium, against the real app (production build, job runner, PostgreSQL).
// What is real: the service worker (public/sw.js) registered by the page, the notification permission (granted
// to the context, and asked for by the page's own code only when the button is tapped), the page's subscribe
// code path up to pushManager.subscribe, the POST to /api/push/subscription, the fan-out and web-push
// encryption and VAPID signing, and the service worker's push handler showing the notification.
// What is replaced, at the browser boundary only: Chromium's PushManager.subscribe registers with Google's push
// service, unreachable here, so it answers with a subscription on the test's own push service (its endpoint and
// keys); that service decrypts what the app sent (RFC 8291) and the test hands the decrypted message to the real
// service worker through the DevTools protocol's ServiceWorker.deliverPushMessage, as the browser would.

declare global {
  interface Window {
    __permissionAsks: number;
    __applicationServerKey: string | null;
  }
}

// The full browser: the headless shell the other specs use reports notifications as denied whatever the
// context grants, so the page would rightly show its "blocked" state.
test.use({ launchOptions: FULL_CHROMIUM });

test('a buyer turns on notifications in Chromium; an order update reaches the service worker, which shows it', async ({ browser, db }) => {
  const service = await startPushService();
  const browserSubscription = service.subscribe();
  const context = await browser.newContext();
  // The notification is worded in the buyer's saved language: a spec before this one (replay's, in
  // Mongolian last) may have saved another for this demo account.
  await db.query(`UPDATE "User" SET locale = 'en' WHERE email = 'viewer@demo.live'`);
  try {
    await context.grantPermissions(['notifications']);
    await signIn(context, 'viewer@demo.live');
    await context.addInitScript(standInPushManager, browserSubscription);
    const page = await context.newPage();

    await test.step('the page registers the service worker on load but asks for no permission', async () => {
      await page.goto('/account/notifications');
      await pageReady(page);
      await expect(page.getByRole('button', { name: 'Turn on notifications' })).toBeVisible();
      const script = await page.evaluate(() => navigator.serviceWorker.ready.then((registration) => registration.active?.scriptURL));
      expect(script).toMatch(/\/sw\.js$/);
      expect(await page.evaluate(() => window.__permissionAsks)).toBe(0);
    });

    await test.step('tapping "Turn on notifications" asks once, subscribes with the server’s VAPID key and saves the subscription', async () => {
      await page.getByRole('button', { name: 'Turn on notifications' }).click();
      await expect(page.getByText('Notifications are on for this device.')).toBeVisible();
      expect(await page.evaluate(() => window.__permissionAsks)).toBe(1);
      const vapid = JSON.parse(readFileSync(path.join(currentServer().dataDir, 'vapid-keys.json'), 'utf8')) as { publicKey: string };
      expect(await page.evaluate(() => window.__applicationServerKey)).toBe(vapid.publicKey);
      const { rows } = await db.query<{ email: string }>(
        `SELECT u.email FROM "PushSubscription" s JOIN "User" u ON u.id = s."userId" WHERE s.endpoint = $1`,
        [browserSubscription.endpoint],
      );
      expect(rows).toEqual([{ email: 'viewer@demo.live' }]);
    });

    const order = await paidOrder(db);
    const push = await test.step('an order update is sent to the push service, encrypted for this browser', async () => {
      // The brand's "shipped" step queues this job (server/domain/orders/order-lifecycle.ts); the order is seeded directly.
      await db.query(`INSERT INTO "Job" (id, kind, payload, "dedupeKey") VALUES ($1, 'push.fanout', $2, $1)`, [
        `e2e_push_${order.id}`,
        JSON.stringify({ event: 'order.status', orderId: order.id, status: 'SHIPPED' }),
      ]);
      const received = await service.next((p) => p.path === new URL(browserSubscription.endpoint).pathname);
      expect(received.message).toMatchObject({ title: `Order #${order.number} is on its way`, url: `/account/orders/${order.id}` });
      expect(service.errors).toEqual([]);
      return received;
    });

    await test.step('delivered into the real service worker, the message becomes a notification that links to the order', async () => {
      const cdp = await context.newCDPSession(page);
      const registrationId = new Promise<string>((resolve) =>
        cdp.on('ServiceWorker.workerRegistrationUpdated', ({ registrations }) => {
          const ours = registrations.find((r) => !r.isDeleted && r.scopeURL.endsWith('/'));
          if (ours) resolve(ours.registrationId);
        }),
      );
      await cdp.send('ServiceWorker.enable');
      const origin = new URL(page.url()).origin;
      await cdp.send('ServiceWorker.deliverPushMessage', {
        origin,
        registrationId: await registrationId,
        data: JSON.stringify(push.message),
      });
      await expect
        .poll(() =>
          page.evaluate(async () =>
            (await (await navigator.serviceWorker.ready).getNotifications()).map((n) => ({
              title: n.title,
              body: n.body,
              data: n.data as unknown,
            })),
          ),
        )
        .toContainEqual({ title: push.message.title, body: push.message.body, data: { url: `/account/orders/${order.id}` } });
    });

    await test.step('turning it off on this device forgets the subscription', async () => {
      await page.getByRole('button', { name: 'Turn off on this device' }).click();
      await expect(page.getByText('Notifications are off for this device.')).toBeVisible();
      const { rows } = await db.query(`SELECT 1 FROM "PushSubscription" WHERE endpoint = $1`, [browserSubscription.endpoint]);
      expect(rows).toHaveLength(0);
    });
  } finally {
    await context.close();
    await service.close();
  }
});

/** Runs in the page before its own scripts: counts permission requests and replaces only PushManager's registration with the push service. */
function standInPushManager(subscription: TestSubscription): void {
  window.__permissionAsks = 0;
  window.__applicationServerKey = null;
  const request = Notification.requestPermission.bind(Notification);
  Notification.requestPermission = (...args: Parameters<typeof Notification.requestPermission>) => {
    window.__permissionAsks += 1;
    return request(...args);
  };
  const bytes = (value: string) => Uint8Array.from(atob(value.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0)).buffer;
  let current: PushSubscription | null = null;
  PushManager.prototype.subscribe = async function (options?: PushSubscriptionOptionsInit) {
    const key = options?.applicationServerKey;
    const keyBytes =
      key instanceof ArrayBuffer
        ? new Uint8Array(key)
        : ArrayBuffer.isView(key)
          ? new Uint8Array(key.buffer, key.byteOffset, key.byteLength)
          : null;
    window.__applicationServerKey = keyBytes
      ? btoa(String.fromCharCode(...keyBytes))
          .replace(/\+/g, '-')
          .replace(/\//g, '_')
          .replace(/=+$/, '')
      : null;
    const made = {
      endpoint: subscription.endpoint,
      expirationTime: null,
      options: { userVisibleOnly: true, applicationServerKey: keyBytes?.buffer ?? null },
      getKey: (name: PushEncryptionKeyName) => bytes(name === 'p256dh' ? subscription.keys.p256dh : subscription.keys.auth),
      toJSON: () => ({ endpoint: subscription.endpoint, expirationTime: null, keys: subscription.keys }),
      unsubscribe: async () => {
        current = null;
        return true;
      },
    };
    current = made as unknown as PushSubscription;
    return current;
  };
  PushManager.prototype.getSubscription = async function () {
    return current;
  };
}

/** A paid order of the demo buyer at Lumen, written straight into the database. */
async function paidOrder(db: import('pg').Client): Promise<{ id: string; number: number }> {
  const id = `e2e_push_${randomUUID().slice(0, 8)}`;
  const {
    rows: [order],
  } = await db.query<{ number: number }>(
    `INSERT INTO "Order" (id, "buyerId", "brandId", status, "totalMinor", "subtotalMinor", currency, "idempotencyKey", "paymentRef", "paidAt", "createdAt")
     SELECT $1, u.id, b.id, 'PAID', 1000, 1000, 'USD', $1, $2, now(), now() FROM "User" u, "Brand" b WHERE u.email = 'viewer@demo.live' AND b.slug = 'lumen'
     RETURNING number`,
    [id, `test_auth_${id}`],
  );
  return { id, number: order!.number };
}
