// The language a person uses the site in, kept on the account so that emails
// (sent later, without a page or a cookie) go out in it. Set from the page
// language at sign-up, when the language switcher is used, and whenever a
// signed-in show page connects (which is where people buy).
import { matchAcceptLanguage } from '../../../app/_i18n/locales';
import { EMAIL_LOCALES } from '../../mail/i18n';
import type { Db } from '../context';

export function isSupportedLocale(value: unknown): value is (typeof EMAIL_LOCALES)[number] {
  return typeof value === 'string' && (EMAIL_LOCALES as readonly string[]).includes(value);
}

/** Stores the locale when it is one of ours and differs; anything else is ignored (a stale or forged cookie). */
export async function rememberLocale(db: Db, userId: string, locale: string | null | undefined): Promise<void> {
  if (!isSupportedLocale(locale)) return;
  // "locale <> x" is not true for NULL, hence the explicit null case; no write when nothing changes.
  await db.user.updateMany({ where: { id: userId, OR: [{ locale: null }, { locale: { not: locale } }] }, data: { locale } });
}

/** The `locale` cookie's value in a Cookie header (the pages' LOCALE_COOKIE). */
export function localeOfCookieHeader(header: string | undefined): string | null {
  for (const part of (header ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === 'locale') return value.join('=');
  }
  return null;
}

/** The language a page is rendered in, as the pages choose it: the cookie, else Accept-Language (app/_i18n/server.ts). */
export function pageLocaleOfHandshake(cookieHeader: string | undefined, acceptLanguage: string | undefined): string {
  const chosen = localeOfCookieHeader(cookieHeader);
  return isSupportedLocale(chosen) ? chosen : matchAcceptLanguage(acceptLanguage);
}
