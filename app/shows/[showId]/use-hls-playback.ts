'use client';

import { useEffect, type RefObject } from 'react';
import type { PlayoutClock } from '../../_lib/playout-clock';

// The playlist exists only once the recorder stored its first segment, a few seconds after the
// host starts sending: until then (and after a network error) the player asks again this often.
const RETRY_MS = 2_000;

/**
 * Plays the show's HLS (the backup path) in `videoRef`'s element while `src` is set. hls.js is
 * imported here, on demand, so a WebRTC viewer never downloads it.
 */
export function useHlsPlayback(
  videoRef: RefObject<HTMLVideoElement | null>,
  src: string | null,
  onClock: ((clock: PlayoutClock | null) => void) | undefined,
): void {
  useEffect(() => {
    const video = videoRef.current;
    if (!src || !video) return;
    let cancelled = false;
    let destroy: (() => void) | null = null;
    let clock: (PlayoutClock & { dispose(): void }) | null = null;
    let retry: ReturnType<typeof setTimeout> | undefined;
    void import('./hls-parts').then(({ Hls, hlsPlayoutClock, nativeProgramDateMs }) => {
      if (cancelled) return;
      if (Hls.isSupported()) {
        // No web worker: the page's Content-Security-Policy allows no blob: scripts.
        const hls = new Hls({ enableWorker: false, liveSyncDurationCount: 2, liveMaxLatencyDurationCount: 6 });
        hls.on(Hls.Events.ERROR, (_event, data) => {
          if (!data.fatal || cancelled) return;
          clearTimeout(retry);
          if (data.type === Hls.ErrorTypes.MEDIA_ERROR) hls.recoverMediaError();
          else
            retry = setTimeout(
              () => (data.details === Hls.ErrorDetails.MANIFEST_LOAD_ERROR ? hls.loadSource(src) : hls.startLoad()),
              RETRY_MS,
            );
        });
        hls.on(Hls.Events.MANIFEST_PARSED, () => void video.play().catch(() => undefined));
        hls.loadSource(src);
        hls.attachMedia(video);
        destroy = () => hls.destroy();
        clock = hlsPlayoutClock(video, () => hls.playingDate?.getTime() ?? null);
      } else if (video.canPlayType('application/vnd.apple.mpegurl')) {
        video.src = src;
        void video.play().catch(() => undefined);
        destroy = () => {
          video.removeAttribute('src');
          video.load();
        };
        clock = hlsPlayoutClock(video, () => nativeProgramDateMs(video));
      }
      // Kept on the element too, where an e2e spec or a benchmark reads the frame's program date time.
      (video as HTMLVideoElement & { playoutClock?: PlayoutClock | null }).playoutClock = clock;
      onClock?.(clock);
    });
    return () => {
      cancelled = true;
      clearTimeout(retry);
      destroy?.();
      clock?.dispose();
      if (clock) onClock?.(null);
    };
  }, [videoRef, src, onClock]);
}
