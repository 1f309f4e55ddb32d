// A page opened with `?hl=<locale>` (the hreflang addresses in our metadata and sitemap, app/_lib/seo.ts)
// renders in that language for this request, without changing the visitor's saved choice: the path has
// no locale in it (app/_i18n/request.ts), and a search engine has no cookie to choose with.
import { NextResponse, type NextRequest } from 'next/server';
import { isLocale, LOCALE_OVERRIDE_HEADER } from '@/app/_i18n/locales';
import { HLS_PATH_HEADER } from '@/app/shows/[showId]/hls-path-header';

export function proxy(request: NextRequest): NextResponse {
  const { searchParams } = request.nextUrl;
  const asked = searchParams.get('hl');
  const headers = new Headers(request.headers);
  // A client could send the header itself: it chooses nothing but the language of its own page.
  if (isLocale(asked)) headers.set(LOCALE_OVERRIDE_HEADER, asked);
  // `?path=hls` starts a show page on its HLS backup outside a deployment (tests): its layout, which prepares
  // the WebRTC watch, has no search parameters and reads this header (app/shows/[showId]/show-gate.ts). Sent by
  // a client itself, it too forces only that client's own page onto HLS, and only outside a deployment.
  if (searchParams.get('path') === 'hls') headers.set(HLS_PATH_HEADER, 'hls');
  return NextResponse.next({ request: { headers } });
}

// Runs only for page requests that carry one of the parameters; every other request skips it.
export const config = {
  matcher: [
    { source: '/((?!_next/|api/).*)', has: [{ type: 'query', key: 'hl' }] },
    { source: '/shows/:showId', has: [{ type: 'query', key: 'path' }] },
  ],
};
