import { secondaryButtonClass } from '@/app/_components/ui';
import { getI18n } from '@/app/_i18n/server';
import { saveMarketingConsentAction } from './marketing-actions';

/** Marketing email consent (campaigns, abandoned-bag follow-ups, replay-ready): asked, never assumed; a plain form post. */
export async function MarketingConsentForm({ granted }: { granted: boolean }) {
  const { t } = await getI18n();
  return (
    <form action={saveMarketingConsentAction} className="space-y-3">
      <label className="flex items-start gap-3">
        <input type="checkbox" name="marketing" defaultChecked={granted} className="mt-1 size-4" />
        <span>{t('campaigns.consent.label')}</span>
      </label>
      <button type="submit" className={secondaryButtonClass}>
        {t('campaigns.consent.save')}
      </button>
    </form>
  );
}
