import { spawn, type ChildProcess } from 'node:child_process';
import type { types } from 'mediasoup';

// A "host" for recording tests and benchmarks: ffmpeg from Debian encodes a test pattern (VP8,
// frame numbers burnt in by testsrc's counter) and a tone (Opus) and sends them as RTP into
// PlainTransport producers on the show's origin router, as a browser would through WebRTC.

export interface FakeHost {
  producers: types.Producer[];
  ffmpeg: ChildProcess;
  stop(): Promise<void>;
}

export async function startFakeHost(
  router: types.Router,
  { ffmpegPath = 'ffmpeg', withAudio = true, size = '640x360', rate = 25, bitrate = '600k', clip = '' } = {},
): Promise<FakeHost> {
  const transports: types.PlainTransport[] = [];
  const producers: types.Producer[] = [];
  const outputs: string[] = [];
  const open = async (kind: types.MediaKind, ssrc: number, payloadType: number, codec: types.RtpCodecParameters) => {
    const transport = await router.createPlainTransport({ listenIp: { ip: '127.0.0.1' }, rtcpMux: true, comedia: true });
    transports.push(transport);
    producers.push(await transport.produce({ kind, rtpParameters: { codecs: [{ ...codec, payloadType }], encodings: [{ ssrc }] } }));
    return `rtp://127.0.0.1:${transport.tuple.localPort}?pkt_size=1200`;
  };
  const videoUrl = await open('video', 22222222, 101, { mimeType: 'video/VP8', payloadType: 101, clockRate: 90000 });
  // A clip encoded beforehand is sent as it is (benchmarks: the host's encoder then costs nothing here).
  const encode = [
    '-c:v',
    'libvpx',
    '-deadline',
    'realtime',
    '-cpu-used',
    '8',
    '-b:v',
    bitrate,
    '-g',
    String(rate * 2),
    '-auto-alt-ref',
    '0',
  ];
  outputs.push(
    ...['-map', '0:v', ...(clip ? ['-c:v', 'copy'] : encode)],
    ...['-ssrc', '22222222', '-payload_type', '101', '-f', 'rtp', videoUrl],
  );
  if (withAudio) {
    const audioUrl = await open('audio', 11111111, 100, { mimeType: 'audio/opus', payloadType: 100, clockRate: 48000, channels: 2 });
    outputs.push(...['-map', '1:a', '-c:a', 'libopus', '-b:a', '48k', '-ssrc', '11111111', '-payload_type', '100', '-f', 'rtp', audioUrl]);
  }
  const ffmpeg = spawn(
    ffmpegPath,
    [
      ...['-hide_banner', '-loglevel', 'error', '-nostdin', '-re'],
      ...(clip ? ['-stream_loop', '-1', '-re', '-i', clip] : ['-f', 'lavfi', '-i', `testsrc=size=${size}:rate=${rate}`]),
      ...['-re', '-f', 'lavfi', '-i', 'sine=frequency=440:sample_rate=48000'],
      ...outputs,
    ],
    { stdio: 'ignore' },
  );
  await new Promise<void>((resolve, reject) => {
    ffmpeg.once('spawn', resolve);
    ffmpeg.once('error', reject);
  });
  return {
    producers,
    ffmpeg,
    async stop() {
      if (ffmpeg.exitCode === null && ffmpeg.signalCode === null) {
        const exited = new Promise((resolve) => ffmpeg.once('exit', resolve));
        ffmpeg.kill('SIGKILL');
        await exited;
      }
      for (const transport of transports) transport.close();
    },
  };
}
