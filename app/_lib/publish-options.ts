import type { Device } from 'mediasoup-client';
import type { ProducerOptions, RtpEncodingParameters } from 'mediasoup-client/types';

/**
 * Three simulcast layers of the camera: a quarter, half and full size (for a
 * 720p camera 320, 640 and 1280 pixels wide). mediasoup forwards each viewer the
 * layer its link and screen can take; the lowest is what a new viewer starts on.
 * Three temporal layers each let the server also drop frame rate before size.
 */
const SIMULCAST: readonly RtpEncodingParameters[] = [
  { rid: 'r0', scaleResolutionDownBy: 4, maxBitrate: 150_000 },
  { rid: 'r1', scaleResolutionDownBy: 2, maxBitrate: 500_000 },
  { rid: 'r2', scaleResolutionDownBy: 1, maxBitrate: 1_500_000 },
];
const TEMPORAL_LAYERS = 'L1T3';

/**
 * Whether this browser says it can encode VP8 with three temporal layers.
 * Chromium lists its scalability modes; where a browser lists none we leave the
 * mode out and it picks its own (mediasoup-client then assumes L1T3 for Chromium).
 */
function supportsTemporalLayers(): boolean {
  const codecs = typeof RTCRtpSender !== 'undefined' ? (RTCRtpSender.getCapabilities?.('video')?.codecs ?? []) : [];
  return codecs.some(
    (codec) =>
      codec.mimeType.toLowerCase() === 'video/vp8' &&
      (codec as { scalabilityModes?: string[] }).scalabilityModes?.includes(TEMPORAL_LAYERS),
  );
}

export function videoProducerOptions(device: Device, track: MediaStreamTrack): ProducerOptions {
  // VP8 is the codec whose simulcast every browser and mediasoup agree on.
  const vp8 = device.rtpCapabilities.codecs?.find((codec) => codec.mimeType.toLowerCase() === 'video/vp8');
  const temporal = supportsTemporalLayers() ? { scalabilityMode: TEMPORAL_LAYERS } : {};
  return {
    track,
    ...(vp8 && { codec: vp8 }),
    // mediasoup-client writes into the encodings; each producer gets its own copies.
    encodings: SIMULCAST.map((encoding) => ({ ...encoding, ...temporal })),
    codecOptions: { videoGoogleStartBitrate: 1000 },
    // The studio owns its camera: its preview keeps running, and a republish after
    // a reconnect reuses the same tracks.
    stopTracks: false,
  };
}

export function audioProducerOptions(track: MediaStreamTrack): ProducerOptions {
  return {
    track,
    // In-band FEC hides lost packets on weak links; DTX sends almost nothing while the host is silent.
    codecOptions: { opusFec: true, opusDtx: true },
    stopTracks: false,
  };
}
