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
  return (
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
      className="max-w-20 rounded-full border border-neutral-300 bg-white px-2 py-1.5 sm:max-w-24 text-sm focus-visible:outline-2 focus-visible:outline-brand-500"
    >
      {LOCALES.map((code) => (
        <option key={code} value={code} lang={code}>
          {LOCALE_NAMES[code]}
        </option>
      ))}
    </select>
  );
}
