'use client';

import { NextIntlClientProvider, useFormatter, useMessages, useTranslations, type AbstractIntlMessages } from 'next-intl';
import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { formatsFrom, type Formats } from './format';
import { lateHydrationLoaded } from './late-hydration';
import { DEFAULT_LOCALE, INTL_LOCALE, type Locale } from './locales';
import { lookupMessage, messageFallback, reportIntlError, translatorFrom, type IntlTranslator, type Translate } from './translate';

interface ClientI18n {
  locale: Locale;
  intl: string;
  t: Translate;
  format: Formats;
  /** Bumped when missing locale data has been loaded: formatters made before it must be made again. */
  intlEpoch: number;
}

const EpochContext = createContext<{ locale: Locale; intlEpoch: number } | null>(null);

/**
 * The root of every page's messages: next-intl's provider with the namespaces
 * the root layout picked (route layouts add their own with RouteMessages).
 */
export function I18nProvider({ locale, messages, children }: { locale: Locale; messages: AbstractIntlMessages; children: ReactNode }) {
  const [intlEpoch, setIntlEpoch] = useState(0);
  useEffect(() => {
    // A browser without CLDR data for the page's language gets it once; every consumer re-renders with it.
    if (locale === 'en') return;
    let current = true;
    // Imported here, not at the top: an English page (and every page's first load) never needs it.
    import('@/app/_lib/intl-data')
      .then(async ({ hasLocaleData, loadLocaleData }) => {
        if (hasLocaleData(INTL_LOCALE[locale])) return;
        await Promise.all([loadLocaleData(locale), lateHydrationLoaded()]);
        if (current) setIntlEpoch((n) => n + 1);
      })
      .catch((error: unknown) => console.error('locale data not loaded', error));
    return () => {
      current = false;
    };
  }, [locale]);
  const epoch = useMemo(() => ({ locale, intlEpoch }), [locale, intlEpoch]);
  // next-intl keeps its formatters (plural rules included) until the provider's locale changes;
  // once the data has arrived, the full tag ("km-KH", the same language) makes it build them again.
  const intlLocale = (intlEpoch === 0 ? locale : INTL_LOCALE[locale]) as Locale;
  return (
    <NextIntlClientProvider
      locale={intlLocale}
      messages={messages}
      timeZone="UTC"
      onError={reportIntlError}
      getMessageFallback={messageFallback}
    >
      <EpochContext.Provider value={epoch}>{children}</EpochContext.Provider>
    </NextIntlClientProvider>
  );
}

export function useI18n(): ClientI18n {
  const epoch = useContext(EpochContext);
  if (!epoch) throw new Error(`useI18n outside I18nProvider (default locale is ${DEFAULT_LOCALE})`);
  const { locale, intlEpoch } = epoch;
  const translations = useTranslations();
  const messages = useMessages();
  // next-intl's formatter, whose cache the provider renews after locale data arrives (see I18nProvider).
  const formatter = useFormatter();
  return useMemo(
    () => ({
      locale,
      intl: INTL_LOCALE[locale],
      t: translatorFrom(translations as unknown as IntlTranslator, formatter, (key) => lookupMessage(messages, key)),
      format: formatsFrom(formatter, locale),
      intlEpoch,
    }),
    [locale, translations, formatter, messages, intlEpoch],
  );
}
