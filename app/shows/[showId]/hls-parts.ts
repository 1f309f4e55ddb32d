// The HLS backup path, in one chunk loaded on demand with hls.js: a WebRTC viewer downloads none of it,
// not even the code that drives it (use-hls-playback.ts only imports this and calls `playHls`).
import Hls from 'hls.js';
import type { PlayoutClock } from '../../_lib/playout-clock';
import { hlsPlayoutClock, nativeProgramDateMs } from '../../_lib/hls-playout-clock';

// The playlist exists only once the recorder stored its first segment, a few seconds after the
// host starts sending: until then (and after a network error) the player asks again this often.
const RETRY_MS = 2_000;

/** Plays `src` in `video` until the returned function is called; tells `onClock` the frame's clock. */
export function playHls(video: HTMLVideoElement, src: string, onClock: ((clock: PlayoutClock | null) => void) | undefined): () => void {
  let destroy: (() => void) | null = null;
  let clock: (PlayoutClock & { dispose(): void }) | null = null;
  let retry: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  if (Hls.isSupported()) {
    // No web worker: the page's Content-Security-Policy allows no blob: scripts.
    const hls = new Hls({ enableWorker: false, liveSyncDurationCount: 2, liveMaxLatencyDurationCount: 6 });
    hls.on(Hls.Events.ERROR, (_event, data) => {
      if (!data.fatal || stopped) return;
      clearTimeout(retry);
      if (data.type === Hls.ErrorTypes.MEDIA_ERROR) hls.recoverMediaError();
      else
        retry = setTimeout(() => (data.details === Hls.ErrorDetails.MANIFEST_LOAD_ERROR ? hls.loadSource(src) : hls.startLoad()), RETRY_MS);
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
  return () => {
    stopped = true;
    clearTimeout(retry);
    destroy?.();
    clock?.dispose();
    if (clock) onClock?.(null);
  };
}
