import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../log';
import { MediaService } from './media-service';
import { opusIngest, pumpUntil, rtpTap } from './rtp.test-support';

const config = {
  workers: 2,
  listenIp: '127.0.0.1',
  rtcMinPort: 47000,
  rtcMaxPort: 47999,
  webRtcPort: 0,
  transportConnectTimeoutMs: 20_000,
};

let media: MediaService | undefined;
afterEach(() => media?.close());

async function until(condition: () => boolean, what: string) {
  for (let i = 0; i < 1200; i++) {
    if (condition()) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`timed out waiting for: ${what}`);
}

describe('one show over the workers of a node (real mediasoup workers)', () => {
  it("places the second viewer on the other worker, where the host's RTP arrives through pipeToRouter", async () => {
    media = await MediaService.create(config, createLogger('silent'));
    const room = await media.room('spread-1');
    const host = await opusIngest(room.originRouter);
    room.publish('host', host.producer);
    const caps = room.rtpCapabilities;

    const first = await room.watch('viewer-1', caps, { paused: false });
    expect(room.workerOf('viewer-1', 'recv')).toBe(room.worker);
    const second = await room.watch('viewer-2', caps, { paused: false });
    const edgeWorker = room.workerOf('viewer-2', 'recv');
    expect(edgeWorker).toBeDefined();
    expect(edgeWorker).not.toBe(room.worker);
    // Both consume the host's producer by its own id: the pipe keeps it.
    expect(first.consumers.map((c) => c.consumer.producerId)).toEqual([host.producer.id]);
    expect(second.consumers.map((c) => c.consumer.producerId)).toEqual([host.producer.id]);

    const tap = await rtpTap(room.routerOf('viewer-2', second.transport.id), host.producer.id);
    await pumpUntil(
      () => host,
      () => tap.received() >= 5,
      'RTP reaching the edge router',
    );
    expect(tap.received()).toBeGreaterThanOrEqual(5);
  });

  it('moves the viewers of a SIGKILLed edge worker with media:moved and feeds them again, while the origin goes on', async () => {
    media = await MediaService.create(config, createLogger('silent'));
    const room = await media.room('spread-2');
    const host = await opusIngest(room.originRouter);
    room.publish('host', host.producer);
    await room.watch('viewer-1', room.rtpCapabilities, { paused: false });
    await room.watch('viewer-2', room.rtpCapabilities, { paused: false });
    const edgeWorker = room.workerOf('viewer-2', 'recv')!;
    expect(edgeWorker).not.toBe(room.worker);

    const moved: string[][] = [];
    room.on('peersMoved', ({ peerIds }) => moved.push(peerIds));
    process.kill(edgeWorker.pid, 'SIGKILL');
    await until(() => moved.length > 0, "the edge worker's viewers are told to move");
    expect(moved).toEqual([['viewer-2']]);
    expect(room.isClosed).toBe(false);
    expect(room.workerOf('viewer-1', 'recv')).toBe(room.worker);

    // Watching again lands on a live worker (the replacement, once it is up) and receives.
    await until(() => media!.workerPids.length === 2, 'the dead worker is replaced');
    const again = await room.watch('viewer-2', room.rtpCapabilities, { paused: false });
    expect(room.workerOf('viewer-2', 'recv')?.closed).toBe(false);
    const tap = await rtpTap(room.routerOf('viewer-2', again.transport.id), host.producer.id);
    await pumpUntil(
      () => host,
      () => tap.received() >= 5,
      "RTP reaching the moved viewer's router",
    );
  });
});
