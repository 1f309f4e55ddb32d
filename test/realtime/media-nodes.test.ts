import type { types } from 'mediasoup';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SHOW_ID } from '../../server/db/seed';
import { ask, joinShow, startTestApp, type TestApp } from '../support/app';
import { freePort, startTestDatabase, type TestDatabase } from '../support/database';

// Two app nodes on one PostgreSQL with multi-node media on: the host publishes on
// node A, a viewer joins and watches on node B (issue 15 items 2 and 5).
const showId = DEMO_SHOW_ID;
const CLUSTER_SECRET = 'test-cluster-secret-of-32-characters-or-more';
const VP8: types.RtpParameters = {
  mid: '0',
  codecs: [{ mimeType: 'video/VP8', payloadType: 96, clockRate: 90000, rtcpFeedback: [{ type: 'nack', parameter: 'pli' }] }],
  headerExtensions: [],
  encodings: [{ ssrc: 55555555 }],
  rtcp: { cname: 'host-camera' },
};

let database: TestDatabase;
let a: TestApp;
let b: TestApp;

async function startNode(): Promise<TestApp> {
  const port = await freePort();
  return startTestApp({
    DATABASE_URL: database.url,
    PORT: String(port),
    MEDIA_INTERNAL_URL: `http://127.0.0.1:${port}`,
    CLUSTER_SECRET,
  });
}

async function ok<T extends { ok: boolean }>(pending: Promise<T>): Promise<Extract<T, { ok: true }>> {
  const response = await pending;
  if (!response.ok) throw new Error(`refused: ${JSON.stringify(response)}`);
  return response as Extract<T, { ok: true }>;
}

beforeAll(async () => {
  database = await startTestDatabase();
  a = await startNode();
  b = await startNode();
});

afterAll(async () => {
  await b?.stop();
  await a?.stop();
  await database?.stop();
});

describe('a show whose host publishes on node A, watched on node B', () => {
  it("gives a viewer joining on node B the host's producer and consumes it there, piped from node A", async () => {
    const hostUser = await a.app.db.user.findUniqueOrThrow({ where: { email: 'host@demo.live' }, select: { id: true, name: true } });
    const host = await a.connect(hostUser);
    await joinShow(host, showId);
    await ok(ask(host, 'show:goLive', { showId }));
    const { transport } = await ok(ask(host, 'media:createTransport', { showId, direction: 'send' }));
    const { producerId } = await ok(ask(host, 'media:produce', { showId, transportId: transport.id, kind: 'video', rtpParameters: VP8 }));

    const viewer = await b.connect();
    const joined = await joinShow(viewer, showId);
    expect(joined.producers.map((p) => p.producerId)).toEqual([producerId]);
    const { rtpCapabilities } = await ok(ask(viewer, 'media:routerCapabilities', { showId }));
    const watched = await ok(ask(viewer, 'media:watch', { showId, rtpCapabilities }));
    expect(watched.consumers.map((c) => c.consumer.producerId)).toEqual([producerId]);
  });

  it('answers the internal pipe endpoint only with the cluster secret', async () => {
    const post = (authorization?: string) =>
      fetch(`${b.app.url}/internal/media/pipe`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(authorization && { authorization }) },
        body: JSON.stringify({ showId }),
      });
    expect((await post()).status).toBe(401);
    expect((await post('Bearer not-the-secret')).status).toBe(401);
    // With the secret the request is read, and this one is malformed.
    expect((await post(`Bearer ${CLUSTER_SECRET}`)).status).toBe(400);
  });
});
