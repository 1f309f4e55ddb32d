// CPU one recorded show costs (issue 16 item 8): a host sending 720p VP8 + Opus (ffmpeg as a fake
// browser, into PlainTransport producers) to a real mediasoup worker; the recorder (server/media/
// recording: consumers into PlainTransports, ffmpeg VP8 → H.264 ultrafast, Opus → AAC, MPEG-TS
// segments) attached after a baseline. Reported: the recorder's ffmpeg and the worker's extra CPU
// over the same window, in % of one core. The host's own encoder is not counted.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createLogger } from '../server/log';
import { MediaService } from '../server/media/media-service';
import { startFakeHost } from '../server/media/recording/fake-host.test-support';
import { RecordingService } from '../server/media/recording/recording-service';
import type { RecordingLedger } from '../server/media/recording/show-recorder';
import { LocalDiskStore } from '../server/storage/local-disk-store';
import { processUsage, record, table } from './support/harness';
import { emitResult } from './support/results';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const SIZE = process.env.BENCH_RECORD_SIZE ?? '1280x720';
const RATE = 30;

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'bench-recording-'));
const log = createLogger('warn');
let segments = 0;
const ledger: RecordingLedger = {
  open: async (showId) => ({ id: `bench${showId}`, storagePrefix: `recordings/bench${showId}/` }),
  progress: async (_id, p) => void (segments = p.segmentCount),
  finish: async () => 'READY',
  fail: async () => undefined,
  showEnded: async () => true,
};

const cpuOver = async (pids: number[], seconds: number) => {
  const before = pids.map((pid) => processUsage(pid).cpuSeconds);
  const started = process.hrtime.bigint();
  await new Promise((r) => setTimeout(r, seconds * 1000));
  const elapsed = Number(process.hrtime.bigint() - started) / 1e9;
  return pids.map((pid, i) => ((processUsage(pid).cpuSeconds - before[i]!) / elapsed) * 100);
};

const media = await MediaService.create(
  { workers: 1, listenIp: '127.0.0.1', rtcMinPort: 47000, rtcMaxPort: 47999, webRtcPort: 0, transportConnectTimeoutMs: 20_000 },
  log,
);
let baselineWorker = NaN;
let recorderCpu = NaN;
let recordingWorker = NaN;
let recordedFps = NaN;
try {
  const room = await media.room('bench');
  // Encoded once beforehand and sent as it is: on a loaded machine a live libvpx encode of 720p could
  // not keep 30 fps, and the recorder would be measured on the few frames it got.
  const clip = path.join(dataDir, 'host.webm');
  execFileSync('ffmpeg', [
    ...['-v', 'error', '-f', 'lavfi', '-i', `testsrc2=size=${SIZE}:rate=${RATE}`, '-t', '12'],
    ...['-c:v', 'libvpx', '-deadline', 'realtime', '-cpu-used', '8', '-b:v', '1500k', '-g', String(RATE * 2), '-auto-alt-ref', '0', clip],
  ]);
  const host = await startFakeHost(room.originRouter, { clip });
  for (const producer of host.producers) room.publish('bench-host', producer);
  const workerPid = room.worker.pid;
  // Baseline: the host's stream reaches the worker, nothing consumes it.
  await new Promise((r) => setTimeout(r, 3_000));
  [baselineWorker] = (await cpuOver([workerPid], SECONDS)) as [number];

  const recording = RecordingService.attach(media, {
    store: new LocalDiskStore(dataDir),
    ledger,
    ffmpegPath: 'ffmpeg',
    workRoot: path.join(dataDir, 'work'),
    log,
  });
  const deadline = Date.now() + 60_000;
  while (segments < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
  const ffmpegPid = recording.recorderOf('bench')?.recording?.pid;
  if (!ffmpegPid || segments < 2) throw new Error('the recorder did not start');
  [recorderCpu, recordingWorker] = (await cpuOver([ffmpegPid, workerPid], SECONDS)) as [number, number];
  await recording.close();
  await host.stop();
  // What the recorder really got: on a loaded machine the fake host may send fewer frames than asked.
  const folder = path.join(dataDir, 'uploads', 'recordings', 'benchbench');
  let frames = 0;
  let seconds = 0;
  for (const file of readdirSync(folder).filter((f) => f.endsWith('.ts'))) {
    const out = execFileSync(
      'ffprobe',
      [
        '-v',
        'error',
        '-count_frames',
        '-select_streams',
        'v:0',
        '-show_entries',
        'stream=nb_read_frames:format=duration',
        '-of',
        'json',
        path.join(folder, file),
      ],
      { encoding: 'utf8' },
    );
    const parsed = JSON.parse(out) as { streams: { nb_read_frames?: string }[]; format: { duration?: string } };
    frames += Number(parsed.streams[0]?.nb_read_frames ?? 0);
    seconds += Number(parsed.format.duration ?? 0);
  }
  recordedFps = seconds > 0 ? frames / seconds : NaN;
} finally {
  media.close();
  rmSync(dataDir, { recursive: true, force: true });
}

const workerDelta = recordingWorker - baselineWorker;
const perShow = recorderCpu + Math.max(0, workerDelta);
const where = record(
  'CPU per recorded show',
  'npm run bench:recording',
  `${table(
    ['measure', '% of one core'],
    [
      ['recorder ffmpeg (VP8 → H.264 ultrafast, Opus → AAC, 2 s MPEG-TS segments)', recorderCpu.toFixed(1)],
      ['mediasoup worker without the recording (host stream only)', baselineWorker.toFixed(1)],
      ['mediasoup worker while recording', recordingWorker.toFixed(1)],
      ['CPU per recorded show (ffmpeg + worker delta)', perShow.toFixed(1)],
    ],
  )}\n\n${table(
    ['frames the recording holds', 'per second'],
    [[`${SIZE}, asked for ${RATE}`, recordedFps.toFixed(1)]],
  )}\n\nThe host is ffmpeg sending a ${SIZE} ${RATE} fps VP8 clip (1.5 Mbit/s, encoded beforehand) and live Opus into the worker; its own work is not counted. Each figure is the CPU time over ${SECONDS} s of wall time on this 2-core machine.`,
);
emitResult({
  benchmark: 'recording-cpu',
  ...where,
  figures: [
    { name: 'CPU per recorded show', value: perShow, unit: '% of a core', params: { size: SIZE } },
    { name: 'recorder ffmpeg CPU', value: recorderCpu, unit: '% of a core', params: { size: SIZE } },
    { name: 'worker CPU delta', value: workerDelta, unit: '% of a core', params: { size: SIZE } },
    { name: 'recorded frames per second', value: recordedFps, unit: 'fps', params: { size: SIZE } },
  ],
});
process.exit(0);
