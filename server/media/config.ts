import type { types } from 'mediasoup';
import type { TurnConfig } from './turn';

export interface MediaConfig {
  workers: number;
  listenIp: string;
  announcedIp?: string;
  rtcMinPort: number;
  rtcMaxPort: number;
  /**
   * Every worker serves all its WebRTC transports on one UDP and one TCP port
   * (mediasoup's WebRtcServer): worker slot i listens on webRtcPort + i. 0 lets
   * each worker pick a free port in its slice of the RTC range (tests, side-by-side checkouts).
   */
  webRtcPort: number;
  /** A transport whose browser has not completed DTLS within this time is closed. */
  transportConnectTimeoutMs: number;
  /** Handed to browsers with every transport, for viewers behind NATs that let no UDP through. */
  turn?: TurnConfig;
}

// Opus and VP8 are decoded by every browser we target; VP8 supports simulcast,
// which lets viewers on weak links take a lower layer.
export const MEDIA_CODECS: types.RtpCodecCapability[] = [
  { kind: 'audio', mimeType: 'audio/opus', clockRate: 48000, channels: 2 },
  { kind: 'video', mimeType: 'video/VP8', clockRate: 90000, parameters: { 'x-google-start-bitrate': 1000 } },
];
