import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestDatabase, type TestDatabase } from '../../../test/support/database';
import { seedDemoData, type DemoSeed } from '../../db/seed';
import { failRecording, finishRecording, openRecording, recordRecordingProgress, showHasEnded } from '../../domain/recordings';
import { createLogger } from '../../log';
import { LocalDiskStore } from '../../storage/local-disk-store';
import { MediaService } from '../media-service';
import type { ShowMediaRoom } from '../show-media-room';
import { startFakeHost, type FakeHost } from './fake-host.test-support';
import { RecordingService } from './recording-service';
import type { RecordingLedger } from './show-recorder';

const run = promisify(execFile);

const config = {
  workers: 1,
  listenIp: '127.0.0.1',
  rtcMinPort: 46000,
  rtcMaxPort: 46999,
  webRtcPort: 0,
  transportConnectTimeoutMs: 20_000,
};

async function until<T>(check: () => T | Promise<T>, what: string, timeoutMs = 90_000): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for: ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('recording a live show to HLS (real mediasoup, real ffmpeg)', () => {
  let database: TestDatabase;
  let seed: DemoSeed;
  let dataDir: string;
  let store: LocalDiskStore;
  const db = () => database.prisma;
  const ledger = (): RecordingLedger => ({
    open: (showId) => openRecording(db(), showId),
    progress: (id, p) => recordRecordingProgress(db(), id, p),
    finish: (id, p) => finishRecording(db(), id, p),
    fail: (id) => failRecording(db(), id),
    showEnded: (showId) => showHasEnded(db(), showId),
  });

  beforeAll(async () => {
    database = await startTestDatabase();
    seed = await seedDemoData(database.prisma);
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'recording-test-'));
    store = new LocalDiskStore(dataDir);
  });
  afterAll(async () => {
    await database?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const goLive = (showId: string) => db().show.update({ where: { id: showId }, data: { status: 'LIVE', startedAt: new Date() } });
  const end = (showId: string) => db().show.update({ where: { id: showId }, data: { status: 'ENDED', endedAt: new Date() } });
  const playlistOf = async (recordingId: string) =>
    new TextDecoder().decode((await store.get(`recordings/${recordingId}/index.m3u8`)) ?? new Uint8Array());
  const attach = (media: MediaService, opts: { ledger?: RecordingLedger; ffmpegPath?: string } = {}) =>
    RecordingService.attach(media, {
      store,
      ledger: opts.ledger ?? ledger(),
      ffmpegPath: opts.ffmpegPath ?? 'ffmpeg',
      workRoot: path.join(dataDir, 'work'),
      log: createLogger('silent'),
    });
  /** A host sending camera and microphone into the room, as the studio does. */
  const publishHost = async (room: ShowMediaRoom): Promise<FakeHost> => {
    const host = await startFakeHost(room.originRouter);
    for (const producer of host.producers) room.publish('fake-host', producer);
    return host;
  };

  it('records the host into segments with the server time of their first frame, READY with EXT-X-ENDLIST when the show ends, and a killed worker leaves a gap, not a lost recording', async () => {
    const showId = seed.showId;
    await goLive(showId);
    const media = await MediaService.create(config, createLogger('silent'));
    const recording = attach(media);
    let host: FakeHost | undefined;
    try {
      const before = Date.now();
      host = await publishHost(await media.room(showId));
      const row = await until(() => db().showRecording.findFirst({ where: { showId } }), 'a recording row');
      expect(row.storagePrefix).toBe(`recordings/${row.id}/`);
      await until(
        async () => (await db().showRecording.findUniqueOrThrow({ where: { id: row.id } })).segmentCount >= 2,
        'two stored segments',
      );

      // The rule: a worker restart leaves a gap in the same recording, marked EXT-X-DISCONTINUITY.
      const oldRoom = await media.room(showId);
      await host.stop();
      process.kill(oldRoom.worker.pid, 'SIGKILL');
      await until(() => media.readyRoom(showId) && media.readyRoom(showId) !== oldRoom, 'the room rebuilt on the replacement worker');
      const newRoom = media.readyRoom(showId)!;
      host = await publishHost(newRoom);
      await until(async () => (await playlistOf(row.id)).includes('#EXT-X-DISCONTINUITY'), 'segments after the gap');
      await until(async () => /s2-\d+\.ts\n[\s\S]*s2-\d+\.ts/.test(await playlistOf(row.id)), 'two segments after the gap');

      await end(showId);
      newRoom.close();
      await until(async () => (await db().showRecording.findUniqueOrThrow({ where: { id: row.id } })).status === 'READY', 'READY');
      expect(await db().showRecording.count({ where: { showId } })).toBe(1);

      const playlist = await playlistOf(row.id);
      expect(playlist).toContain('#EXT-X-ENDLIST');
      const segments = [...playlist.matchAll(/#EXT-X-PROGRAM-DATE-TIME:(.+)\n#EXTINF:([\d.]+),\n(.+)\n/g)].map((m) => ({
        pdt: Date.parse(m[1]!),
        duration: Number(m[2]),
        uri: m[3]!,
      }));
      expect(segments.length).toBeGreaterThanOrEqual(4);
      expect(playlist.match(/#EXTINF/g)?.length).toBe(segments.length);
      // Program date times are server wall-clock times of this run, in order.
      for (const [i, s] of segments.entries()) {
        expect(s.pdt).toBeGreaterThanOrEqual(before);
        expect(s.pdt).toBeLessThanOrEqual(Date.now());
        if (i > 0) expect(s.pdt).toBeGreaterThan(segments[i - 1]!.pdt);
      }
      const final = await db().showRecording.findUniqueOrThrow({ where: { id: row.id } });
      expect(final.segmentCount).toBe(segments.length);
      expect(Number(final.bytes)).toBeGreaterThan(0);
      expect(final.durationMs).toBeGreaterThan(4_000);
      expect(await db().brandEvent.count({ where: { type: 'recording.ready' } })).toBe(1);

      // Every segment decodes: ffprobe counts its video frames.
      for (const segment of [segments[0]!, segments.at(-1)!]) {
        const file = path.join(dataDir, 'scratch.ts');
        writeFileSync(file, (await store.get(`recordings/${row.id}/${segment.uri}`))!);
        const { stdout } = await run('ffprobe', [
          '-v',
          'error',
          '-count_frames',
          '-select_streams',
          'v:0',
          '-show_entries',
          'stream=codec_name,nb_read_frames',
          '-of',
          'json',
          file,
        ]);
        const [stream] = (JSON.parse(stdout) as { streams: { codec_name: string; nb_read_frames: string }[] }).streams;
        expect(stream?.codec_name).toBe('h264');
        // At least one frame decodes; how many depends on the machine's load (ffmpeg encodes in real time).
        expect(Number(stream?.nb_read_frames)).toBeGreaterThan(0);
      }
    } finally {
      await host?.stop();
      await recording.close();
      media.close();
    }
  });

  it('records nothing for a show whose brand turned recording off', async () => {
    const showId = seed.otherShowId;
    await db().show.update({ where: { id: showId }, data: { status: 'LIVE', startedAt: new Date(), recordingEnabled: false } });
    const media = await MediaService.create(config, createLogger('silent'));
    const recording = attach(media);
    let host: FakeHost | undefined;
    try {
      const room = await media.room(showId);
      host = await publishHost(room);
      // Long enough for a recording to have produced its first segment, had one been started.
      await new Promise((r) => setTimeout(r, 4_000));
      expect(recording.recorderOf(showId)).toBeUndefined();
      expect(await db().showRecording.count({ where: { showId } })).toBe(0);
    } finally {
      await host?.stop();
      await recording.close();
      media.close();
    }
  });

  it('a worker that dies while the recording starts leaves the recording open, and it records on the rebuilt room', async () => {
    const base = await db().show.findUniqueOrThrow({ where: { id: seed.showId } });
    const { id: showId } = await db().show.create({
      data: {
        brandId: base.brandId,
        hostId: base.hostId,
        title: 'The worker dies as the recording starts',
        scheduledStart: new Date(),
        status: 'LIVE',
        startedAt: new Date(),
      },
    });
    const media = await MediaService.create(config, createLogger('silent'));
    // The worker dies between the recording's row and its session's first transport, so the session starts on a
    // router that has closed (a CI run saw this mark the recording FAILED for the rest of the show).
    const real = ledger();
    let killed = false;
    const dyingLedger: RecordingLedger = {
      ...real,
      open: async (id) => {
        const opened = await real.open(id);
        if (!killed) {
          killed = true;
          const room = await media.room(id);
          process.kill(room.worker.pid, 'SIGKILL');
          await until(() => room.isClosed, 'the room closed with its worker');
        }
        return opened;
      },
    };
    const recording = attach(media, { ledger: dyingLedger });
    let host: FakeHost | undefined;
    try {
      const room = await media.room(showId);
      host = await publishHost(room);
      await until(
        () => killed && media.readyRoom(showId) && media.readyRoom(showId) !== room,
        'the room rebuilt on the replacement worker',
      );
      // Its producers died with the worker; the host publishes again on the rebuilt room.
      await host.stop().catch(() => undefined);
      const rebuilt = media.readyRoom(showId)!;
      host = await publishHost(rebuilt);
      const row = await until(
        async () => (await db().showRecording.findFirst({ where: { showId, segmentCount: { gte: 1 } } })) ?? null,
        'a segment recorded on the rebuilt room',
      );
      expect(row.status).toBe('RECORDING');
      expect(await db().showRecording.count({ where: { showId } })).toBe(1);
    } finally {
      await host?.stop();
      await recording.close();
      media.close();
    }
  });

  it('without ffmpeg the show stays live and its recording is FAILED', async () => {
    const showId = seed.otherShowId;
    await db().show.update({ where: { id: showId }, data: { recordingEnabled: true } });
    const media = await MediaService.create(config, createLogger('silent'));
    const recording = attach(media, { ffmpegPath: path.join(dataDir, 'no-ffmpeg-here') });
    let host: FakeHost | undefined;
    try {
      const room = await media.room(showId);
      host = await publishHost(room);
      const row = await until(() => db().showRecording.findFirst({ where: { showId, status: 'FAILED' } }), 'a FAILED recording');
      expect(row.segmentCount).toBe(0);
      expect((await db().show.findUniqueOrThrow({ where: { id: showId } })).status).toBe('LIVE');
      expect(room.isClosed).toBe(false);
    } finally {
      await host?.stop();
      await recording.close();
      media.close();
    }
  });
});
