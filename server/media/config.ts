import type { types } from 'mediasoup';

export interface MediaConfig {
  workers: number;
  listenIp: string;
  announcedIp?: string;
  rtcMinPort: number;
  rtcMaxPort: number;
}

// Opus and VP8 are decoded by every browser we target; VP8 supports simulcast,
// which lets viewers on weak links take a lower layer.
export const MEDIA_CODECS: types.RtpCodecCapability[] = [
  { kind: 'audio', mimeType: 'audio/opus', clockRate: 48000, channels: 2 },
  { kind: 'video', mimeType: 'video/VP8', clockRate: 90000, parameters: { 'x-google-start-bitrate': 1000 } },
];
