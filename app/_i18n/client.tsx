'use client';

import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { DEFAULT_LOCALE, INTL_LOCALE, type Locale } from './locales';
import type { Messages } from './messages/types';
import { createTranslator, type Translate } from './translate';

interface ClientI18n {
  locale: Locale;
  intl: string;
  t: Translate;
}

const I18nContext = createContext<ClientI18n | null>(null);

/** Given the dictionary by the root layout, so client components translate without props. */
export function I18nProvider({ locale, messages, children }: { locale: Locale; messages: Messages; children: ReactNode }) {
  const value = useMemo(() => ({ locale, intl: INTL_LOCALE[locale], t: createTranslator(locale, messages) }), [locale, messages]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): ClientI18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error(`useI18n outside I18nProvider (default locale is ${DEFAULT_LOCALE})`);
  return value;
}
