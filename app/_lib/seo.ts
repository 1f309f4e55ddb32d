// Addresses as search engines and link previews need them: absolute, canonical, and one per language.
// There is no locale in our paths (app/_i18n/request.ts), so a language's address is the page's own with
// `?hl=<locale>` (proxy.ts turns it into the page's language for that request).
import type { Metadata } from 'next';
import { LOCALES } from '@/app/_i18n/locales';
import { services } from '@/server/services';

export const LANGUAGE_PARAM = 'hl';

export function absoluteUrl(pathOrUrl: string): string {
  return new URL(pathOrUrl, services().env.PUBLIC_URL).toString();
}

/** The canonical address and its language alternates (hreflang), `x-default` being the plain address. */
export function pageAlternates(path: string): NonNullable<Metadata['alternates']> {
  const canonical = absoluteUrl(path);
  return { canonical, languages: languageAlternates(path) };
}

export function languageAlternates(path: string): Record<string, string> {
  const languages: Record<string, string> = { 'x-default': absoluteUrl(path) };
  for (const locale of LOCALES) languages[locale] = absoluteUrl(`${path}?${LANGUAGE_PARAM}=${locale}`);
  return languages;
}

/** Open Graph and Twitter card of a page, its picture made absolute (link previews fetch it from elsewhere). */
export function sharingCards({
  title,
  description,
  path,
  image,
  type = 'website',
}: {
  title: string;
  description: string;
  path: string;
  image: string;
  type?: 'website' | 'video.other';
}): Pick<Metadata, 'openGraph' | 'twitter'> {
  const images = [absoluteUrl(image)];
  return {
    openGraph: { type, title, description, url: absoluteUrl(path), images },
    twitter: { card: 'summary_large_image', title, description, images },
  };
}
