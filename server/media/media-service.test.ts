import { describe, expect, it } from 'vitest';
import { createLogger } from '../log';
import { MediaService } from './media-service';

const config = {
  workers: 1,
  listenIp: '127.0.0.1',
  rtcMinPort: 47000,
  rtcMaxPort: 47999,
  webRtcPort: 0,
  transportConnectTimeoutMs: 20_000,
};

async function until(condition: () => boolean | Promise<boolean>, what: string) {
  for (let i = 0; i < 400; i++) {
    if (await condition()) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`timed out waiting for: ${what}`);
}

describe('MediaService (real mediasoup worker)', () => {
  it('gives every joiner of a show the same router, and closes a room safely twice', async () => {
    const media = await MediaService.create(config, createLogger('silent'));
    try {
      const [a, b] = await Promise.all([media.room('show-1'), media.room('show-1')]);
      expect(a).toBe(b);
      a.close();
      a.close();
      expect(a.isClosed).toBe(true);
      await until(() => media.existingRoom('show-1') === undefined, 'the service forgets the closed room');
      expect(await media.room('show-1')).not.toBe(a);
    } finally {
      media.close();
    }
  });

  it('rebuilds the room of a show whose worker is SIGKILLed on the replacement worker, and says so', async () => {
    const media = await MediaService.create(config, createLogger('silent'));
    try {
      const room = await media.room('show-2');
      const restarted: string[] = [];
      media.on('roomRestarted', ({ showId }) => restarted.push(showId));
      const deadPid = room.worker.pid;
      expect(media.workerPids).toEqual([deadPid]);
      process.kill(deadPid, 'SIGKILL');
      await until(() => restarted.length > 0, 'the show is told its room was rebuilt');
      expect(restarted).toEqual(['show-2']);
      expect(room.isClosed).toBe(true);
      const replacement = await media.existingRoom('show-2')!;
      expect(replacement).not.toBe(room);
      expect(replacement.isClosed).toBe(false);
      expect(replacement.worker.pid).not.toBe(deadPid);
      expect(media.workerPids).toEqual([replacement.worker.pid]);
      expect(replacement.rtpCapabilities.codecs?.length).toBeGreaterThan(0);
      expect((await replacement.createTransport('peer', 'recv')).iceCandidates.length).toBeGreaterThan(0);
    } finally {
      media.close();
    }
  });

  it('does not rebuild a room that was closed on purpose', async () => {
    const media = await MediaService.create(config, createLogger('silent'));
    try {
      const room = await media.room('show-3');
      room.close();
      await until(() => media.existingRoom('show-3') === undefined, 'the service forgets the closed room');
      expect(media.existingRoom('show-3')).toBeUndefined();
    } finally {
      media.close();
    }
  });
});
