// A host's picture without a browser: ffmpeg encodes a test pattern to VP8 and sends it as
// RTP to a PlainTransport producer on the show's origin router. A key frame every second,
// since nothing here answers the key frame requests of those who consume it.
import { spawn, type ChildProcess } from 'node:child_process';
import type { types } from 'mediasoup';
import { stopChild } from '../../deploy/local/process';

const PAYLOAD_TYPE = 101;
const SSRC = 22_222_222;

export interface VideoIngest {
  producer: types.Producer;
  stop(): Promise<void>;
}

/**
 * `clip`: a VP8 file (see `vp8Clip`) sent as it is, looping, at its own pace: the stream arrives at full
 * rate however busy the machine is, which a live encode cannot promise (the benchmark needs it).
 */
export async function vp8Ingest(
  router: types.Router,
  { size = '640x360', kbps = 600, clip }: { size?: string; kbps?: number; clip?: string } = {},
): Promise<VideoIngest> {
  const transport = await router.createPlainTransport({ listenIp: { ip: '127.0.0.1' }, rtcpMux: false, comedia: true });
  const producer = await transport.produce({
    kind: 'video',
    rtpParameters: { codecs: [{ mimeType: 'video/VP8', payloadType: PAYLOAD_TYPE, clockRate: 90000 }], encodings: [{ ssrc: SSRC }] },
  });
  const rtpPort = transport.tuple.localPort;
  const rtcpPort = transport.rtcpTuple!.localPort;
  const ffmpeg: ChildProcess = spawn(
    'ffmpeg',
    [
      ...['-hide_banner', '-loglevel', 'error', '-nostdin', '-re'],
      ...(clip
        ? ['-stream_loop', '-1', '-i', clip, '-c:v', 'copy']
        : ['-f', 'lavfi', '-i', `testsrc=size=${size}:rate=30`, ...vp8Encoding(kbps)]),
      ...[
        '-payload_type',
        String(PAYLOAD_TYPE),
        '-ssrc',
        String(SSRC),
        '-f',
        'rtp',
        `rtp://127.0.0.1:${rtpPort}?rtcpport=${rtcpPort}&pkt_size=1200`,
      ],
    ],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  return {
    producer,
    async stop() {
      await stopChild(ffmpeg);
      transport.close();
    },
  };
}

function vp8Encoding(kbps: number): string[] {
  return ['-c:v', 'libvpx', '-deadline', 'realtime', '-cpu-used', '8', '-b:v', `${kbps}k`, '-g', '30', '-keyint_min', '30'];
}

/** Encodes `seconds` of ffmpeg's moving test pattern to a VP8 WebM file once, not in real time. */
export async function vp8Clip(file: string, { size = '1280x720', kbps = 2500, seconds = 10 } = {}): Promise<string> {
  const child = spawn(
    'ffmpeg',
    [
      '-hide_banner',
      '-loglevel',
      'error',
      '-nostdin',
      '-y',
      '-f',
      'lavfi',
      '-i',
      `testsrc2=size=${size}:rate=30`,
      '-t',
      String(seconds),
      ...vp8Encoding(kbps),
      file,
    ],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
  if (code !== 0) throw new Error(`ffmpeg could not make the clip ${file} (exit ${String(code)})`);
  return file;
}
