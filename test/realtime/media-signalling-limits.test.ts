import * as mediasoup from 'mediasoup';
import type { types } from 'mediasoup';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SHOW_ID } from '../../server/db/seed';
import { MAX_MEDIA_SHOWS_PER_CONNECTION } from '../../server/realtime/media-handlers';
import { ask, joinShow, startTestApp, type TestApp, type TestSocket } from '../support/app';

// Media signalling is what a script abuses to make the worker hold resources:
// these drive the real server and a real mediasoup worker over real sockets and
// count, through mediasoup's own observer, what the worker actually holds.
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
const openTransports = () => [...transports.values()].filter((tr) => !tr.closed).length;

const VP8: types.RtpParameters = {
  mid: '0',
  codecs: [
    { mimeType: 'video/VP8', payloadType: 96, clockRate: 90000, rtcpFeedback: [{ type: 'nack' }, { type: 'nack', parameter: 'pli' }] },
  ],
  headerExtensions: [],
  encodings: [{ ssrc: 55555555 }],
  rtcp: { cname: 'host-camera' },
};

async function ok<T extends { ok: boolean }>(pending: Promise<T>): Promise<Extract<T, { ok: true }>> {
  const response = await pending;
  if (!response.ok) throw new Error(`refused: ${JSON.stringify(response)}`);
  return response as Extract<T, { ok: true }>;
}

let host: TestSocket;
let hostUser: { id: string; name: string };

beforeAll(async () => {
  t = await startTestApp();
  hostUser = await t.app.db.user.findUniqueOrThrow({ where: { email: 'host@demo.live' }, select: { id: true, name: true } });
  host = await t.connect(hostUser);
  await joinShow(host, showId);
});

afterAll(async () => {
  await t?.stop();
});

describe('media signalling limits', () => {
  it('refuses an anonymous socket router capabilities and a transport for a show that is not live, with MEDIA_NOT_LIVE', async () => {
    const anonymous = await t.connect();
    expect((await joinShow(anonymous, showId)).state.status).toBe('SCHEDULED');
    const before = openTransports();
    expect(await ask(anonymous, 'media:routerCapabilities', { showId })).toMatchObject({ ok: false, error: { code: 'MEDIA_NOT_LIVE' } });
    expect(await ask(anonymous, 'media:createTransport', { showId, direction: 'recv' })).toMatchObject({
      ok: false,
      error: { code: 'MEDIA_NOT_LIVE' },
    });
    expect(openTransports()).toBe(before);
  });

  it('lets the host set up their own stream before going live, and nobody else', async () => {
    const viewer = await t.connect(
      await t.app.db.user.findUniqueOrThrow({ where: { email: 'viewer@demo.live' }, select: { id: true, name: true } }),
    );
    await joinShow(viewer, showId);
    expect(await ask(viewer, 'media:createTransport', { showId, direction: 'recv' })).toMatchObject({
      ok: false,
      error: { code: 'MEDIA_NOT_LIVE' },
    });
    const { transport } = await ok(ask(host, 'media:createTransport', { showId, direction: 'send' }));
    await ok(ask(host, 'media:produce', { showId, transportId: transport.id, kind: 'video', rtpParameters: VP8 }));
    await ok(ask(host, 'show:goLive', { showId }));
  });

  it('replaces a connection’s first receive transport when it asks for a second, so it never holds two', async () => {
    const viewer = await t.connect();
    await joinShow(viewer, showId);
    const first = await ok(ask(viewer, 'media:createTransport', { showId, direction: 'recv' }));
    const second = await ok(ask(viewer, 'media:createTransport', { showId, direction: 'recv' }));
    expect(second.transport.id).not.toBe(first.transport.id);
    expect(transports.get(first.transport.id)!.closed).toBe(true);
    expect(transports.get(second.transport.id)!.closed).toBe(false);
    expect(await ask(viewer, 'media:restartIce', { showId, transportId: first.transport.id })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    // Fifty more asks leave one receive transport open for this connection, however fast they come.
    const before = openTransports();
    for (let i = 0; i < 5; i++)
      await Promise.all(Array.from({ length: 10 }, () => ask(viewer, 'media:createTransport', { showId, direction: 'recv' })));
    expect(openTransports()).toBe(before);
  });

  it('keeps one consumer per producer: consuming the same producer again replaces the earlier consumer', async () => {
    const viewer = await t.connect();
    const snapshot = await joinShow(viewer, showId);
    const producerId = snapshot.producers.find((p) => p.kind === 'video')!.producerId;
    const { rtpCapabilities } = await ok(ask(viewer, 'media:routerCapabilities', { showId }));
    const { transport } = await ok(ask(viewer, 'media:createTransport', { showId, direction: 'recv' }));
    const ids: string[] = [];
    for (let i = 0; i < 3; i++)
      ids.push((await ok(ask(viewer, 'media:consume', { showId, transportId: transport.id, producerId, rtpCapabilities }))).consumer.id);
    expect(ids.map((id) => consumers.get(id)!.closed)).toEqual([true, true, false]);
    expect(await ask(viewer, 'media:resumeConsumer', { showId, consumerId: ids[0] })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });

  it(`refuses a connection media in more than ${MAX_MEDIA_SHOWS_PER_CONNECTION} shows at once with TRANSPORT_LIMIT`, async () => {
    const demo = await t.app.db.show.findUniqueOrThrow({ where: { id: showId }, select: { brandId: true, hostId: true } });
    const others = ['limit_show_a', 'limit_show_b', 'limit_show_c'];
    await t.app.db.show.createMany({
      data: others.map((id) => ({
        id,
        brandId: demo.brandId,
        hostId: demo.hostId,
        title: id,
        scheduledStart: new Date(),
        status: 'LIVE' as const,
        hostInviteStatus: 'ACCEPTED' as const,
      })),
    });
    const viewer = await t.connect();
    for (const id of others) await joinShow(viewer, id);
    await ok(ask(viewer, 'media:createTransport', { showId: others[0], direction: 'recv' }));
    await ok(ask(viewer, 'media:createTransport', { showId: others[1], direction: 'recv' }));
    expect(await ask(viewer, 'media:createTransport', { showId: others[2], direction: 'recv' })).toMatchObject({
      ok: false,
      error: { code: 'TRANSPORT_LIMIT' },
    });
    // Replacing a transport in a show it already uses is not a new show.
    await ok(ask(viewer, 'media:createTransport', { showId: others[1], direction: 'recv' }));
  });
});
