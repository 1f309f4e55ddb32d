import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTestDatabase, type TestDatabase } from '../../../test/support/database';
import { createLogger } from '../../log';
import { MediaService } from '../media-service';
import { opusIngest, pumpUntil, rtpTap, type RtpIngest } from '../rtp.test-support';
import { PIPE_PATH } from './config';
import { MediaCluster } from './media-cluster';
import { isPipeRequest } from './pipe-origin';

const SECRET = 'a-cluster-secret-of-at-least-32-characters';

interface TestNode {
  media: MediaService;
  cluster: MediaCluster;
  url: string;
  stop(): Promise<void>;
}

let database: TestDatabase;
const running: TestNode[] = [];

beforeAll(async () => {
  database = await startTestDatabase();
});
afterEach(async () => {
  for (const node of running.splice(0)) await node.stop();
});
afterAll(async () => {
  await database?.stop();
});

/** One app node's media: its own worker pool, its pipe endpoint on an HTTP server of its own, the shared directory. */
async function startNode(rtcMinPort: number, { secret = SECRET, workers = 1 } = {}): Promise<TestNode> {
  const log = createLogger('silent');
  const media = await MediaService.create(
    { workers, listenIp: '127.0.0.1', rtcMinPort, rtcMaxPort: rtcMinPort + 499, webRtcPort: 0, transportConnectTimeoutMs: 20_000 },
    log,
  );
  let cluster: MediaCluster | undefined;
  const server: Server = createServer((req, res) => {
    if (cluster && isPipeRequest(req)) void cluster.handle(req, res);
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  cluster = await MediaCluster.start(
    database.prisma,
    media,
    { nodeId: randomUUID(), internalUrl: url, secret, pipeListenIp: '127.0.0.1' },
    log,
  );
  const node = {
    media,
    cluster,
    url,
    async stop() {
      await cluster.close();
      media.close();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
  running.push(node);
  return node;
}

async function until(condition: () => boolean | Promise<boolean>, what: string) {
  for (let i = 0; i < 1200; i++) {
    if (await condition()) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`timed out waiting for: ${what}`);
}

/** The host publishes on node A; A becomes the show's origin in the directory. */
async function publishOn(node: TestNode, showId: string): Promise<RtpIngest> {
  const room = await node.media.room(showId);
  const host = await opusIngest(room.originRouter);
  room.publish('host', host.producer);
  await node.cluster.reconcile(room);
  return host;
}

describe('one show across two nodes (real mediasoup workers, one PostgreSQL)', () => {
  it("viewers on node B receive the RTP of a host publishing on node A, through a pipe between the nodes and on to B's other worker", async () => {
    const a = await startNode(46000);
    const b = await startNode(46500, { workers: 2 });
    const host = await publishOn(a, 'nodes-1');
    const origin = await database.prisma.showMediaOrigin.findUniqueOrThrow({ where: { showId: 'nodes-1' } });
    expect(origin.nodeId).toBe(a.cluster.nodeId);

    const edgeRoom = await b.media.room('nodes-1');
    const watched = await edgeRoom.watch('viewer-on-b', edgeRoom.rtpCapabilities, { paused: false });
    expect(watched.consumers.map((c) => c.consumer.producerId)).toEqual([host.producer.id]);
    const tap = await rtpTap(edgeRoom.routerOf('viewer-on-b', watched.transport.id), host.producer.id);
    await pumpUntil(
      () => host,
      () => tap.received() >= 5,
      'RTP from node A reaching node B',
    );

    // The second viewer on B goes to B's other worker: the piped-in producer is piped on with pipeToRouter.
    const second = await edgeRoom.watch('second-on-b', edgeRoom.rtpCapabilities, { paused: false });
    expect(edgeRoom.workerOf('second-on-b', 'recv')).not.toBe(edgeRoom.worker);
    const secondTap = await rtpTap(edgeRoom.routerOf('second-on-b', second.transport.id), host.producer.id);
    await pumpUntil(
      () => host,
      () => secondTap.received() >= 5,
      "RTP from node A reaching node B's second worker",
    );
  });

  it('refuses a pipe request with a wrong or missing cluster secret, and a node with another secret gets nothing', async () => {
    const a = await startNode(46000);
    await publishOn(a, 'nodes-2');
    const body = JSON.stringify({
      showId: 'nodes-2',
      ip: '127.0.0.1',
      port: 9,
      srtpParameters: { cryptoSuite: 'AES_CM_128_HMAC_SHA1_80', keyBase64: 'x' },
    });
    const post = (headers: Record<string, string>) =>
      fetch(new URL(PIPE_PATH, a.url), { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
    expect((await post({ authorization: `Bearer ${SECRET}x` })).status).toBe(401);
    expect((await post({ authorization: SECRET })).status).toBe(401);
    expect((await post({})).status).toBe(401);

    const stranger = await startNode(46500, { secret: 'another-secret-that-is-also-32-characters-long' });
    const room = await stranger.media.room('nodes-2');
    const watched = await room.watch('viewer', room.rtpCapabilities, { paused: false });
    expect(watched.consumers).toEqual([]);
  });

  it('after the origin worker is SIGKILLed and the host republishes, node B pipes the new stream and its viewer receives again', async () => {
    const a = await startNode(46000);
    const b = await startNode(46500);
    const first = await publishOn(a, 'nodes-3');
    const edgeRoom = await b.media.room('nodes-3');
    const before = await edgeRoom.watch('viewer-on-b', edgeRoom.rtpCapabilities, { paused: false });
    const tapBefore = await rtpTap(edgeRoom.routerOf('viewer-on-b', before.transport.id), first.producer.id);
    await pumpUntil(
      () => first,
      () => tapBefore.received() >= 3,
      'RTP before the crash',
    );

    const restarted = new Promise((resolve) => a.media.once('roomRestarted', resolve));
    process.kill((await a.media.room('nodes-3')).worker.pid, 'SIGKILL');
    await restarted;
    // What the studio does on media:restarted: publish again, on the new router.
    const again = await publishOn(a, 'nodes-3');
    await until(() => edgeRoom.producerList().some((p) => p.producerId === again.producer.id), 'node B pipes the republished stream');
    expect(edgeRoom.producerList().map((p) => p.producerId)).toEqual([again.producer.id]);

    // What the viewer does on media:restarted: watch again.
    const after = await edgeRoom.watch('viewer-on-b', edgeRoom.rtpCapabilities, { paused: false });
    expect(after.consumers.map((c) => c.consumer.producerId)).toEqual([again.producer.id]);
    const tapAfter = await rtpTap(edgeRoom.routerOf('viewer-on-b', after.transport.id), again.producer.id);
    await pumpUntil(
      () => again,
      () => tapAfter.received() >= 5,
      'RTP after the republish',
    );
  });

  it('a guest on stage publishing on node B reaches viewers on the origin node A and on a third node C, and leaves them when the guest stops', async () => {
    const a = await startNode(46000);
    const b = await startNode(46500);
    const c = await startNode(47000);
    const host = await publishOn(a, 'nodes-4');
    const stageRoom = await b.media.room('nodes-4');
    const guestTag = { userId: 'guest-1', guest: true };
    const guest = await opusIngest(stageRoom.originRouter, 2222, { publisher: guestTag });
    stageRoom.publish('guest-1', guest.producer);
    await b.cluster.reconcile(stageRoom);
    // The guest does not take the show over: A stays its origin.
    const origin = await database.prisma.showMediaOrigin.findUniqueOrThrow({ where: { showId: 'nodes-4' } });
    expect(origin.nodeId).toBe(a.cluster.nodeId);

    for (const [node, name] of [
      [a, 'A'],
      [c, 'C'],
    ] as const) {
      const room = await node.media.room('nodes-4');
      const watched = await room.watch(`viewer-on-${name}`, room.rtpCapabilities, { paused: false });
      expect(watched.consumers.map((x) => x.consumer.producerId).sort()).toEqual([host.producer.id, guest.producer.id].sort());
      const ofGuest = watched.consumers.find((x) => x.consumer.producerId === guest.producer.id);
      expect(ofGuest?.consumer.publisher).toEqual(guestTag);
      const tap = await rtpTap(room.routerOf(`viewer-on-${name}`, watched.transport.id), guest.producer.id);
      await pumpUntil(
        () => guest,
        () => tap.received() >= 5,
        `the guest's RTP from node B reaching node ${name}`,
      );
    }
    // The host path is as before: B's viewers get the host from A.
    const onB = await stageRoom.watch('viewer-on-B', stageRoom.rtpCapabilities, { paused: false, skipUserId: 'guest-1' });
    expect(onB.consumers.map((x) => x.consumer.producerId)).toEqual([host.producer.id]);

    // The guest leaves the stage: B stops being a publisher and the other nodes drop the guest's stream.
    guest.close();
    const originRoom = await a.media.room('nodes-4');
    await until(
      async () => (await database.prisma.showMediaPublisher.count({ where: { showId: 'nodes-4' } })) === 0,
      'B leaves the directory',
    );
    await until(() => !originRoom.producerList().some((p) => p.producerId === guest.producer.id), "A drops the guest's stream");
    expect(originRoom.producerList().map((p) => p.producerId)).toEqual([host.producer.id]);
  });
});
