import * as mediasoup from 'mediasoup';
import type { types } from 'mediasoup';
import { io as connect } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SHOW_ID } from '../../server/db/seed';
import { ask, joinShow, startTestApp, type TestApp } from '../support/app';

// Limits a script runs into, with the limits set low for the test (both are
// configuration; the defaults are 20 connections per address and 20 s).
const MAX_PER_IP = 3;
const CONNECT_TIMEOUT_MS = 1000;
let t: TestApp;
const showId = DEMO_SHOW_ID;
const transports = new Map<string, types.Transport>();
mediasoup.observer.on('newworker', (worker) =>
  worker.observer.on('newrouter', (router) => router.observer.on('newtransport', (transport) => transports.set(transport.id, transport))),
);

async function until(condition: () => boolean | Promise<boolean>, what: string) {
  for (let i = 0; i < 600; i++) {
    if (await condition()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for: ${what}`);
}

/** A raw handshake from this machine: resolves with the connected socket or the refusal's data. */
function handshake() {
  const socket = connect(t.app.url, { transports: ['websocket'], reconnection: false, forceNew: true });
  return new Promise<{ socket: typeof socket; refusal: { code?: string } | null }>((resolve) => {
    socket.once('connect', () => resolve({ socket, refusal: null }));
    socket.once('connect_error', (error: Error & { data?: { code?: string } }) =>
      resolve({ socket, refusal: error.data ?? { code: error.message } }),
    );
  });
}

beforeAll(async () => {
  t = await startTestApp({
    SOCKET_MAX_CONNECTIONS_PER_IP: String(MAX_PER_IP),
    MEDIA_TRANSPORT_CONNECT_TIMEOUT_MS: String(CONNECT_TIMEOUT_MS),
  });
});

afterAll(async () => {
  await t?.stop();
});

describe('connection and transport limits', () => {
  it('closes a transport whose browser never connects it once its connect timeout passes', async () => {
    const hostUser = await t.app.db.user.findUniqueOrThrow({ where: { email: 'host@demo.live' }, select: { id: true, name: true } });
    const host = await t.connect(hostUser);
    await joinShow(host, showId);
    await ask(host, 'show:goLive', { showId });
    const viewer = await t.connect();
    await joinShow(viewer, showId);
    const created = await ask(viewer, 'media:createTransport', { showId, direction: 'recv' });
    if (!created.ok) throw new Error(created.error.code);
    const transport = transports.get(created.transport.id)!;
    expect(transport.closed).toBe(false);
    await until(() => transport.closed, 'the unconnected transport is closed');
    expect(await ask(viewer, 'media:restartIce', { showId, transportId: created.transport.id })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    host.disconnect();
    viewer.disconnect();
  });

  it(`refuses connection number ${MAX_PER_IP + 1} from one address with TOO_MANY_CONNECTIONS, and accepts one again once another leaves`, async () => {
    // The previous test's sockets may still be closing on the server.
    const first: Awaited<ReturnType<typeof handshake>>[] = [];
    await until(async () => {
      const attempt = await handshake();
      if (attempt.refusal) attempt.socket.close();
      else first.push(attempt);
      return first.length === MAX_PER_IP;
    }, `${MAX_PER_IP} connections are accepted`);
    const refused = await handshake();
    expect(refused.refusal).toMatchObject({ code: 'TOO_MANY_CONNECTIONS' });
    refused.socket.close();
    first[0]!.socket.close();
    let again: Awaited<ReturnType<typeof handshake>> | null = null;
    await until(async () => {
      const attempt = await handshake();
      if (attempt.refusal) attempt.socket.close();
      else again = attempt;
      return again !== null;
    }, 'a connection is accepted once one has left');
    for (const { socket } of [...first.slice(1), again!]) socket.close();
  });
});
