'use client';

import { secondaryButtonClass } from '@/app/_components/ui';
import { useI18n } from '@/app/_i18n/client';

export function ReportError({ retry }: { retry: () => void }) {
  const { t } = useI18n();
  return (
    <div role="alert" className="space-y-3 rounded-2xl border border-red-200 bg-red-50 p-5">
      <p className="font-semibold text-red-900">{t('report.failedTitle')}</p>
      <p className="text-sm text-red-900">{t('report.failedBody')}</p>
      <button type="button" onClick={() => retry()} className={secondaryButtonClass}>
        {t('report.tryAgain')}
      </button>
    </div>
  );
}
