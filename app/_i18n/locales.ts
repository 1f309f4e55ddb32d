// The markets we start in. English is the source language: every other
// dictionary must have exactly its keys (the compiler checks).
export const LOCALES = ['en', 'km', 'lo', 'mn'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en';
export const LOCALE_COOKIE = 'locale';
/** Set by proxy.ts for a page opened with `?hl=<locale>`: that request's language, ahead of the saved choice. */
export const LOCALE_OVERRIDE_HEADER = 'x-lc-locale';

/** Each language named in itself, as a switcher shows it. */
export const LOCALE_NAMES: Record<Locale, string> = { en: 'English', km: 'ខ្មែរ', lo: 'ລາວ', mn: 'Монгол' };

/** The BCP 47 tag for Intl: numbers, currencies and dates the way each market writes them. */
export const INTL_LOCALE: Record<Locale, string> = { en: 'en', km: 'km-KH', lo: 'lo-LA', mn: 'mn-MN' };

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** The best of our locales for an Accept-Language header, by its q-values. */
export function matchAcceptLanguage(header: string | null | undefined): Locale {
  const ranked = (header ?? '')
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = Number(
        params
          .find((p) => p.trim().startsWith('q='))
          ?.trim()
          .slice(2) ?? 1,
      );
      return { lang: tag.toLowerCase().split('-')[0] ?? '', q: Number.isFinite(q) ? q : 0 };
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q);
  return ranked.map((entry) => entry.lang).find(isLocale) ?? DEFAULT_LOCALE;
}
