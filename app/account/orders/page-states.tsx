'use client';

import { secondaryButtonClass } from '@/app/_components/ui';
import { useI18n } from '@/app/_i18n/client';

// Loading and error states of every orders page (buyer, brand, host statement).

// The panels go inside a layout that already has the page's <main> (the brand
// dashboard); the full versions are whole pages (the buyer's and the host's).

export function OrdersLoadingPanel() {
  const { t } = useI18n();
  return (
    <div role="status" aria-live="polite" className="space-y-3">
      <p className="text-sm text-neutral-600">{t('orders.common.loading')}</p>
      <div aria-hidden="true" className="h-24 rounded-2xl bg-neutral-100 motion-safe:animate-pulse" />
      <div aria-hidden="true" className="h-24 rounded-2xl bg-neutral-100 motion-safe:animate-pulse" />
    </div>
  );
}

export function OrdersErrorPanel({ retry }: { retry: () => void }) {
  const { t } = useI18n();
  return (
    <div role="alert" className="space-y-3 rounded-2xl border border-red-200 bg-red-50 p-5">
      <p className="font-semibold text-red-900">{t('orders.common.failedTitle')}</p>
      <p className="text-sm text-red-900">{t('orders.common.failedBody')}</p>
      <button type="button" onClick={() => retry()} className={secondaryButtonClass}>
        {t('orders.common.tryAgain')}
      </button>
    </div>
  );
}

export function OrdersLoading() {
  return (
    <main aria-busy="true" className="mx-auto max-w-3xl px-4 py-8">
      <OrdersLoadingPanel />
    </main>
  );
}

export function OrdersError({ retry }: { retry: () => void }) {
  return (
    <main className="mx-auto max-w-3xl px-4 py-8">
      <OrdersErrorPanel retry={retry} />
    </main>
  );
}
