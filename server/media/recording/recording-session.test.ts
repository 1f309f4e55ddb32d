import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as mediasoup from 'mediasoup';
import type { types } from 'mediasoup';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createLogger } from '../../log';
import { MEDIA_CODECS } from '../config';
import { RecordingSession } from './recording-session';

// A real worker, router and producer; the "ffmpeg" is a shell script that waits, found by its command line, so the test can
// tell whether the session left it running.
let worker: types.Worker;
let router: types.Router;
let producer: types.Producer;
let dir: string;

beforeAll(async () => {
  worker = await mediasoup.createWorker({ logLevel: 'warn' });
  router = await worker.createRouter({ mediaCodecs: MEDIA_CODECS });
  const host = await router.createPlainTransport({ listenIp: { ip: '127.0.0.1' }, rtcpMux: true, comedia: true });
  producer = await host.produce({
    kind: 'video',
    rtpParameters: { codecs: [{ mimeType: 'video/VP8', payloadType: 101, clockRate: 90000 }], encodings: [{ ssrc: 1111 }] },
  });
  dir = mkdtempSync(path.join(os.tmpdir(), 'recording-session-'));
});
afterAll(() => {
  worker?.close();
  for (const pid of running(path.join(dir, 'ffmpeg'))) process.kill(Number(pid), 'SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

// Pids of the processes whose command line names `file` (the stand-in "ffmpeg" runs as `/bin/sh <file> <args>`).
const running = (file: string) =>
  readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').includes(file);
      } catch {
        return false; // gone meanwhile
      }
    });

it('a session that fails after ffmpeg started kills that ffmpeg instead of leaving it behind', async () => {
  const ffmpeg = path.join(dir, 'ffmpeg');
  // A shell that stays (no exec), so its command line names this file as long as it runs.
  writeFileSync(ffmpeg, '#!/bin/sh\nwhile true; do sleep 1; done\n');
  chmodSync(ffmpeg, 0o755);
  // The router as the session sees it, except that its consumers cannot resume: as when the router closes at
  // shutdown between the consumer's creation and its resume, after ffmpeg started.
  const failingRouter = new Proxy(router, {
    get(target, key) {
      if (key !== 'createPlainTransport') return Reflect.get(target, key);
      return async (options: types.PlainTransportOptions) => {
        const transport = await target.createPlainTransport(options);
        const consume = transport.consume.bind(transport);
        transport.consume = async (consumeOptions) => {
          const consumer = await consume(consumeOptions);
          consumer.resume = () => Promise.reject(new Error('Channel closed'));
          return consumer;
        };
        return transport;
      };
    },
  });

  await expect(
    RecordingSession.start(failingRouter, [producer], { workDir: path.join(dir, 's1'), ffmpegPath: ffmpeg, log: createLogger('silent') }),
  ).rejects.toThrow('Channel closed');

  // It was spawned before the session failed; it must not outlive the failure.
  await expect.poll(() => running(ffmpeg), { timeout: 10_000 }).toEqual([]);
});
