'use client';

import { useRouter } from 'next/navigation';
import { useTransition } from 'react';
import { setLocaleAction } from '@/app/_i18n/actions';
import { useI18n } from '@/app/_i18n/client';
import { LOCALE_NAMES, LOCALES } from '@/app/_i18n/locales';

export function LanguageSwitcher() {
  const { locale, t } = useI18n();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  // On a phone the header has room for the language's code only ("EN", "ខ្មែរ" would not fit
  // beside the links: a narrow select cut "English" to "Englisl"). The native select stays on
  // top, transparent, so taps, keyboard and screen readers use it as they would anyway.
  return (
    <span className="relative inline-flex rounded-full border border-neutral-300 bg-white focus-within:outline-2 focus-within:outline-brand-500 sm:border-0">
      <span aria-hidden="true" className="px-2.5 py-1.5 text-sm font-medium sm:hidden">
        {locale.toUpperCase()} ▾
      </span>
      <select
        aria-label={t('common.nav.language')}
        value={locale}
        disabled={pending}
        onChange={(event) => {
          const next = event.target.value;
          startTransition(async () => {
            await setLocaleAction(next);
            router.refresh();
          });
        }}
        className="absolute inset-0 w-full cursor-pointer opacity-0 sm:static sm:w-auto sm:max-w-28 sm:rounded-full sm:border sm:border-neutral-300 sm:bg-white sm:px-2 sm:py-1.5 sm:text-sm sm:opacity-100"
      >
        {LOCALES.map((code) => (
          <option key={code} value={code} lang={code}>
            {LOCALE_NAMES[code]}
          </option>
        ))}
      </select>
    </span>
  );
}
