import { parseScalabilityMode, type types } from 'mediasoup';

/**
 * A new viewer starts on the lowest spatial layer: it is the first to get a key
 * frame and the cheapest to carry, so the picture appears fast even on a weak
 * link. The viewer asks for more once it sees its link and screen can take it.
 * The temporal layer is left out so mediasoup picks the highest (full frame rate).
 */
export const INITIAL_PREFERRED_LAYERS: types.ConsumerLayers = { spatialLayer: 0 };

/**
 * mediasoup forwards a viewer's key frame request (PLI/FIR) to the host at most
 * once per this delay per producer. Without it, every join, resume and layer
 * switch in a big audience would make the host's encoder send a key frame.
 */
export const KEY_FRAME_REQUEST_DELAY_MS = 1000;

export interface ConsumerLayerInfo {
  /** Spatial layers the consumer can be switched between (1 without simulcast). */
  spatialLayers: number;
  temporalLayers: number;
  /** What the viewer currently asks for; null for a consumer without layers (audio). */
  preferred: types.ConsumerLayers | null;
}

export function consumerLayerInfo(consumer: types.Consumer): ConsumerLayerInfo {
  // For simulcast mediasoup writes the stream count into the consumer's scalability
  // mode (three L1T3 encodings become "L3T3"), so one parse covers both cases.
  const { spatialLayers, temporalLayers } = parseScalabilityMode(consumer.rtpParameters.encodings?.[0]?.scalabilityMode);
  return { spatialLayers, temporalLayers, preferred: consumer.preferredLayers ?? null };
}

/** Whether it makes sense to ask this consumer for layers at all. */
export function hasLayers(consumer: types.Consumer): boolean {
  return consumer.type === 'simulcast' || consumer.type === 'svc';
}
