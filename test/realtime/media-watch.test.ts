import { connect } from 'node:net';
import * as mediasoup from 'mediasoup';
import type { types } from 'mediasoup';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SHOW_ID } from '../../server/db/seed';
import { ask, joinShow, startTestApp, type TestApp, type TestSocket } from '../support/app';

// media:watch is a new viewer's whole receive side in one round trip, sent before
// its join answers (issue 14 item 7). These drive the real server and a real
// mediasoup worker and read what the worker holds through mediasoup's observer.
let t: TestApp;
const showId = DEMO_SHOW_ID;
const transports = new Map<string, types.WebRtcTransport>();
const consumers = new Map<string, types.Consumer>();
mediasoup.observer.on('newworker', (worker) =>
  worker.observer.on('newrouter', (router) =>
    router.observer.on('newtransport', (transport) => {
      transports.set(transport.id, transport as types.WebRtcTransport);
      transport.observer.on('newconsumer', (consumer) => consumers.set(consumer.id, consumer));
    }),
  ),
);

const VP8: types.RtpParameters = {
  mid: '0',
  codecs: [
    { mimeType: 'video/VP8', payloadType: 96, clockRate: 90000, rtcpFeedback: [{ type: 'nack' }, { type: 'nack', parameter: 'pli' }] },
  ],
  headerExtensions: [],
  encodings: [{ ssrc: 44444444 }],
  rtcp: { cname: 'host-camera' },
};

async function ok<T extends { ok: boolean }>(pending: Promise<T>): Promise<Extract<T, { ok: true }>> {
  const response = await pending;
  if (!response.ok) throw new Error(`refused: ${JSON.stringify(response)}`);
  return response as Extract<T, { ok: true }>;
}

let host: TestSocket;
// The router's capabilities stand in for a browser's: everything they list can be consumed.
let rtpCapabilities: Record<string, unknown>;

beforeAll(async () => {
  t = await startTestApp();
  const hostUser = await t.app.db.user.findUniqueOrThrow({ where: { email: 'host@demo.live' }, select: { id: true, name: true } });
  host = await t.connect(hostUser);
  await joinShow(host, showId);
  const { transport } = await ok(ask(host, 'media:createTransport', { showId, direction: 'send' }));
  await ok(ask(host, 'media:produce', { showId, transportId: transport.id, kind: 'video', rtpParameters: VP8 }));
  rtpCapabilities = (await ok(ask(host, 'media:routerCapabilities', { showId }))).rtpCapabilities as unknown as Record<string, unknown>;
});

afterAll(async () => {
  await t?.stop();
});

describe('media:watch', () => {
  it('refuses a show that is not live with MEDIA_NOT_LIVE and makes no transport', async () => {
    const viewer = await t.connect();
    const before = transports.size;
    expect(await ask(viewer, 'media:watch', { showId, rtpCapabilities })).toMatchObject({ ok: false, error: { code: 'MEDIA_NOT_LIVE' } });
    expect(transports.size).toBe(before);
  });

  it('answers a receive transport and a running consumer of every producer in one round trip, before any join', async () => {
    await ok(ask(host, 'show:goLive', { showId }));
    const viewer = await t.connect();
    const answer = await ok(ask(viewer, 'media:watch', { showId, rtpCapabilities }));
    expect(transports.get(answer.transport.id)?.closed).toBe(false);
    expect(answer.consumers).toHaveLength(1);
    const [{ consumer, paused }] = answer.consumers as [(typeof answer.consumers)[number]];
    expect(consumer.kind).toBe('video');
    expect(paused).toBe(false);
    // Running on the server already: no resume round trip stands between DTLS and the first key frame.
    expect(consumers.get(consumer.id)?.paused).toBe(false);
    // What it holds it may use without a join: connecting the transport is checked by mediasoup, not refused as not joined.
    expect(await ask(viewer, 'media:setPreferredLayers', { showId, consumerId: consumer.id, spatialLayer: 0 })).not.toMatchObject({
      error: { code: 'INVALID_STATE', message: 'Join the show first.' },
    });
  });

  it('prepares paused consumers that the viewer resumes without joining (the swipe feed’s next show)', async () => {
    const viewer = await t.connect();
    const answer = await ok(ask(viewer, 'media:watch', { showId, rtpCapabilities, paused: true }));
    const consumerId = answer.consumers[0]!.consumer.id;
    expect(answer.consumers[0]!.paused).toBe(true);
    expect(consumers.get(consumerId)?.paused).toBe(true);
    await ok(ask(viewer, 'media:resumeConsumer', { showId, consumerId }));
    expect(consumers.get(consumerId)?.paused).toBe(false);
  });

  it('still refuses media events about a show the connection neither joined nor watches', async () => {
    const viewer = await t.connect();
    expect(await ask(viewer, 'media:resumeConsumer', { showId, consumerId: 'someone-elses' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_STATE' },
    });
  });

  it('releases what a connection watched without joining when it leaves the show', async () => {
    const viewer = await t.connect();
    const answer = await ok(ask(viewer, 'media:watch', { showId, rtpCapabilities }));
    await ok(ask(viewer, 'show:leave', { showId }));
    expect(transports.get(answer.transport.id)?.closed).toBe(true);
    expect(consumers.get(answer.consumers[0]!.consumer.id)?.closed).toBe(true);
  });
});

// media:claim: the receive side prepared while the server rendered the show page (server/media/prepared-watch.ts)
// becomes the claiming socket's own, as if it had sent media:watch.
describe('media:claim', () => {
  it("hands the page's socket the prepared transport and running consumers, once, and the socket's leave closes them", async () => {
    // Live already when the tests above ran; asked again (its answer not needed) so this one runs alone too.
    await ask(host, 'show:goLive', { showId });
    const prepared = await t.app.media.prepared.prepare(showId, { ip: '203.0.113.7', skipUserId: null });
    if (!prepared) throw new Error('nothing was prepared for a live show with a producer');
    const viewer = await t.connect();
    const answer = await ok(ask(viewer, 'media:claim', { showId, token: prepared.token }));
    expect(transports.get(answer.transport.id)?.closed).toBe(false);
    expect(answer.consumers).toHaveLength(1);
    expect(consumers.get(answer.consumers[0]!.consumer.id)?.paused).toBe(false);
    // The token is spent: nobody else takes what this socket holds.
    const other = await t.connect();
    expect(await ask(other, 'media:claim', { showId, token: prepared.token })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    // Held under the socket's id now: leaving the show releases it like a watch.
    await ok(ask(viewer, 'show:leave', { showId }));
    expect(transports.get(answer.transport.id)?.closed).toBe(true);
    expect(consumers.get(answer.consumers[0]!.consumer.id)?.closed).toBe(true);
  });

  it('refuses a token nobody prepared with NOT_FOUND', async () => {
    const viewer = await t.connect();
    expect(await ask(viewer, 'media:claim', { showId, token: 'A'.repeat(22) })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

// The show page's boot script posts its certificate's fingerprints here before the framework loads; the custom
// server answers it before Next (server/media/prepared-http.ts), so these run with no pages at all.
describe('POST /api/media/prepared', () => {
  const FINGERPRINT = Array.from({ length: 32 }, () => 'AB').join(':');
  const fingerprints = [{ algorithm: 'sha-256', value: FINGERPRINT }];
  const post = (body: string) => fetch(`${t.app.url}/api/media/prepared`, { method: 'POST', body });

  it("connects the prepared transport with the certificate's fingerprints the boot script sends before its answer exists (204), as the server ahead of Next answers it", async () => {
    const before = new Set(transports.keys());
    const prepared = await t.app.media.prepared.prepare(showId, { ip: '203.0.113.11', skipUserId: null });
    if (!prepared) throw new Error('nothing was prepared for a live show with a producer');
    const transport = [...transports.values()].find((candidate) => !before.has(candidate.id))!;
    expect(transport.dtlsParameters.role).toBe('auto');
    const response = await post(JSON.stringify({ token: prepared.token, fingerprints }));
    expect(response.status).toBe(204);
    expect(response.headers.get('cache-control')).toBe('no-store');
    // The page is the DTLS client, so the transport is the server.
    expect(transport.dtlsParameters.role).toBe('server');
  });

  it("refuses an unknown token (404), a body that is not the schema or has no fingerprint mediasoup takes (400), the answer's SDP instead of fingerprints (400), a body over its limit (413) and another method (405), connecting nothing", async () => {
    const before = new Set(transports.keys());
    const prepared = await t.app.media.prepared.prepare(showId, { ip: '203.0.113.10', skipUserId: null });
    if (!prepared) throw new Error('nothing was prepared for a live show with a producer');
    const transport = [...transports.values()].find((candidate) => !before.has(candidate.id))!;
    expect((await post(JSON.stringify({ token: 'A'.repeat(22), fingerprints }))).status).toBe(404);
    expect((await post('not json')).status).toBe(400);
    expect((await post(JSON.stringify({ token: prepared.token, fingerprints, extra: 1 }))).status).toBe(400);
    expect((await post(JSON.stringify({ token: prepared.token, fingerprints: [{ algorithm: 'md5', value: 'AB:CD' }] }))).status).toBe(400);
    expect((await post(JSON.stringify({ token: prepared.token, sdp: `v=0\r\na=fingerprint:sha-256 ${FINGERPRINT}\r\n` }))).status).toBe(
      400,
    );
    expect(
      (await post(JSON.stringify({ token: prepared.token, fingerprints: [{ algorithm: 'sha-256', value: 'x'.repeat(3_000) }] }))).status,
    ).toBe(413);
    const get = await fetch(`${t.app.url}/api/media/prepared`);
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST');
    // Still unconnected, so still the page's to connect.
    expect(transport.dtlsParameters.role).toBe('auto');
    expect((await post(JSON.stringify({ token: prepared.token, fingerprints }))).status).toBe(204);
  });

  it('survives a client that aborts mid-body, and answers the next request', async () => {
    const { port } = new URL(t.app.url);
    await new Promise<void>((resolve, reject) => {
      const socket = connect(Number(port), '127.0.0.1', () => {
        socket.write(
          'POST /api/media/prepared HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 5000\r\n\r\n{"token":',
        );
        setTimeout(() => {
          socket.destroy();
          resolve();
        }, 100);
      });
      socket.on('error', reject);
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await post(JSON.stringify({ token: 'A'.repeat(22), fingerprints }))).status).toBe(404);
  });
});
