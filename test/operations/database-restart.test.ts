import { randomUUID } from 'node:crypto';
import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { encode } from 'next-auth/jwt';
import { io as connect } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from '../../server/app';
import { startEmbeddedPostgres } from '../../server/db/embedded';
import { DEMO_SHOW_ID } from '../../server/db/seed';
import { loadEnv } from '../../server/env';
import { createLogger } from '../../server/log';
import { ask, createBuyers, joinShow, type TestApp, type TestSocket } from '../support/app';
import { freePort } from '../support/database';

// The app as `npm start` runs it: its own embedded PostgreSQL, supervised. The
// database is killed the hard way (SIGKILL of the postmaster), as the OOM killer would.
const AUTH_SECRET = 'database-restart-test-secret-long-enough';
let app: RunningApp;
let dataDir: string;
const fatal: Error[] = [];
const sockets: TestSocket[] = [];

async function socketFor(user: { id: string; name: string }): Promise<TestSocket> {
  const cookie = `next-auth.session-token=${await encode({ token: { sub: user.id, name: user.name }, secret: AUTH_SECRET })}`;
  const socket: TestSocket = connect(app.url, { transports: ['websocket'], extraHeaders: { cookie }, reconnection: false, forceNew: true });
  sockets.push(socket);
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('connect_error', reject);
  });
  return socket;
}

async function health(): Promise<number> {
  return (await fetch(`${app.url}/api/health`)).status;
}

/** Polls until the condition holds; the deadline only bounds a broken run. */
async function waitFor(condition: () => Promise<boolean>, what: string, timeoutMs = 60_000): Promise<void> {
  for (const deadline = Date.now() + timeoutMs; Date.now() < deadline;) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'live-commerce-pg-restart-'));
  // As root, PostgreSQL runs as a separate user that must be able to enter this directory.
  chmodSync(dataDir, 0o755);
  const env = loadEnv({
    PORT: '0',
    DATA_DIR: dataDir,
    EMBEDDED_PG_PORT: String(await freePort()),
    AUTH_SECRET,
    MEDIA_WORKERS: '1',
    LOG_LEVEL: 'silent',
    WEBRTC_PORT: '0',
  });
  app = await startApp({ env, log: createLogger('silent'), withNext: false, onFatal: (error) => fatal.push(error) });
});

afterAll(async () => {
  for (const socket of sockets) socket.disconnect();
  await app?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('the embedded database killed during a live show', () => {
  it('is restarted by itself: health goes 503 then 200, an order taken before the kill survives, and buying works again', async () => {
    const show = await app.db.show.findUniqueOrThrow({
      where: { id: DEMO_SHOW_ID },
      select: { hostId: true, lineup: { select: { productId: true }, orderBy: { position: 'asc' }, take: 1 } },
    });
    const productId = show.lineup[0]!.productId;
    const variantId = (await app.db.productVariant.findFirstOrThrow({ where: { productId } })).id;
    const host = await socketFor(await app.db.user.findUniqueOrThrow({ where: { id: show.hostId } }));
    await joinShow(host, DEMO_SHOW_ID);
    expect(await ask(host, 'show:goLive', { showId: DEMO_SHOW_ID })).toMatchObject({ ok: true });
    expect(await ask(host, 'product:pin', { showId: DEMO_SHOW_ID, productId })).toMatchObject({ ok: true });
    const [buyer] = await createBuyers({ app } as TestApp, 1, 'pgkill');
    const socket = await socketFor(buyer!);
    await joinShow(socket, DEMO_SHOW_ID);
    const before = await ask(socket, 'order:buy', { showId: DEMO_SHOW_ID, variantId, quantity: 1, idempotencyKey: randomUUID() });
    expect(before).toMatchObject({ ok: true });
    expect(await health()).toBe(200);

    const postmaster = Number(readFileSync(path.join(dataDir, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[0]);
    process.kill(postmaster, 'SIGKILL');

    // The rule: the app notices, says so on /api/health, and brings the database back by itself.
    await waitFor(async () => (await health()) === 503, '/api/health to report the database down');
    await waitFor(async () => (await health()) === 200, '/api/health to report the database back');
    const restarted = Number(readFileSync(path.join(dataDir, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[0]);
    expect(restarted).not.toBe(postmaster);
    expect(fatal).toEqual([]);

    // Nothing acknowledged is lost: PostgreSQL replayed its WAL on the same data directory.
    const acknowledged = before.ok ? before.order.orderId : 'none';
    expect(await app.db.order.count({ where: { id: acknowledged, buyerId: buyer!.id } })).toBe(1);
    // The same socket, the same pool: the next purchase goes through.
    const after = await ask(socket, 'order:buy', { showId: DEMO_SHOW_ID, variantId, quantity: 1, idempotencyKey: randomUUID() });
    expect(after).toMatchObject({ ok: true });
    expect(await app.db.order.count({ where: { buyerId: buyer!.id } })).toBe(2);
  }, 180_000);
});

describe('an external database (DATABASE_URL) that goes away', () => {
  it('is reported unhealthy while it is gone and used again as soon as it is back, without restarting the app', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'live-commerce-pg-external-'));
    chmodSync(dir, 0o755);
    const port = await freePort();
    let database = await startEmbeddedPostgres({ dataDir: path.join(dir, 'data'), port });
    const env = loadEnv({
      DATABASE_URL: database.url,
      PORT: '0',
      DATA_DIR: dir,
      AUTH_SECRET,
      MEDIA_WORKERS: '1',
      LOG_LEVEL: 'silent',
      WEBRTC_PORT: '0',
    });
    const external = await startApp({ env, log: createLogger('silent'), withNext: false });
    const status = async () => (await fetch(`${external.url}/api/health`)).status;
    try {
      expect(await status()).toBe(200);
      await database.stop();
      await waitFor(async () => (await status()) === 503, '/api/health to report the database unreachable');
      expect(await fetch(`${external.url}/api/health`).then((r) => r.json())).toMatchObject({
        ok: false,
        database: { status: 'degraded', reason: expect.any(String) },
      });

      database = await startEmbeddedPostgres({ dataDir: path.join(dir, 'data'), port });
      await waitFor(async () => (await status()) === 200, '/api/health to report the database back');
      // The pool dropped its broken connections and opens new ones.
      expect(await external.db.show.count({ where: { id: DEMO_SHOW_ID } })).toBe(1);
    } finally {
      await external.close();
      await database.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);
});
