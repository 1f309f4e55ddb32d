import * as mediasoup from 'mediasoup';
import type { types } from 'mediasoup';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SHOW_ID } from '../../server/db/seed';
import { ask, createBuyers, joinShow, nextEvent, startTestApp, type TestApp, type TestSocket } from '../support/app';

// Guests on stage over real sockets and a real mediasoup worker. The host and the
// guest produce simulcast video and Opus described by hand (no browser): enough
// for mediasoup to build simulcast consumers and for the producers' lifecycle.
let t: TestApp;
const showId = DEMO_SHOW_ID;
const producers = new Map<string, types.Producer>();
const consumers = new Map<string, types.Consumer>();
mediasoup.observer.on('newworker', (worker) =>
  worker.observer.on('newrouter', (router) =>
    router.observer.on('newtransport', (transport) => {
      transport.observer.on('newproducer', (producer) => producers.set(producer.id, producer));
      transport.observer.on('newconsumer', (consumer) => consumers.set(consumer.id, consumer));
    }),
  ),
);

const video = (ssrc: number): types.RtpParameters => ({
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
    { ssrc, scalabilityMode: 'L1T3' },
    { ssrc: ssrc + 1, scalabilityMode: 'L1T3' },
    { ssrc: ssrc + 2, scalabilityMode: 'L1T3' },
  ],
  rtcp: { cname: `cam-${ssrc}` },
});
const opus = (ssrc: number): types.RtpParameters => ({
  mid: '1',
  codecs: [{ mimeType: 'audio/opus', payloadType: 111, clockRate: 48000, channels: 2, parameters: { useinbandfec: 1, usedtx: 1 } }],
  headerExtensions: [],
  encodings: [{ ssrc }],
  rtcp: { cname: `mic-${ssrc}` },
});

async function ok<T extends { ok: boolean }>(pending: Promise<T>): Promise<Extract<T, { ok: true }>> {
  const response = await pending;
  if (!response.ok) throw new Error(`refused: ${JSON.stringify(response)}`);
  return response as Extract<T, { ok: true }>;
}

async function publish(socket: TestSocket, ssrc: number): Promise<{ video: string; audio: string }> {
  const { transport } = await ok(ask(socket, 'media:createTransport', { showId, direction: 'send' }));
  const v = await ok(ask(socket, 'media:produce', { showId, transportId: transport.id, kind: 'video', rtpParameters: video(ssrc) }));
  const a = await ok(ask(socket, 'media:produce', { showId, transportId: transport.id, kind: 'audio', rtpParameters: opus(ssrc + 10) }));
  return { video: v.producerId, audio: a.producerId };
}

async function until(condition: () => boolean, what: string) {
  for (let i = 0; i < 1200; i++) {
    if (condition()) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`timed out waiting for: ${what}`);
}

let hostSocket: TestSocket;
let hostStream: { video: string; audio: string };
let hostId: string;

beforeAll(async () => {
  t = await startTestApp();
  const host = await t.app.db.user.findUniqueOrThrow({ where: { email: 'host@demo.live' }, select: { id: true, name: true } });
  hostId = host.id;
  hostSocket = await t.connect(host);
  await joinShow(hostSocket, showId);
  hostStream = await publish(hostSocket, 1000);
  await ok(ask(hostSocket, 'show:goLive', { showId }));
}, 180_000);

afterAll(async () => {
  await t?.stop();
});

describe('guests on stage over sockets and mediasoup', () => {
  it('an invited guest publishes beside the host; a viewer consumes both simulcast streams; removal closes the guest producers at once', async () => {
    const [guestUser] = await createBuyers(t, 1, 'guest');
    const guest = await t.connect(guestUser!);
    await joinShow(guest, showId);

    // Not on stage: sending is refused before any transport exists.
    expect(await ask(guest, 'media:createTransport', { showId, direction: 'send' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', reason: 'HOST_ONLY_BROADCAST' },
    });

    const invitation = nextEvent(guest, 'stage:seat', (e) => e.seat === 'INVITED');
    await ok(ask(hostSocket, 'stage:invite', { showId, userId: guestUser!.id }));
    expect(await invitation).toMatchObject({ showId, seat: 'INVITED', hostName: expect.any(String) });

    const viewer = await t.connect();
    const joined = await joinShow(viewer, showId);
    expect(joined.stage.guests).toEqual([]);
    const seated = nextEvent(viewer, 'stage:changed', (e) => e.stage.guests.length === 1);
    await ok(ask(guest, 'stage:accept', { showId }));
    expect((await seated).stage.guests).toEqual([{ userId: guestUser!.id, name: guestUser!.name }]);

    const guestVideoAnnounced = nextEvent(viewer, 'media:producerAdded', (e) => e.kind === 'video' && e.publisher?.guest === true);
    const guestStream = await publish(guest, 2000);
    expect(await guestVideoAnnounced).toMatchObject({ producerId: guestStream.video, publisher: { userId: guestUser!.id, guest: true } });
    // The guest's stream is added to the show: the host's is not replaced by it.
    expect(producers.get(hostStream.video)?.closed).toBe(false);
    expect(producers.get(hostStream.audio)?.closed).toBe(false);

    // A late viewer is told about four producers and consumes each like the host's: simulcast, lowest layer first.
    const late = await t.connect();
    const lateJoin = await joinShow(late, showId);
    expect(lateJoin.producers.map((p) => [p.producerId, p.publisher?.guest]).sort()).toEqual(
      [
        [hostStream.video, false],
        [hostStream.audio, false],
        [guestStream.video, true],
        [guestStream.audio, true],
      ].sort(),
    );
    const { rtpCapabilities } = await ok(ask(late, 'media:routerCapabilities', { showId }));
    const { transport } = await ok(ask(late, 'media:createTransport', { showId, direction: 'recv' }));
    const consume = (producerId: string) =>
      ok(ask(late, 'media:consume', { showId, transportId: transport.id, producerId, rtpCapabilities }));
    const [hostVideo, guestVideo, guestAudio] = await Promise.all([
      consume(hostStream.video),
      consume(guestStream.video),
      consume(guestStream.audio),
    ]);
    expect(hostVideo.consumer.publisher).toEqual({ userId: hostId, guest: false });
    expect(guestVideo.consumer.publisher).toEqual({ userId: guestUser!.id, guest: true });
    expect(guestVideo.layers).toEqual(hostVideo.layers);
    expect(consumers.get(guestVideo.consumer.id)?.type).toBe('simulcast');

    // The host removes the guest: their producers and the viewer's consumers of them close before the answer.
    const closedIds = new Set<string>();
    const closedTwice = new Promise<void>((resolve) =>
      late.on('media:producerClosed', (e) => {
        closedIds.add(e.producerId);
        if (closedIds.has(guestStream.video) && closedIds.has(guestStream.audio)) resolve();
      }),
    );
    const offStage = nextEvent(guest, 'stage:seat', (e) => e.seat === null);
    await ok(ask(hostSocket, 'stage:remove', { showId, userId: guestUser!.id }));
    expect(producers.get(guestStream.video)?.closed).toBe(true);
    expect(producers.get(guestStream.audio)?.closed).toBe(true);
    await until(
      () => consumers.get(guestVideo.consumer.id)!.closed && consumers.get(guestAudio.consumer.id)!.closed,
      'guest consumers closed',
    );
    expect(consumers.get(hostVideo.consumer.id)?.closed).toBe(false);
    await closedTwice;
    await offStage;

    // Removed means removed: no new send transport.
    expect(await ask(guest, 'media:createTransport', { showId, direction: 'send' })).toMatchObject({
      ok: false,
      error: { reason: 'HOST_ONLY_BROADCAST' },
    });
  }, 120_000);

  it('a guest’s simulcast video is consumed like the host’s: lowest layer first, moved by media:setPreferredLayers, its layer reports go to that viewer', async () => {
    const [guestUser] = await createBuyers(t, 1, 'layers');
    const guest = await t.connect(guestUser!);
    await joinShow(guest, showId);
    await ok(ask(hostSocket, 'stage:invite', { showId, userId: guestUser!.id }));
    await ok(ask(guest, 'stage:accept', { showId }));
    const guestStream = await publish(guest, 4000);
    expect(producers.get(guestStream.video)?.type).toBe('simulcast');
    expect(producers.get(guestStream.video)?.rtpParameters.encodings).toHaveLength(3);

    const viewer = await t.connect();
    await joinShow(viewer, showId);
    const { rtpCapabilities } = await ok(ask(viewer, 'media:routerCapabilities', { showId }));
    const { transport } = await ok(ask(viewer, 'media:createTransport', { showId, direction: 'recv' }));
    const answer = await ok(
      ask(viewer, 'media:consume', { showId, transportId: transport.id, producerId: guestStream.video, rtpCapabilities }),
    );
    expect(answer.layers).toMatchObject({ spatialLayers: 3, temporalLayers: 3, preferred: { spatialLayer: 0 } });
    const consumer = consumers.get(answer.consumer.id)!;
    expect(consumer.preferredLayers?.spatialLayer).toBe(0);
    await ok(ask(viewer, 'media:resumeConsumer', { showId, consumerId: answer.consumer.id }));

    expect(
      (await ok(ask(viewer, 'media:setPreferredLayers', { showId, consumerId: answer.consumer.id, spatialLayer: 2 }))).preferred,
    ).toMatchObject({
      spatialLayer: 2,
    });
    await until(() => consumer.preferredLayers?.spatialLayer === 2, 'the guest consumer moved up');
    expect(
      (await ok(ask(viewer, 'media:setPreferredLayers', { showId, consumerId: answer.consumer.id, spatialLayer: 0 }))).preferred,
    ).toMatchObject({
      spatialLayer: 0,
    });
    // What mediasoup says of the guest's consumer reaches its viewer, as for the host's (the page's policy reads it).
    const layers = nextEvent(viewer, 'media:layers', (e) => e.consumerId === answer.consumer.id);
    consumer.emit('layerschange', { spatialLayer: 1, temporalLayer: 2 });
    expect(await layers).toMatchObject({ showId, consumerId: answer.consumer.id, spatialLayer: 1 });
    await ok(ask(hostSocket, 'stage:remove', { showId, userId: guestUser!.id }));
  }, 60_000);

  it('only the host invites (HOST_ONLY) and a fourth guest is refused with STAGE_FULL', async () => {
    const people = await createBuyers(t, 4, 'crowd');
    const someone = await t.connect(people[0]!);
    await joinShow(someone, showId);
    expect(await ask(someone, 'stage:invite', { showId, userId: people[1]!.id })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', reason: 'HOST_ONLY' },
    });
    for (const person of people.slice(0, 3)) await ok(ask(hostSocket, 'stage:invite', { showId, userId: person.id }));
    expect(await ask(hostSocket, 'stage:invite', { showId, userId: people[3]!.id })).toMatchObject({
      ok: false,
      error: { code: 'LIMIT_REACHED', reason: 'STAGE_FULL', params: { max: 4 } },
    });
    for (const person of people.slice(0, 3)) await ok(ask(hostSocket, 'stage:remove', { showId, userId: person.id }));
  }, 60_000);

  it('the studio lists the signed-in people watching (searchable, not the host, not anyone already on stage) and invites an influencer by handle', async () => {
    const people = await createBuyers(t, 2, 'present');
    await t.app.db.user.update({ where: { id: people[0]!.id }, data: { name: 'Sokha Present' } });
    for (const person of people) await joinShow(await t.connect(person), showId);
    await joinShow(await t.connect(), showId); // an anonymous viewer is not listed
    const all = await ok(ask(hostSocket, 'stage:candidates', { showId, query: '' }));
    const listed = all.people.map((p) => p.userId);
    expect(listed).toEqual(expect.arrayContaining(people.map((p) => p.id)));
    expect(listed).not.toContain(hostId);
    expect((await ok(ask(hostSocket, 'stage:candidates', { showId, query: 'sokha' }))).people).toEqual([
      { userId: people[0]!.id, name: 'Sokha Present' },
    ]);
    const viewerSocket = await t.connect(people[1]!);
    await joinShow(viewerSocket, showId);
    expect(await ask(viewerSocket, 'stage:candidates', { showId, query: '' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    // Invited from the list: the person's page hears of it, and they leave the list.
    const invited = nextEvent(viewerSocket, 'stage:seat', (e) => e.seat === 'INVITED');
    await ok(ask(hostSocket, 'stage:invite', { showId, userId: people[1]!.id }));
    await invited;
    expect((await ok(ask(hostSocket, 'stage:candidates', { showId, query: '' }))).people.map((p) => p.userId)).not.toContain(people[1]!.id);

    // An influencer who is not watching, by handle: the invitation waits for them on the show page.
    const influencer = await t.app.db.user.create({
      data: {
        email: `guest-star-${Date.now()}@hosts.example`,
        name: 'Guest Star',
        influencer: { create: { handle: `star${Date.now().toString(36)}` } },
      },
      select: { id: true, name: true, influencer: { select: { handle: true } } },
    });
    const byHandle = await ok(ask(hostSocket, 'stage:invite', { showId, handle: `@${influencer.influencer!.handle}` }));
    expect(byHandle.stage.invited.map((g) => g.userId)).toContain(influencer.id);
    const starSocket = await t.connect({ id: influencer.id, name: influencer.name });
    expect((await joinShow(starSocket, showId)).myStage).toBe('INVITED');
    expect(await ask(hostSocket, 'stage:invite', { showId, handle: 'nobody_has_this' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', reason: 'HOST_HANDLE_UNKNOWN', params: { handle: 'nobody_has_this' } },
    });
    // The at-most-four rule holds for studio invitations too.
    const [third, fourth] = await createBuyers(t, 2, 'extra');
    await ok(ask(hostSocket, 'stage:invite', { showId, userId: third!.id }));
    expect(await ask(hostSocket, 'stage:invite', { showId, userId: fourth!.id })).toMatchObject({
      ok: false,
      error: { reason: 'STAGE_FULL' },
    });
    for (const id of [people[1]!.id, influencer.id, third!.id]) await ok(ask(hostSocket, 'stage:remove', { showId, userId: id }));
  }, 60_000);

  it('the host promotes a guest on stage to co-host with a share; the staff see the new split', async () => {
    const [guestUser] = await createBuyers(t, 1, 'promoted');
    const guest = await t.connect(guestUser!);
    await joinShow(guest, showId);
    await ok(ask(hostSocket, 'stage:invite', { showId, userId: guestUser!.id }));
    await ok(ask(guest, 'stage:accept', { showId }));
    const { stage } = await ok(ask(hostSocket, 'stage:get', { showId }));
    const rate = stage.split.rateBps;
    expect(stage.split.shares).toEqual([{ userId: hostId, name: expect.any(String), shareBps: rate }]);
    expect(
      await ask(hostSocket, 'stage:promote', {
        showId,
        userId: guestUser!.id,
        shares: [
          { userId: hostId, shareBps: rate },
          { userId: guestUser!.id, shareBps: 1 },
        ],
      }),
    ).toMatchObject({ ok: false, error: { reason: 'HOST_SHARES_SUM' } });
    const staffSees = nextEvent(hostSocket, 'stage:staff', (e) => e.stage.split.shares.length === 2);
    const shares = [
      { userId: hostId, shareBps: rate - 300 },
      { userId: guestUser!.id, shareBps: 300 },
    ];
    const promoted = await ok(ask(hostSocket, 'stage:promote', { showId, userId: guestUser!.id, shares }));
    expect(promoted.stage.split.shares.map((s) => [s.userId, s.shareBps])).toEqual(shares.map((s) => [s.userId, s.shareBps]));
    await staffSees;
    await ok(ask(hostSocket, 'stage:remove', { showId, userId: guestUser!.id }));
    await t.app.db.showHostShare.deleteMany({ where: { showId } });
  }, 60_000);

  it('a guest whose connection is lost leaves the stage and its producers close', async () => {
    const [guestUser] = await createBuyers(t, 1, 'flaky');
    const guest = await t.connect(guestUser!);
    await joinShow(guest, showId);
    await ok(ask(hostSocket, 'stage:invite', { showId, userId: guestUser!.id }));
    await ok(ask(guest, 'stage:accept', { showId }));
    const stream = await publish(guest, 3000);
    const viewer = await t.connect();
    await joinShow(viewer, showId);
    const gone = nextEvent(viewer, 'stage:changed', (e) => !e.stage.guests.some((g) => g.userId === guestUser!.id));
    guest.disconnect();
    await gone;
    expect(producers.get(stream.video)?.closed).toBe(true);
    expect(await t.app.db.stageGuest.count({ where: { showId, userId: guestUser!.id } })).toBe(0);
  }, 60_000);
});
