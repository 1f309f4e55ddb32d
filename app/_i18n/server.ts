import { cookies, headers } from 'next/headers';
import { INTL_LOCALE, isLocale, LOCALE_COOKIE, matchAcceptLanguage, type Locale } from './locales';
import { MESSAGES } from './messages';
import { createTranslator, type Translate } from './translate';

/** The visitor's language: their saved choice, else what their browser asks for. */
export async function getLocale(): Promise<Locale> {
  const chosen = (await cookies()).get(LOCALE_COOKIE)?.value;
  if (isLocale(chosen)) return chosen;
  return matchAcceptLanguage((await headers()).get('accept-language'));
}

export interface ServerI18n {
  locale: Locale;
  /** The tag for Intl formatting (numbers, prices, dates). */
  intl: string;
  t: Translate;
}

/** For server components and actions: `const { t } = await getI18n()`. */
export async function getI18n(): Promise<ServerI18n> {
  const locale = await getLocale();
  return { locale, intl: INTL_LOCALE[locale], t: createTranslator(locale, MESSAGES[locale]) };
}
