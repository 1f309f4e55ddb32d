import type { MetadataRoute } from 'next';
import { sitemapEntries } from '@/server/domain/seo';
import { services } from '@/server/services';
import { absoluteUrl, languageAlternates } from './_lib/seo';

// Read per request: shows go live and end all day, and the addresses come from PUBLIC_URL.
export const dynamic = 'force-dynamic';

/** Public shows, replays, brands, hosts and products, each with its four language addresses (hreflang). */
export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const entries = await sitemapEntries(services().db);
  return entries.map(({ path, lastModified }) => ({
    url: absoluteUrl(path),
    ...(lastModified && { lastModified }),
    alternates: { languages: languageAlternates(path) },
  }));
}
