import { spawn, type ChildProcess } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { types } from 'mediasoup';
import type { Logger } from 'pino';
import { parseSegmentListLine } from './hls-playlist';
import { firstPts, startFromPts } from './ts-timestamps';
import { recordingSdp, type SdpStream } from './sdp';
import { freeUdpPortPair } from './udp-ports';

/** A finished segment file on local disk, with the wall-clock time of its first frame. */
export interface LocalSegment {
  file: string;
  path: string;
  startMs: number;
  durationS: number;
}

export const SEGMENT_SECONDS = 2;
const LIST_POLL_MS = 400;
const STOP_GRACE_MS = 8_000;
// ffmpeg can only start decoding VP8 at a key frame, and the one asked for at resume may arrive
// before it listens: ask again a few times while it starts.
const KEY_FRAME_REQUESTS_MS = [300, 1_000, 2_500, 5_000];

/**
 * ffmpeg's arguments: RTP in through the SDP, stamped with the wall clock as it arrives (so a
 * segment's start is the server time of its first frame, which overlays compare with event times),
 * VP8 to H.264 (no HLS player takes VP8) with a key frame every SEGMENT_SECONDS, Opus to AAC,
 * MPEG-TS segments and a CSV list of their start and end times.
 */
export function ffmpegArguments(sdpFile: string, workDir: string, hasAudio: boolean): string[] {
  return [
    ...['-hide_banner', '-loglevel', 'error', '-nostdin', '-y'],
    ...['-protocol_whitelist', 'file,udp,rtp', '-use_wallclock_as_timestamps', '1', '-fflags', '+genpts'],
    ...['-analyzeduration', '1000000', '-probesize', '500000', '-reorder_queue_size', '64'],
    ...['-f', 'sdp', '-i', sdpFile],
    ...['-map', '0:v:0', ...(hasAudio ? ['-map', '0:a:0'] : [])],
    ...['-c:v', 'libx264', '-preset', 'ultrafast', '-tune', 'zerolatency', '-pix_fmt', 'yuv420p', '-threads', '2'],
    ...['-vf', "scale=-2:'min(720,ih)'", '-fps_mode', 'vfr'],
    ...['-force_key_frames', `expr:if(isnan(prev_forced_t),1,gte(t,prev_forced_t+${SEGMENT_SECONDS}))`],
    ...(hasAudio ? ['-c:a', 'aac', '-b:a', '96k', '-ar', '48000', '-af', 'aresample=async=1000'] : []),
    ...['-copyts', '-muxdelay', '0', '-muxpreload', '0'],
    ...['-f', 'segment', '-segment_format', 'mpegts', '-segment_time', String(SEGMENT_SECONDS), '-reset_timestamps', '0'],
    ...['-segment_list', path.join(workDir, 'list.csv'), '-segment_list_type', 'csv'],
    path.join(workDir, 'seg-%05d.ts'),
  ];
}

interface SessionEvents {
  segment: [LocalSegment];
  /** ffmpeg exited (asked to, or on its own). */
  exit: [{ code: number | null; stopped: boolean }];
}

/**
 * One run of ffmpeg over the host's current producers: a consumer of each (video on its best
 * layer) into a PlainTransport per kind, ffmpeg listening on the ports the SDP names. A new
 * producer set (host republished, worker restarted) is a new session; the recorder marks the gap.
 */
export class RecordingSession extends EventEmitter<SessionEvents> {
  private listed = 0;
  private polling: NodeJS.Timeout | undefined;
  private polled: Promise<void> = Promise.resolve();
  private exited: Promise<void>;
  private stopped = false;
  private readonly timers: NodeJS.Timeout[] = [];

  private constructor(
    private readonly child: ChildProcess,
    private readonly transports: types.PlainTransport[],
    readonly consumers: types.Consumer[],
    readonly workDir: string,
    private readonly log: Logger,
  ) {
    super();
    this.exited = new Promise((resolve) => {
      child.once('exit', (code) => {
        for (const transport of this.transports) transport.close();
        for (const timer of this.timers) clearTimeout(timer);
        clearInterval(this.polling);
        this.polled = this.polled.then(() => this.pollList());
        void this.polled.then(() => {
          this.emit('exit', { code, stopped: this.stopped });
          resolve();
        });
      });
    });
  }

  static async start(
    router: types.Router,
    producers: types.Producer[],
    { workDir, ffmpegPath, log }: { workDir: string; ffmpegPath: string; log: Logger },
  ): Promise<RecordingSession> {
    await mkdir(workDir, { recursive: true });
    const transports: types.PlainTransport[] = [];
    const consumers: types.Consumer[] = [];
    const streams: SdpStream[] = [];
    let child: ChildProcess | undefined;
    try {
      // Video first: ffmpeg's first output stream is the one segments are cut on.
      for (const producer of [...producers].sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'video' ? -1 : 1))) {
        const port = await freeUdpPortPair();
        const transport = await router.createPlainTransport({ listenIp: { ip: '127.0.0.1' }, rtcpMux: false, comedia: false });
        transports.push(transport);
        await transport.connect({ ip: '127.0.0.1', port, rtcpPort: port + 1 });
        const consumer = await transport.consume({ producerId: producer.id, rtpCapabilities: router.rtpCapabilities, paused: true });
        consumers.push(consumer);
        streams.push({ kind: producer.kind, port, rtpParameters: consumer.rtpParameters });
      }
      const sdpFile = path.join(workDir, 'input.sdp');
      await writeFile(sdpFile, recordingSdp(streams));
      child = spawn(
        ffmpegPath,
        ffmpegArguments(
          sdpFile,
          workDir,
          streams.some((s) => s.kind === 'audio'),
        ),
        {
          stdio: ['ignore', 'ignore', 'pipe'],
        },
      );
      const session = new RecordingSession(child, transports, consumers, workDir, log);
      const started = child;
      await new Promise<void>((resolve, reject) => {
        started.once('spawn', resolve);
        started.once('error', reject);
      });
      started.stderr?.setEncoding('utf8');
      started.stderr?.on('data', (text: string) => log.debug({ ffmpeg: text.trim().slice(0, 500) }, 'ffmpeg says'));
      await session.begin();
      return session;
    } catch (error) {
      // A session that fails after ffmpeg started (its router closing at shutdown, a worker dying) takes ffmpeg
      // down with it: nobody else holds it, and it would wait for RTP, encoding nothing, long after the process.
      child?.kill('SIGKILL');
      for (const transport of transports) transport.close();
      throw error;
    }
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  private async begin(): Promise<void> {
    for (const consumer of this.consumers) {
      // The best layer the host sends: the recording is what a viewer on a good link sees.
      if (consumer.type === 'simulcast' || consumer.type === 'svc')
        await consumer.setPreferredLayers({ spatialLayer: 10, temporalLayer: 10 });
      await consumer.resume();
    }
    for (const delay of KEY_FRAME_REQUESTS_MS)
      this.timers.push(
        setTimeout(() => {
          for (const consumer of this.consumers)
            if (consumer.kind === 'video' && !consumer.closed) consumer.requestKeyFrame().catch(() => undefined);
        }, delay),
      );
    this.polling = setInterval(() => {
      this.polled = this.polled.then(() => this.pollList());
    }, LIST_POLL_MS);
  }

  /** Stops ffmpeg so it closes its last segment; resolves once every segment was announced. */
  async stop(): Promise<void> {
    if (!this.stopped && this.child.exitCode === null && this.child.signalCode === null) {
      this.stopped = true;
      this.child.kill('SIGINT');
      const killer = setTimeout(() => this.child.kill('SIGKILL'), STOP_GRACE_MS);
      await this.exited;
      clearTimeout(killer);
    }
    await this.exited;
  }

  private async pollList(): Promise<void> {
    let text: string;
    try {
      text = await readFile(path.join(this.workDir, 'list.csv'), 'utf8');
    } catch {
      return;
    }
    // Only whole lines: ffmpeg may be writing the last one.
    const lines = text
      .split('\n')
      .slice(0, -1)
      .filter((line) => line.trim() !== '');
    for (; this.listed < lines.length; this.listed++) {
      const entry = parseSegmentListLine(lines[this.listed]!);
      if (!entry) {
        this.log.warn({ line: lines[this.listed] }, 'unreadable line in the segment list');
        continue;
      }
      const file = path.join(this.workDir, entry.file);
      // ffmpeg lists the first segment as starting at 0: its start is read from its first PTS.
      let startS = entry.startS;
      if (startS < entry.endS - 3600) {
        const pts = firstPts(await readFile(file).catch(() => new Uint8Array()));
        if (pts === null) continue;
        startS = startFromPts(pts, entry.endS);
      }
      this.emit('segment', { file: entry.file, path: file, startMs: Math.round(startS * 1000), durationS: entry.endS - startS });
    }
  }
}
