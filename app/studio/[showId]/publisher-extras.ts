import type { Publisher } from '../../_lib/media-client';
import type { TrackKind } from './use-capture-devices';

// Publisher is growing (simulcast, track replacement, stats) in another branch
// of work. These read the optional methods at run time so the studio uses them
// as soon as they exist and falls back gracefully until then.

type ReplaceTrack = (kind: TrackKind, track: MediaStreamTrack) => Promise<void>;
type GetStats = () => Promise<RTCStatsReport>;

function method(publisher: Publisher, name: string): ((...args: unknown[]) => unknown) | null {
  const candidate: unknown = Reflect.get(publisher, name);
  return typeof candidate === 'function' ? (...args: unknown[]) => Reflect.apply(candidate, publisher, args) : null;
}

/** `publisher.replaceTrack(kind, track)` if it exists: switches a device without viewers losing the stream. */
export function replaceTrackOf(publisher: Publisher): ReplaceTrack | null {
  const replace = method(publisher, 'replaceTrack');
  return replace && (async (kind, track) => void (await replace(kind, track)));
}

/** `publisher.getStats()` (the send transport's RTCStatsReport) if it exists. */
export function getStatsOf(publisher: Publisher): GetStats | null {
  const getStats = method(publisher, 'getStats');
  return getStats && (async () => (await getStats()) as RTCStatsReport);
}
