import { BOOT_WATCH_JS } from '../shows/[showId]/boot-watch';

// The show page's boot script (app/shows/[showId]/boot-watch.ts), loaded by a versioned address
// (BOOT_WATCH_SRC): cached for good, since another version has another address.
export function GET(): Response {
  return new Response(BOOT_WATCH_JS, {
    headers: {
      'Content-Type': 'text/javascript; charset=utf-8',
      'Cache-Control': 'public, max-age=31536000, immutable',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
