import type { types } from 'mediasoup';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../log';
import { MediaService } from './media-service';
import { PreparedWatches, preparedFingerprints } from './prepared-watch';
import { opusIngest, silentVideo } from './rtp.test-support';

const config = {
  workers: 1,
  listenIp: '127.0.0.1',
  rtcMinPort: 47000,
  rtcMaxPort: 47999,
  webRtcPort: 0,
  transportConnectTimeoutMs: 20_000,
};

let media: MediaService | undefined;
afterEach(() => {
  media?.close();
  media = undefined;
});

async function liveShow(showId: string) {
  media = await MediaService.create(config, createLogger('silent'));
  const room = await media.room(showId);
  const host = await opusIngest(room.originRouter);
  room.publish('host', host.producer);
  const camera = await silentVideo(room.originRouter);
  room.publish('host', camera.producer);
  return { media, room, host, camera };
}

async function until(condition: () => boolean, what: string) {
  for (let i = 0; i < 400; i++) {
    if (condition()) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`timed out waiting for: ${what}`);
}

const FINGERPRINT = { algorithm: 'sha-256' as const, value: Array.from({ length: 32 }, () => 'AB').join(':') };

describe('a watch prepared with the show page (real mediasoup worker)', () => {
  it("is an offer for a running consumer of every producer, and the page's socket claims its transport and consumers", async () => {
    const { media, room, host, camera } = await liveShow('prepared-1');
    const prepared = await media.prepared.prepare('prepared-1', { ip: '10.0.0.1', skipUserId: null });
    expect(prepared).not.toBeNull();
    // The offer the boot script answers: a section for the host's camera and one for the microphone, ICE lite.
    expect(prepared!.sdp).toMatch(/^m=video .*$/m);
    expect(prepared!.sdp).toMatch(/^m=audio .*$/m);
    expect(prepared!.sdp).toContain('a=ice-lite');
    expect(room.peerUsage('socket-1')).toEqual({ transports: 0, consumers: 0 });

    await media.prepared.connect(prepared!.token, [FINGERPRINT]);
    const claimed = media.prepared.claim(prepared!.token, 'prepared-1', 'socket-1');

    expect(claimed.consumers.map((c) => c.consumer.producerId)).toEqual([camera.producer.id, host.producer.id]);
    expect(claimed.consumers.every((c) => !c.paused)).toBe(true);
    // Held under the socket's id from now on: its disconnect releases it, its media events reach it.
    expect(room.peerUsage('socket-1')).toEqual({ transports: 1, consumers: 2 });
    expect(room.hasTransports('socket-1')).toBe(true);
    expect(media.prepared.size).toBe(0);
    // A token is claimed once.
    expect(() => media.prepared.claim(prepared!.token, 'prepared-1', 'socket-2')).toThrow(/no such prepared watch/);
    room.removePeer('socket-1');
    expect(room.peerCount).toBe(1); // the host
  });

  it('closes a prepared watch nobody claims once its time is up, and a late claim finds nothing', async () => {
    const { media, room } = await liveShow('prepared-2');
    const watches = new PreparedWatches(media, createLogger('silent'), { ttlMs: 50, connectedTtlMs: 60_000, perIp: 4, perShow: 10 });
    const prepared = await watches.prepare('prepared-2', { ip: '10.0.0.2', skipUserId: null });
    expect(prepared).not.toBeNull();
    expect(room.receivingPeerCount).toBe(1);
    await until(() => room.receivingPeerCount === 0, 'the unclaimed transport is closed');
    expect(watches.size).toBe(0);
    expect(() => watches.claim(prepared!.token, 'prepared-2', 'socket-1')).toThrow(/no such prepared watch/);
    await expect(watches.connect(prepared!.token, [FINGERPRINT])).rejects.toThrow(/no such prepared watch/);
  });

  it("keeps a watch the page has connected past the unconnected one's time, for a framework that loads slowly, and closes it after its own", async () => {
    const { media, room } = await liveShow('prepared-5');
    const watches = new PreparedWatches(media, createLogger('silent'), { ttlMs: 50, connectedTtlMs: 60_000, perIp: 4, perShow: 10 });
    const connected = await watches.prepare('prepared-5', { ip: '10.0.0.5', skipUserId: null });
    await watches.connect(connected!.token, [FINGERPRINT]);
    const abandoned = await watches.prepare('prepared-5', { ip: '10.0.0.5', skipUserId: null });
    expect(room.receivingPeerCount).toBe(2);
    await until(() => room.receivingPeerCount === 1, 'the unconnected one is closed');
    // The connected one outlived it and is still there to claim.
    expect(() => watches.claim(abandoned!.token, 'prepared-5', 'socket-1')).toThrow(/no such prepared watch/);
    expect(watches.claim(connected!.token, 'prepared-5', 'socket-2').consumers).toHaveLength(2);
    room.removePeer('socket-2');

    const short = new PreparedWatches(media, createLogger('silent'), { ttlMs: 50, connectedTtlMs: 100, perIp: 4, perShow: 10 });
    const unclaimed = await short.prepare('prepared-5', { ip: '10.0.0.6', skipUserId: null });
    await short.connect(unclaimed!.token, [FINGERPRINT]);
    await until(() => short.size === 0, 'the connected but unclaimed one is closed after its own time');
    expect(room.receivingPeerCount).toBe(0);
  });

  it('prepares at most perIp unclaimed watches for one address and perShow for one show, then none', async () => {
    const { media, room } = await liveShow('prepared-3');
    const watches = new PreparedWatches(media, createLogger('silent'), { ttlMs: 60_000, connectedTtlMs: 60_000, perIp: 2, perShow: 3 });
    const fromOne = await Promise.all([1, 2, 3].map(() => watches.prepare('prepared-3', { ip: '10.0.0.3', skipUserId: null })));
    expect(fromOne.filter(Boolean)).toHaveLength(2);
    expect(await watches.prepare('prepared-3', { ip: '10.0.0.4', skipUserId: null })).not.toBeNull();
    expect(await watches.prepare('prepared-3', { ip: '10.0.0.5', skipUserId: null })).toBeNull();
    expect(room.receivingPeerCount).toBe(3);
    // A claim frees its address's place.
    watches.claim(fromOne.find(Boolean)!.token, 'prepared-3', 'socket-1');
    expect(await watches.prepare('prepared-3', { ip: '10.0.0.3', skipUserId: null })).not.toBeNull();
    watches.close();
    expect(room.receivingPeerCount).toBe(1); // the claimed one, now the socket's
  });

  it("frees its address's place as soon as the page's transport closes (a tab closed before the framework claimed it)", async () => {
    const { media, room } = await liveShow('prepared-8');
    const watches = new PreparedWatches(media, createLogger('silent'), { ttlMs: 60_000, connectedTtlMs: 60_000, perIp: 2, perShow: 10 });
    const transports: types.Transport[] = [];
    room.originRouter.observer.on('newtransport', (transport) => transports.push(transport));
    const first = await watches.prepare('prepared-8', { ip: '10.0.0.8', skipUserId: null });
    await watches.connect(first!.token, [FINGERPRINT]);
    expect(await watches.prepare('prepared-8', { ip: '10.0.0.8', skipUserId: null })).not.toBeNull();
    expect(await watches.prepare('prepared-8', { ip: '10.0.0.8', skipUserId: null })).toBeNull();
    // The first page goes away: its DTLS closes, and the transport closes itself (webrtc-transport.ts).
    transports[0]!.close();
    expect(await watches.prepare('prepared-8', { ip: '10.0.0.8', skipUserId: null })).not.toBeNull();
    expect(() => watches.claim(first!.token, 'prepared-8', 'socket-1')).toThrow(/no such prepared watch/);
    watches.close();
  });

  it('prepares nothing for a show whose room sends nothing yet', async () => {
    media = await MediaService.create(config, createLogger('silent'));
    await media.room('prepared-4');
    expect(await media.prepared.prepare('prepared-4', { ip: '10.0.0.6', skipUserId: null })).toBeNull();
    expect(await media.prepared.prepare('no-room', { ip: '10.0.0.6', skipUserId: null })).toBeNull();
  });

  it('prepares nothing while the host sends sound but no picture yet (the camera comes a moment after the microphone)', async () => {
    media = await MediaService.create(config, createLogger('silent'));
    const room = await media.room('prepared-7');
    room.publish('host', (await opusIngest(room.originRouter)).producer);
    expect(await media.prepared.prepare('prepared-7', { ip: '10.0.0.7', skipUserId: null })).toBeNull();
    room.publish('host', (await silentVideo(room.originRouter)).producer);
    expect(await media.prepared.prepare('prepared-7', { ip: '10.0.0.7', skipUserId: null })).not.toBeNull();
  });

  it('refuses a claim for another show than the one the page was prepared for', async () => {
    const { media } = await liveShow('prepared-5');
    const prepared = await media.prepared.prepare('prepared-5', { ip: '10.0.0.7', skipUserId: null });
    expect(() => media.prepared.claim(prepared!.token, 'another-show', 'socket-1')).toThrow(/no such prepared watch/);
  });
});

describe("the page's DTLS fingerprint", () => {
  it("takes the certificate's fingerprints as RTCCertificate.getFingerprints() gives them (lower case), each once, in the upper case mediasoup compares", () => {
    const lower = FINGERPRINT.value.replace(/AB/g, 'ab');
    expect(
      preparedFingerprints([
        { algorithm: 'sha-256', value: lower },
        { algorithm: 'SHA-256', value: FINGERPRINT.value },
      ]),
    ).toEqual([FINGERPRINT]);
  });

  it('refuses a hash mediasoup does not take, or a value that is not colon-separated hex, with INVALID_INPUT', () => {
    const invalid = expect.objectContaining({ code: 'INVALID_INPUT' });
    expect(() => preparedFingerprints([{ algorithm: 'md5', value: FINGERPRINT.value }])).toThrow(invalid);
    expect(() => preparedFingerprints([{ algorithm: 'sha-256', value: 'AB:CD\r\na=x' }])).toThrow(invalid);
  });
});
