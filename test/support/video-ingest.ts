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

export async function vp8Ingest(router: types.Router, { size = '640x360', kbps = 600 } = {}): Promise<VideoIngest> {
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
      ...['-hide_banner', '-loglevel', 'error', '-nostdin', '-re', '-f', 'lavfi', '-i', `testsrc=size=${size}:rate=30`],
      ...['-c:v', 'libvpx', '-deadline', 'realtime', '-cpu-used', '8', '-b:v', `${kbps}k`, '-g', '30', '-keyint_min', '30'],
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
