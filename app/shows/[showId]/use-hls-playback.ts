'use client';

import { useEffect, type RefObject } from 'react';
import type { PlayoutClock } from '../../_lib/playout-clock';

/**
 * Plays the show's HLS (the backup path) in `videoRef`'s element while `src` is set. hls.js and the
 * code that drives it (hls-parts.ts) are imported here, on demand, so a WebRTC viewer never downloads them.
 */
export function useHlsPlayback(
  videoRef: RefObject<HTMLVideoElement | null>,
  src: string | null,
  onClock: ((clock: PlayoutClock | null) => void) | undefined,
): void {
  useEffect(() => {
    const video = videoRef.current;
    if (!src || !video) return;
    let stop: (() => void) | undefined;
    let cancelled = false;
    void import('./hls-parts').then(({ playHls }) => {
      if (!cancelled) stop = playHls(video, src, onClock);
    });
    return () => {
      cancelled = true;
      stop?.();
    };
  }, [videoRef, src, onClock]);
}
