import * as mediasoup from 'mediasoup';
import type { types } from 'mediasoup';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SHOW_ID } from '../../server/db/seed';
import type { ServerToClientEvents } from '../../server/realtime/protocol';
import { ask, joinShow, startTestApp, type TestApp, type TestSocket } from '../support/app';

// Simulcast layer selection against the real server and a real mediasoup worker.
// No browser: the host's socket produces a simulcast stream described by hand
// (three SSRCs, like Chromium's three rids), which is all mediasoup needs to
// build simulcast consumers; no RTP has to flow for the layer bookkeeping.
let t: TestApp;
const showId = DEMO_SHOW_ID;
// The server runs in this process, so mediasoup's observer sees its real consumers.
const consumers = new Map<string, types.Consumer>();
mediasoup.observer.on('newworker', (worker) =>
  worker.observer.on('newrouter', (router) =>
    router.observer.on('newtransport', (transport) =>
      transport.observer.on('newconsumer', (consumer) => consumers.set(consumer.id, consumer)),
    ),
  ),
);

const VP8_SIMULCAST: types.RtpParameters = {
  mid: '0',
  codecs: [
    {
      mimeType: 'video/VP8',
      payloadType: 96,
      clockRate: 90000,
      rtcpFeedback: [{ type: 'nack' }, { type: 'nack', parameter: 'pli' }, { type: 'ccm', parameter: 'fir' }],
    },
  ],
  headerExtensions: [],
  encodings: [
    { ssrc: 11111111, scalabilityMode: 'L1T3' },
    { ssrc: 22222222, scalabilityMode: 'L1T3' },
    { ssrc: 33333333, scalabilityMode: 'L1T3' },
  ],
  rtcp: { cname: 'host-camera' },
};
const OPUS: types.RtpParameters = {
  mid: '1',
  codecs: [{ mimeType: 'audio/opus', payloadType: 111, clockRate: 48000, channels: 2, parameters: { useinbandfec: 1, usedtx: 1 } }],
  headerExtensions: [],
  encodings: [{ ssrc: 44444444 }],
  rtcp: { cname: 'host-camera' },
};

async function ok<T extends { ok: boolean }>(pending: Promise<T>): Promise<Extract<T, { ok: true }>> {
  const response = await pending;
  if (!response.ok) throw new Error(`refused: ${JSON.stringify(response)}`);
  return response as Extract<T, { ok: true }>;
}

async function publishSimulcast(host: TestSocket): Promise<{ video: string; audio: string }> {
  await joinShow(host, showId);
  const { transport } = await ok(ask(host, 'media:createTransport', { showId, direction: 'send' }));
  const video = await ok(ask(host, 'media:produce', { showId, transportId: transport.id, kind: 'video', rtpParameters: VP8_SIMULCAST }));
  const audio = await ok(ask(host, 'media:produce', { showId, transportId: transport.id, kind: 'audio', rtpParameters: OPUS }));
  return { video: video.producerId, audio: audio.producerId };
}

async function watch(viewer: TestSocket, producerId: string) {
  await joinShow(viewer, showId);
  const { rtpCapabilities } = await ok(ask(viewer, 'media:routerCapabilities', { showId }));
  const { transport } = await ok(ask(viewer, 'media:createTransport', { showId, direction: 'recv' }));
  const answer = await ok(ask(viewer, 'media:consume', { showId, transportId: transport.id, producerId, rtpCapabilities }));
  await ok(ask(viewer, 'media:resumeConsumer', { showId, consumerId: answer.consumer.id }));
  return answer;
}

function collect<E extends 'media:layers' | 'media:score'>(socket: TestSocket, event: E) {
  const received: Parameters<ServerToClientEvents[E]>[0][] = [];
  (socket as unknown as { on(e: string, l: (p: Parameters<ServerToClientEvents[E]>[0]) => void): void }).on(event, (payload) =>
    received.push(payload),
  );
  return received;
}

async function until(condition: () => boolean, what: string) {
  for (let i = 0; i < 400; i++) {
    if (condition()) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`timed out waiting for: ${what}`);
}

let producers: { video: string; audio: string };

beforeAll(async () => {
  t = await startTestApp();
  const host = await t.app.db.user.findUniqueOrThrow({ where: { email: 'host@demo.live' }, select: { id: true, name: true } });
  const hostSocket = await t.connect(host);
  producers = await publishSimulcast(hostSocket);
  // Viewers get media only while the show is live.
  await ok(ask(hostSocket, 'show:goLive', { showId }));
});

afterAll(async () => {
  await t?.stop();
});

describe('simulcast layers', () => {
  it('starts a new viewer of a simulcast stream on the lowest spatial layer and says how many layers there are', async () => {
    const answer = await watch(await t.connect(), producers.video);
    expect(answer.layers).toEqual({ spatialLayers: 3, temporalLayers: 3, preferred: { spatialLayer: 0, temporalLayer: 2 } });
    const consumer = consumers.get(answer.consumer.id)!;
    expect(consumer.type).toBe('simulcast');
    expect(consumer.preferredLayers).toEqual({ spatialLayer: 0, temporalLayer: 2 });
    expect(consumer.paused).toBe(false);
  });

  it('moves a viewer to the spatial layer it asks for with media:setPreferredLayers, and back down', async () => {
    const viewer = await t.connect();
    const answer = await watch(viewer, producers.video);
    const consumerId = answer.consumer.id;
    expect(await ask(viewer, 'media:setPreferredLayers', { showId, consumerId, spatialLayer: 2 })).toEqual({
      ok: true,
      preferred: { spatialLayer: 2, temporalLayer: 2 },
    });
    expect(consumers.get(consumerId)!.preferredLayers).toEqual({ spatialLayer: 2, temporalLayer: 2 });
    expect(await ask(viewer, 'media:setPreferredLayers', { showId, consumerId, spatialLayer: 1, temporalLayer: 0 })).toEqual({
      ok: true,
      preferred: { spatialLayer: 1, temporalLayer: 0 },
    });
    expect(consumers.get(consumerId)!.preferredLayers).toEqual({ spatialLayer: 1, temporalLayer: 0 });
  });

  it('refuses layer requests out of range, for audio, or for somebody else’s consumer', async () => {
    const viewer = await t.connect();
    const video = await watch(viewer, producers.video);
    const audio = await watch(viewer, producers.audio);
    expect(audio.layers).toEqual({ spatialLayers: 1, temporalLayers: 1, preferred: null });
    expect(await ask(viewer, 'media:setPreferredLayers', { showId, consumerId: video.consumer.id, spatialLayer: 3 })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    expect(await ask(viewer, 'media:setPreferredLayers', { showId, consumerId: audio.consumer.id, spatialLayer: 0 })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_STATE' },
    });
    const stranger = await t.connect();
    await joinShow(stranger, showId);
    expect(await ask(stranger, 'media:setPreferredLayers', { showId, consumerId: video.consumer.id, spatialLayer: 2 })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(consumers.get(video.consumer.id)!.preferredLayers?.spatialLayer).toBe(0);
  });

  it('pauses a hidden viewer’s consumer on media:pauseConsumer and resumes it on media:resumeConsumer', async () => {
    const viewer = await t.connect();
    const { consumer } = await watch(viewer, producers.video);
    await ok(ask(viewer, 'media:pauseConsumer', { showId, consumerId: consumer.id }));
    expect(consumers.get(consumer.id)!.paused).toBe(true);
    await ok(ask(viewer, 'media:resumeConsumer', { showId, consumerId: consumer.id }));
    expect(consumers.get(consumer.id)!.paused).toBe(false);
  });

  it('relays a consumer’s layer changes and score to its own viewer only', async () => {
    const first = await t.connect();
    const second = await t.connect();
    const firstLayers = collect(first, 'media:layers');
    const secondLayers = collect(second, 'media:layers');
    const secondScores = collect(second, 'media:score');
    const a = consumers.get((await watch(first, producers.video)).consumer.id)!;
    const b = consumers.get((await watch(second, producers.video)).consumer.id)!;
    // The worker reports these once RTP flows; here they are raised as the worker would.
    a.emit('layerschange', { spatialLayer: 1, temporalLayer: 2 });
    b.emit('layerschange', undefined);
    b.emit('score', { score: 7, producerScore: 10, producerScores: [10, 10, 10] });
    await until(() => firstLayers.length > 0 && secondScores.length > 0, 'both viewers hear about their consumers');
    expect(firstLayers).toEqual([{ showId, consumerId: a.id, spatialLayer: 1, temporalLayer: 2 }]);
    // One socket's events arrive in order, so a stray copy of the first viewer's event would already be here.
    expect(secondLayers).toEqual([{ showId, consumerId: b.id, spatialLayer: null, temporalLayer: null }]);
    expect(secondScores).toEqual([{ showId, consumerId: b.id, score: 7, producerScore: 10 }]);
  });
});
