// `npm run bench:simulcast`: what one RTMP destination costs the server. A 720p30 VP8
// stream (ffmpeg's test pattern, encoded beforehand) enters a mediasoup router; the
// simulcast tap (server/media/rtmp-out) sends it as plain RTP to the encoder, which
// decodes it and pushes H.264 + AAC (silence) in FLV to Debian's nginx-rtmp on this
// machine. For each x264 preset: the encoder process's CPU over BENCH_SECONDS once
// frames flow, the frames it pushed per second, and the mediasoup worker's CPU.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as mediasoup from 'mediasoup';
import { MEDIA_CODECS } from '../server/media/config';
import { openRtpTap, RTMP_VIDEO, startRtmpEncoder } from '../server/media/rtmp-out';
import { startRtmpServer } from '../test/support/rtmp-server';
import { vp8Clip, vp8Ingest } from '../test/support/video-ingest';
import { processUsage, record, table } from './support/harness';
import { emitResult } from './support/results';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const PRESETS = (process.env.BENCH_PRESETS ?? 'ultrafast,superfast,veryfast').split(',');

const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-simulcast-'));
const rtmp = await startRtmpServer(dir);
const worker = await mediasoup.createWorker({ logLevel: 'warn' });
const router = await worker.createRouter({ mediaCodecs: MEDIA_CODECS });
// Encoded beforehand and sent as it is: the input keeps its 30 frames/s even on a busy machine.
const clip = await vp8Clip(path.join(dir, 'clip.webm'), { size: '1280x720', kbps: 2500 });
const ingest = await vp8Ingest(router, { clip });
const rows: (string | number)[][] = [];
const figures: { name: string; value: number; unit: string; params: { preset: string } }[] = [];
try {
  for (const preset of PRESETS) {
    const tap = await openRtpTap(router, [ingest.producer], { ip: '127.0.0.1' });
    const encoder = startRtmpEncoder({
      ffmpegPath: 'ffmpeg',
      sdp: tap.sdp,
      publishUrl: `${rtmp.ingestUrl}/bench-${preset}`,
      hasAudio: false,
      preset,
    });
    let frames = 0;
    encoder.onProgress((p) => (frames = p.frames));
    await tap.resume();
    const started = Date.now();
    while (frames === 0) {
      if (Date.now() - started > 60_000) throw new Error(`no frames from the ${preset} encoder within a minute`);
      tap.requestKeyFrame();
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    // Past the start (probing, the first key frame): the steady state is what a show pays.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    const pid = encoder.process.pid!;
    const [cpu0, worker0, frames0, t0] = [processUsage(pid).cpuSeconds, processUsage(worker.pid).cpuSeconds, frames, Date.now()];
    await new Promise((resolve) => setTimeout(resolve, SECONDS * 1000));
    const seconds = (Date.now() - t0) / 1000;
    const cpu = (processUsage(pid).cpuSeconds - cpu0) / seconds;
    const workerCpu = (processUsage(worker.pid).cpuSeconds - worker0) / seconds;
    const fps = (frames - frames0) / seconds;
    const rss = processUsage(pid).rssMiB;
    encoder.stop();
    await encoder.exited;
    tap.close();
    rows.push([preset, (cpu * 100).toFixed(0), fps.toFixed(1), rss.toFixed(0), (workerCpu * 100).toFixed(1)]);
    figures.push({ name: 'encoder CPU', value: cpu * 100, unit: '% of a core', params: { preset } });
    figures.push({ name: 'encoder frames/s', value: fps, unit: 'frames/s', params: { preset } });
  }
} finally {
  await ingest.stop();
  worker.close();
  await rtmp.stop();
  rmSync(dir, { recursive: true, force: true });
}
const body = [
  table(['x264 preset', 'encoder CPU % of a core', 'frames/s pushed', 'encoder RSS MiB', 'mediasoup worker CPU %'], rows),
  '',
  `Input: 1280×720 at 30 frames/s, VP8 at 2.5 Mbit/s (ffmpeg's moving test pattern, encoded beforehand and sent looping at its own pace, so the input does not depend on the machine's load). Output: H.264 main at ${RTMP_VIDEO.bitrateKbps} kbit/s, ${RTMP_VIDEO.fps} frames/s, a key frame every ${RTMP_VIDEO.keyframeSeconds} s, AAC 128 kbit/s of silence, FLV to nginx-rtmp on this machine. One encoder per destination: N destinations cost N times the encoder column. The app uses \`${RTMP_VIDEO.preset}\`. The clip's sender, nginx and the worker share the same cores; a test pattern is easier to encode than a camera's picture.`,
].join('\n');
const where = record(
  'Simulcast encoder CPU per destination',
  `npm run bench:simulcast (BENCH_SECONDS=${SECONDS}, BENCH_PRESETS=${PRESETS.join(',')})`,
  body,
);
emitResult({ benchmark: 'simulcast-cpu', ...where, figures });
