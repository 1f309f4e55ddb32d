'use client';

import { startEarlyWatch } from './early-watch';

// Loaded by instrumentation-client.ts on a show page, before React hydrates.
// The server renders a live show's router capabilities on its <video> element
// (data-watch); from them the receive side starts at once, so the socket, the
// one media:watch round trip, ICE and DTLS overlap the page's own JavaScript,
// and the stream reaches that same element before hydration adopts it.
const SELECTOR = 'video[data-watch]';

function boot(): boolean {
  const video = document.querySelector<HTMLVideoElement>(SELECTOR);
  const raw = video?.dataset.watch;
  if (!video || !raw) return false;
  const { showId, routerRtpCapabilities } = JSON.parse(raw) as { showId: string; routerRtpCapabilities: unknown };
  performance.mark('lc:boot');
  startEarlyWatch(showId, routerRtpCapabilities, (stream) => {
    // Hydration keeps this element; React sets nothing on srcObject, so nothing mismatches.
    if (video.isConnected && !video.srcObject) video.srcObject = stream;
  });
  return true;
}

// The hook can run before the parser reached the player (the page streams in after its shell).
if (!boot() && document.readyState === 'loading') document.addEventListener('DOMContentLoaded', () => void boot(), { once: true });
