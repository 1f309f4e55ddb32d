import { inputClass, primaryButtonClass } from './ui';
import { getI18n } from '@/app/_i18n/server';

/** A plain GET form: works without JavaScript and leaves a shareable /search?q= address. */
export async function SearchBox({ defaultValue = '' }: { defaultValue?: string }) {
  const { t } = await getI18n();
  return (
    <form role="search" action="/search" method="get" className="flex gap-2">
      <label htmlFor="site-search" className="sr-only">
        {t('discovery.search.label')}
      </label>
      <input
        id="site-search"
        name="q"
        type="search"
        defaultValue={defaultValue}
        maxLength={100}
        placeholder={t('discovery.search.placeholder')}
        className={inputClass}
      />
      <button type="submit" className={primaryButtonClass}>
        {t('discovery.search.submit')}
      </button>
    </form>
  );
}
