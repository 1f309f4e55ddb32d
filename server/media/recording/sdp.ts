import type { types } from 'mediasoup';

export interface SdpStream {
  kind: types.MediaKind;
  /** Where ffmpeg listens for RTP; RTCP is on the next port (ffmpeg's default). */
  port: number;
  rtpParameters: types.RtpParameters;
}

/** The SDP ffmpeg reads to receive a consumer's RTP from a PlainTransport. */
export function recordingSdp(streams: readonly SdpStream[]): string {
  const lines = ['v=0', 'o=- 0 0 IN IP4 127.0.0.1', 's=live-commerce recording', 'c=IN IP4 127.0.0.1', 't=0 0'];
  for (const { kind, port, rtpParameters } of streams) {
    const codec = rtpParameters.codecs[0];
    if (!codec) throw new Error(`a ${kind} consumer without a codec`);
    const name = codec.mimeType.split('/')[1]!;
    const channels = codec.channels && codec.channels > 1 ? `/${codec.channels}` : '';
    lines.push(`m=${kind} ${port} RTP/AVP ${codec.payloadType}`);
    lines.push(`a=rtpmap:${codec.payloadType} ${name}/${codec.clockRate}${channels}`);
    lines.push('a=recvonly');
  }
  return lines.join('\r\n') + '\r\n';
}
