import { describe, expect, it } from 'vitest';
import { createLogger } from '../log';
import { MediaService } from './media-service';

const config = { workers: 1, listenIp: '127.0.0.1', rtcMinPort: 47000, rtcMaxPort: 47999 };

async function until(condition: () => boolean | Promise<boolean>, what: string) {
  for (let i = 0; i < 200; i++) {
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

  it('replaces a worker that dies and closes the rooms that lived on it, so a new room lands on the replacement', async () => {
    const media = await MediaService.create(config, createLogger('silent'));
    try {
      const room = await media.room('show-2');
      const deadPid = room.worker.pid;
      process.kill(deadPid, 'SIGKILL');
      await until(() => room.isClosed, 'the room on the dead worker closes');
      await until(() => media.workerCount === 1, 'a replacement worker starts');
      const replacement = await media.room('show-2');
      expect(replacement).not.toBe(room);
      expect(replacement.worker.pid).not.toBe(deadPid);
      expect(replacement.rtpCapabilities.codecs?.length).toBeGreaterThan(0);
    } finally {
      media.close();
    }
  });
});
