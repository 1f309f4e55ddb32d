// A page opened with `?hl=<locale>` (the hreflang addresses in our metadata and sitemap, app/_lib/seo.ts)
// renders in that language for this request, without changing the visitor's saved choice: the path has
// no locale in it (app/_i18n/request.ts), and a search engine has no cookie to choose with.
import { NextResponse, type NextRequest } from 'next/server';
import { isLocale, LOCALE_OVERRIDE_HEADER } from '@/app/_i18n/locales';

export function proxy(request: NextRequest): NextResponse {
  const asked = request.nextUrl.searchParams.get('hl');
  const headers = new Headers(request.headers);
  // A client could send the header itself: it chooses nothing but the language of its own page.
  if (isLocale(asked)) headers.set(LOCALE_OVERRIDE_HEADER, asked);
  return NextResponse.next({ request: { headers } });
}

// Runs only for page requests that carry the parameter; every other request skips it.
export const config = {
  matcher: [{ source: '/((?!_next/|api/).*)', has: [{ type: 'query', key: 'hl' }] }],
};
