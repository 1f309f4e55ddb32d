/**
 * What the viewer's screen shows, in server time (issue 16 item 4).
 *
 * Events tied to what the host says (a pin, a flash deal's start and end, polls, auctions) carry
 * the server time they happened. A viewer applies each one when its own playout reaches that time:
 * a WebRTC viewer at once (its picture is a few hundred ms behind the host), an HLS viewer when the
 * program date time of the frame on screen passes it, a replay when the playhead does. Each video
 * path provides one of these clocks; the overlay scheduler only reads it.
 */
export type PlayoutPath = 'realtime' | 'hls' | 'replay';

export interface PlayoutClock {
  readonly path: PlayoutPath;
  /** Server epoch milliseconds of the frame on screen, or null while nothing plays yet. */
  playoutServerMs(): number | null;
  /** Called when playout jumps (a seek, a stall, a path change), so schedules re-evaluate at once. */
  subscribe(listener: () => void): () => void;
}
