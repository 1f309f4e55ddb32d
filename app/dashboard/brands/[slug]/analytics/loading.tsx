import { getI18n } from '@/app/_i18n/server';

export default async function AnalyticsLoading() {
  const { t } = await getI18n();
  return (
    <div aria-busy="true" className="space-y-3">
      <p role="status" className="text-sm text-neutral-600">
        {t('report.loading')}
      </p>
      <div aria-hidden="true" className="h-56 rounded-2xl bg-neutral-100 motion-safe:animate-pulse" />
    </div>
  );
}
