import { cookies, headers } from 'next/headers';
import { getFormatter, getMessages, getTranslations } from 'next-intl/server';
import { INTL_LOCALE, isLocale, LOCALE_COOKIE, LOCALE_OVERRIDE_HEADER, matchAcceptLanguage, type Locale } from './locales';
import { formatsFrom, type Formats } from './format';
import { lookupMessage, translatorFrom, type IntlTranslator, type Translate } from './translate';

/** The visitor's language: the page's `?hl=` (proxy.ts), else their saved choice, else what their browser asks for. */
export async function getLocale(): Promise<Locale> {
  const requestHeaders = await headers();
  const linked = requestHeaders.get(LOCALE_OVERRIDE_HEADER);
  if (isLocale(linked)) return linked;
  const chosen = (await cookies()).get(LOCALE_COOKIE)?.value;
  if (isLocale(chosen)) return chosen;
  return matchAcceptLanguage(requestHeaders.get('accept-language'));
}

export interface ServerI18n {
  locale: Locale;
  /** The tag for Intl formatting (numbers, prices, dates). */
  intl: string;
  t: Translate;
  /** Numbers, money and dates in the visitor's language (app/_i18n/format.ts). */
  format: Formats;
}

/** For server components and actions: `const { t } = await getI18n()` (next-intl's getTranslations underneath). */
export async function getI18n(): Promise<ServerI18n> {
  const locale = await getLocale();
  const [t, formatter, messages] = await Promise.all([getTranslations({ locale }), getFormatter({ locale }), getMessages({ locale })]);
  return {
    locale,
    intl: INTL_LOCALE[locale],
    t: translatorFrom(t as unknown as IntlTranslator, formatter, (key) => lookupMessage(messages, key)),
    format: formatsFrom(formatter, locale),
  };
}
