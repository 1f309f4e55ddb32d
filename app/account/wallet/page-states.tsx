'use client';

import { useI18n } from '@/app/_i18n/client';
import { secondaryButtonClass } from '@/app/_components/ui';

// What the wallet and the brand's coupon, shipping and developer pages show
// while their data loads, and when loading it failed (their loading.tsx and
// error.tsx re-export these).

export function PageLoading() {
  const { t } = useI18n();
  return (
    <div role="status" aria-live="polite" className="space-y-3 py-8">
      <p className="text-sm text-neutral-600">{t('common.loading')}</p>
      <div aria-hidden="true" className="h-24 rounded-2xl bg-neutral-100 motion-safe:animate-pulse" />
    </div>
  );
}

export function PageError({ retry }: { retry: () => void }) {
  const { t } = useI18n();
  return (
    <div role="alert" className="space-y-3 rounded-2xl border border-red-200 bg-red-50 p-5">
      <p className="font-semibold text-red-900">{t('commerce.states.failedTitle')}</p>
      <p className="text-sm text-red-900">{t('commerce.states.failedBody')}</p>
      <button type="button" onClick={() => retry()} className={secondaryButtonClass}>
        {t('common.tryAgain')}
      </button>
    </div>
  );
}
