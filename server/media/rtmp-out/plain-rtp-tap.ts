import { createSocket } from 'node:dgram';
import type { types } from 'mediasoup';

// The show's producers sent as plain RTP to a local process that reads an SDP (ffmpeg):
// one PlainTransport per producer (RTCP on its own port, as ffmpeg expects), one paused
// consumer each, and the SDP describing them. Kept free of RTMP so a recorder can use it too.

export interface RtpTap {
  /** An SDP session ffmpeg opens with `-protocol_whitelist file,udp,rtp -i <file>.sdp`. */
  sdp: string;
  kinds: types.MediaKind[];
  /** Resumes the consumers (call once the reader listens); video resumes ask for a key frame. */
  resume(): Promise<void>;
  /** A reader that joined late decodes nothing until the next key frame. */
  requestKeyFrame(): void;
  /** Called once, when a producer or the router goes away under the tap. */
  onLost(listener: (why: string) => void): void;
  close(): void;
}

/** Codecs the reader decodes straight from RTP: no RTX (ffmpeg would take it for the stream) and no header extensions. */
function plainCapabilities(router: types.Router): types.RtpCapabilities {
  const codecs = (router.rtpCapabilities.codecs ?? [])
    .filter((codec) => !codec.mimeType.toLowerCase().endsWith('/rtx'))
    .map((codec) => ({ ...codec, rtcpFeedback: (codec.rtcpFeedback ?? []).filter((fb) => fb.type === 'nack' || fb.type === 'ccm') }));
  return { codecs, headerExtensions: [] };
}

/** An even UDP port whose odd neighbour is free too (RTP and RTCP), on `ip`. Released before returning: the reader binds them. */
export async function freeRtpPortPair(ip: string): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const rtp = createSocket(ip.includes(':') ? 'udp6' : 'udp4');
    const port = await new Promise<number>((resolve, reject) => {
      rtp.once('error', reject);
      rtp.bind(0, ip, () => resolve(rtp.address().port));
    });
    const rtcp = createSocket(ip.includes(':') ? 'udp6' : 'udp4');
    const paired =
      port % 2 === 0 &&
      (await new Promise<boolean>((resolve) => {
        rtcp.once('error', () => resolve(false));
        rtcp.bind(port + 1, ip, () => resolve(true));
      }));
    rtp.close();
    if (paired) rtcp.close();
    if (paired) return port;
  }
  throw new Error('no free RTP/RTCP port pair');
}

function sdpFor(ip: string, media: { kind: types.MediaKind; port: number; rtpParameters: types.RtpParameters }[]): string {
  const family = ip.includes(':') ? 'IP6' : 'IP4';
  const lines = ['v=0', `o=- 0 0 IN ${family} ${ip}`, 's=live-commerce', `c=IN ${family} ${ip}`, 't=0 0'];
  for (const { kind, port, rtpParameters } of media) {
    const codec = rtpParameters.codecs[0]!;
    const [, name] = codec.mimeType.split('/');
    lines.push(`m=${kind} ${port} RTP/AVP ${codec.payloadType}`);
    lines.push(`a=rtpmap:${codec.payloadType} ${name}/${codec.clockRate}${codec.channels ? `/${codec.channels}` : ''}`);
    const fmtp = Object.entries(codec.parameters ?? {}).map(([k, v]) => `${k}=${String(v)}`);
    if (fmtp.length > 0) lines.push(`a=fmtp:${codec.payloadType} ${fmtp.join(';')}`);
    lines.push(`a=rtcp:${port + 1}`, 'a=recvonly');
  }
  return `${lines.join('\r\n')}\r\n`;
}

export async function openRtpTap(router: types.Router, producers: types.Producer[], { ip }: { ip: string }): Promise<RtpTap> {
  const transports: types.PlainTransport[] = [];
  const consumers: types.Consumer[] = [];
  let lost: ((why: string) => void) | undefined;
  let closed = false;
  const close = () => {
    if (closed) return;
    closed = true;
    for (const transport of transports) transport.close();
  };
  const loseOnce = (why: string) => {
    if (closed) return;
    close();
    lost?.(why);
  };
  try {
    const capabilities = plainCapabilities(router);
    const media: { kind: types.MediaKind; port: number; rtpParameters: types.RtpParameters }[] = [];
    // Video first: the reader's first stream is the picture.
    for (const producer of [...producers].sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'video' ? -1 : 1))) {
      const transport = await router.createPlainTransport({ listenIp: { ip }, rtcpMux: false, comedia: false });
      transports.push(transport);
      const port = await freeRtpPortPair(ip);
      await transport.connect({ ip, port, rtcpPort: port + 1 });
      const consumer = await transport.consume({ producerId: producer.id, rtpCapabilities: capabilities, paused: true });
      consumers.push(consumer);
      consumer.on('producerclose', () => loseOnce(`the show's ${producer.kind} stopped`));
      consumer.on('transportclose', () => loseOnce("the show's media room closed"));
      media.push({ kind: producer.kind, port, rtpParameters: consumer.rtpParameters });
    }
    return {
      sdp: sdpFor(ip, media),
      kinds: media.map((m) => m.kind),
      async resume() {
        await Promise.all(consumers.map((consumer) => consumer.resume()));
      },
      requestKeyFrame() {
        for (const consumer of consumers)
          if (consumer.kind === 'video' && !consumer.closed) void consumer.requestKeyFrame().catch(() => undefined);
      },
      onLost(listener) {
        lost = listener;
      },
      close,
    };
  } catch (error) {
    close();
    throw error;
  }
}
