import type { PlayoutClock } from './playout-clock';
import { serverClock, type ServerClock } from './server-clock';

/**
 * The WebRTC path's clock: the frame on screen is (within a few hundred ms) the server's now. Before the
 * page's first clock sample the device's clock may be minutes behind, and a live picture has reached every
 * moment the server announced: until then every moment counts as reached. Its own file: the viewer's first
 * load needs it, the overlay schedule (overlay-schedule.ts) loads with the show channel's wiring.
 */
export function realtimePlayoutClock(clock: ServerClock = serverClock): PlayoutClock {
  return {
    path: 'realtime',
    playoutServerMs: () => (clock.synced ? clock.now() : Number.POSITIVE_INFINITY),
    subscribe: (listener) => clock.subscribe(listener),
  };
}
