import { getI18n } from '@/app/_i18n/server';

// The show's frame while the page is on its way: the dark player, where the
// title and the product card will be. Pulses only when motion is welcome.
export default async function ShowLoading() {
  const { t } = await getI18n();
  const bar = 'rounded bg-white/15 motion-safe:animate-pulse';
  return (
    <main className="relative mx-auto grid max-w-6xl gap-4 md:grid-cols-[minmax(0,1fr)_22rem] md:p-4" aria-busy="true">
      <div className="relative h-[calc(100dvh-3.5rem)] w-full md:h-auto md:max-h-[calc(100dvh-3.5rem)] overflow-hidden bg-neutral-950 md:aspect-video md:rounded-2xl">
        <div className="space-y-2 p-3">
          <div className={`h-4 w-2/3 ${bar}`} />
          <div className={`h-3 w-1/3 ${bar}`} />
        </div>
        <p role="status" className="absolute inset-x-0 top-1/3 text-center text-sm text-white/80">
          {t('common.loading')}
        </p>
        <div className="absolute inset-x-3 bottom-3 flex gap-3 rounded-2xl bg-white/10 p-3">
          <div className={`h-16 w-16 ${bar}`} />
          <div className="flex-1 space-y-2">
            <div className={`h-4 w-1/2 ${bar}`} />
            <div className={`h-4 w-1/4 ${bar}`} />
            <div className={`h-9 w-full ${bar}`} />
          </div>
        </div>
      </div>
    </main>
  );
}
