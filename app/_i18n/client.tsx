'use client';

import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { hasLocaleData, loadLocaleData } from '@/app/_lib/intl-data';
import { DEFAULT_LOCALE, INTL_LOCALE, type Locale } from './locales';
import type { Messages } from './messages/types';
import { createTranslator, type Translate } from './translate';

interface ClientI18n {
  locale: Locale;
  intl: string;
  t: Translate;
  /** Bumped when missing locale data has been loaded: formatters made before it must be made again. */
  intlEpoch: number;
}

const I18nContext = createContext<ClientI18n | null>(null);

/** Given the dictionary by the root layout, so client components translate without props. */
export function I18nProvider({ locale, messages, children }: { locale: Locale; messages: Messages; children: ReactNode }) {
  const [intlEpoch, setIntlEpoch] = useState(0);
  useEffect(() => {
    // A browser without CLDR data for the page's language gets it once; every consumer re-renders with it.
    if (locale === 'en' || hasLocaleData(INTL_LOCALE[locale])) return;
    let current = true;
    loadLocaleData(locale)
      .then(() => current && setIntlEpoch((n) => n + 1))
      .catch((error: unknown) => console.error('locale data not loaded', error));
    return () => {
      current = false;
    };
  }, [locale]);
  const value = useMemo(
    () => ({ locale, intl: INTL_LOCALE[locale], t: createTranslator(locale, messages), intlEpoch }),
    [locale, messages, intlEpoch],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): ClientI18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error(`useI18n outside I18nProvider (default locale is ${DEFAULT_LOCALE})`);
  return value;
}
