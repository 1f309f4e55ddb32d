// Simulcast (issue 16 item 6): a live show pushed to RTMP(S) destinations. This module owns the
// destinations, their sealed stream keys and the push states; server/media/rtmp-out does the pushing.
export { addDestination, listDestinations, pushTargets, removeDestination, setDestinationEnabled, simulcastListener } from './destinations';
export type { DestinationView, PushTarget } from './destinations';
export {
  addDestinationSchema,
  isIngestUrl,
  MAX_DESTINATIONS_PER_SHOW,
  SIMULCAST_PLATFORMS,
  type AddDestinationInput,
  type SimulcastPlatform,
} from './destinations.schema';
export { openSecret, sealSecret, secretsKey } from './secret-box';
export { redactKey, retryDelayMs, STABLE_PUSH_MS, type DestinationStatus, type SimulcastState } from './push-state';
