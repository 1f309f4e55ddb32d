import type { PlayoutClock } from './playout-clock';

/**
 * The HLS path's clock: the program date time of the frame on screen. hls.js gives it as
 * `playingDate` (the segment's EXT-X-PROGRAM-DATE-TIME, which the recorder stamps with the server
 * time of the segment's first frame, plus the playhead's offset into it); Safari's native player
 * gives the playlist's start date plus the playhead. Seeks, stalls and resumes notify listeners.
 */
export function hlsPlayoutClock(video: HTMLVideoElement, programDateMs: () => number | null): PlayoutClock & { dispose(): void } {
  const listeners = new Set<() => void>();
  const notify = () => {
    for (const listener of listeners) listener();
  };
  const events = ['seeked', 'waiting', 'playing', 'pause'] as const;
  for (const event of events) video.addEventListener(event, notify);
  return {
    path: 'hls',
    playoutServerMs: () => (video.readyState >= 2 ? programDateMs() : null),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dispose() {
      for (const event of events) video.removeEventListener(event, notify);
      listeners.clear();
    },
  };
}

/** Safari plays HLS itself: `getStartDate()` is the first segment's program date time. */
export function nativeProgramDateMs(video: HTMLVideoElement & { getStartDate?: () => Date }): number | null {
  const start = video.getStartDate?.().getTime();
  return start === undefined || Number.isNaN(start) ? null : start + video.currentTime * 1000;
}
