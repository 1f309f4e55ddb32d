import http from 'node:http';
import { encode } from 'next-auth/jwt';
import { io as connect } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from '../../server/app';
import { DEMO_SHOW_ID, seedDemoData } from '../../server/db/seed';
import { loadEnv } from '../../server/env';
import { createLogger } from '../../server/log';
import { ORIGIN_NOT_ALLOWED } from '../../server/realtime/origin';
import { ask, joinShow, type TestSocket } from '../support/app';
import { startTestDatabase, type TestDatabase } from '../support/database';

// Cross-site WebSocket hijacking: a page on another site opens a socket to the
// app and the browser attaches the victim's session cookie. The handshake is
// refused by its Origin, on both transports, before the cookie is read.

const AUTH_SECRET = 'origin-test-secret-that-is-long-enough-to-use';
const OWN = 'https://shop.example';
const PARTNER = 'https://partner.example';
const EVIL = 'https://evil.example';

let database: TestDatabase;
let app: RunningApp;
let cookie: string;
const sockets: TestSocket[] = [];

beforeAll(async () => {
  database = await startTestDatabase();
  // A deployment (NODE_ENV=production, a public PUBLIC_URL) never seeds demo data itself.
  await seedDemoData(database.prisma);
  const env = loadEnv({
    DATABASE_URL: database.url,
    PORT: '0',
    AUTH_SECRET,
    SECRETS_KEY: AUTH_SECRET,
    PUBLIC_URL: OWN,
    ALLOWED_ORIGINS: PARTNER,
    NODE_ENV: 'production',
    MEDIA_WORKERS: '1',
    LOG_LEVEL: 'silent',
    DATA_DIR: '/tmp/live-commerce-test',
    WEBRTC_PORT: '0',
  });
  app = await startApp({ env, log: createLogger('silent'), withNext: false });
  const viewer = await app.db.user.findUniqueOrThrow({ where: { email: 'viewer@demo.live' }, select: { id: true, name: true } });
  cookie = `next-auth.session-token=${await encode({ token: { sub: viewer.id, name: viewer.name }, secret: AUTH_SECRET })}`;
});

afterAll(async () => {
  for (const socket of sockets) socket.disconnect();
  await app?.close();
  await database?.stop();
});

function open(transport: 'websocket' | 'polling', headers: Record<string, string>): Promise<{ socket: TestSocket } | { error: Error }> {
  const socket: TestSocket = connect(app.url, { transports: [transport], extraHeaders: headers, reconnection: false, forceNew: true });
  sockets.push(socket);
  return new Promise((resolve) => {
    socket.once('connect', () => resolve({ socket }));
    socket.once('connect_error', (error) => resolve({ error }));
  });
}

/** A raw Engine.IO handshake, as a browser would send it, answering status and body. */
function rawHandshake(headers: Record<string, string>): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    http
      .get(`${app.url}/socket.io/?EIO=4&transport=polling`, { headers }, (res) => {
        let body = '';
        res.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      })
      .on('error', reject);
  });
}

/** A raw WebSocket upgrade with the given Origin; answers the status line the server sends back. */
function rawUpgrade(origin: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.request(`${app.url}/socket.io/?EIO=4&transport=websocket`, {
      headers: {
        Connection: 'Upgrade',
        Upgrade: 'websocket',
        'Sec-WebSocket-Version': '13',
        'Sec-WebSocket-Key': 'dGhlIHNhbXBsZSBub25jZQ==',
        Origin: origin,
        Cookie: cookie,
      },
    });
    request.on('upgrade', (res, socket) => {
      socket.destroy();
      resolve(res.statusCode ?? 0);
    });
    request.on('response', (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    request.on('error', reject);
    request.end();
  });
}

describe('socket handshake origin', () => {
  it.each(['websocket', 'polling'] as const)(
    'a cross-site handshake carrying a valid session cookie is refused with ORIGIN_NOT_ALLOWED (%s)',
    async (transport) => {
      const result = await open(transport, { origin: EVIL, cookie });
      expect('error' in result).toBe(true);
    },
  );

  it('the refusal names ORIGIN_NOT_ALLOWED: 403 on polling, and the WebSocket upgrade is not switched', async () => {
    const polling = await rawHandshake({ Origin: EVIL, Cookie: cookie });
    expect(polling.status).toBe(403);
    expect(JSON.parse(polling.body)).toMatchObject({ message: ORIGIN_NOT_ALLOWED });
    expect(await rawUpgrade(EVIL)).toBe(400);
    expect(await rawUpgrade(OWN)).toBe(101);
  });

  it('a look-alike origin (another scheme, port or subdomain) is refused too', async () => {
    for (const origin of [
      'http://shop.example',
      'https://shop.example:8443',
      'https://evil.shop.example',
      'https://shop.example.evil.example',
      'null',
    ]) {
      expect((await rawHandshake({ Origin: origin })).status, origin).toBe(403);
    }
  });

  it.each(['websocket', 'polling'] as const)('the app’s own origin is accepted and the socket is signed in (%s)', async (transport) => {
    const result = await open(transport, { origin: OWN, cookie });
    if (!('socket' in result)) throw result.error;
    await joinShow(result.socket, DEMO_SHOW_ID);
    // bag:get answers only a signed-in person: the cookie was honoured.
    expect(await ask(result.socket, 'bag:get', { showId: DEMO_SHOW_ID })).toMatchObject({ ok: true });
  });

  it('an origin from ALLOWED_ORIGINS is accepted', async () => {
    const result = await open('websocket', { origin: PARTNER, cookie });
    expect('socket' in result).toBe(true);
  });

  it('a client that sends no Origin (a script, not a browser page) connects as before', async () => {
    const result = await open('websocket', { cookie });
    expect('socket' in result).toBe(true);
    expect((await rawHandshake({})).status).toBe(200);
  });
});
