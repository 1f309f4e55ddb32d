import { getI18n } from '@/app/_i18n/server';

export default async function ReportLoading() {
  const { t } = await getI18n();
  return (
    <main aria-busy="true" className="mx-auto max-w-5xl space-y-3 px-4 py-6">
      <p role="status" className="text-sm text-neutral-600">
        {t('report.loading')}
      </p>
      <div aria-hidden="true" className="h-24 rounded-2xl bg-neutral-100 motion-safe:animate-pulse" />
      <div aria-hidden="true" className="h-56 rounded-2xl bg-neutral-100 motion-safe:animate-pulse" />
    </main>
  );
}
