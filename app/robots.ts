import type { MetadataRoute } from 'next';
import { absoluteUrl } from './_lib/seo';

// Read per request: the addresses come from PUBLIC_URL, which the build does not know.
export const dynamic = 'force-dynamic';

/** Public pages may be crawled; accounts, studios, dashboards, the API and sign-in flows may not. */
export default function robots(): MetadataRoute.Robots {
  return {
    rules: [
      {
        userAgent: '*',
        allow: '/',
        disallow: ['/account', '/api/', '/dashboard', '/embed/', '/invites/', '/mailbox', '/signin', '/signup', '/studio', '/unsubscribe'],
      },
    ],
    sitemap: absoluteUrl('/sitemap.xml'),
  };
}
