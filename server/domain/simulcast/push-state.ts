/**
 * Where a destination's push stands. idle: not pushing (show not live, or turned off);
 * connecting: the encoder is starting or the ingest has not taken a byte yet; live:
 * the ingest is receiving; failed: the push stopped with `error`, and is retried at
 * `retryAt` while the show is live.
 */
export type SimulcastState = 'idle' | 'connecting' | 'live' | 'failed';

export interface DestinationStatus {
  destinationId: string;
  state: SimulcastState;
  /** The encoder's own words for the last failure (no stream key in it), or null. */
  error: string | null;
  /** When the next attempt starts (ISO), while failed and the show is live. */
  retryAt: string | null;
}

const FIRST_RETRY_MS = 2_000;
const MAX_RETRY_MS = 60_000;
/** A push that stayed live this long starts its backoff again from the first step. */
export const STABLE_PUSH_MS = 30_000;

/** Exponential backoff: 2 s, 4 s, 8 s … at most a minute; platforms ban ingests that hammer them. */
export function retryDelayMs(failuresInARow: number): number {
  return Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.max(0, failuresInARow - 1));
}

/** Takes the stream key out of whatever an encoder printed (ffmpeg echoes the output URL in its errors). */
export function redactKey(message: string, streamKey: string): string {
  const cut = message.split(streamKey).join('••••').trim();
  return cut.length > 300 ? `${cut.slice(0, 297)}…` : cut;
}
