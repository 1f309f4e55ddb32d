import type { Metadata } from 'next';
import { getI18n } from '@/app/_i18n/server';
import { requirePageUser } from '@/app/_lib/action';
import { SiteHeader } from '../../../_components/site-header';
import { PageHeading } from '../../../_components/ui';
import { services } from '@/server/services';
import { BRAND_CURRENCIES } from '@/server/domain/brands';
import { currencyChoices, timeZoneChoices } from '@/app/_lib/zone-and-currency-choices';
import { BrandForm } from './brand-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getI18n()).t('account.newBrand.title') };
}

export default async function NewBrandPage() {
  await requirePageUser('/dashboard/brands/new');
  const { t, intl } = await getI18n();
  return (
    <>
      <SiteHeader />
      <main className="mx-auto max-w-lg space-y-6 px-4 py-8">
        <PageHeading title={t('account.newBrand.heading')} description={t('account.newBrand.description')} />
        <BrandForm
          timeZones={timeZoneChoices(intl, Intl.supportedValuesOf('timeZone'))}
          currencies={currencyChoices(intl, BRAND_CURRENCIES)}
          host={new URL(services().env.PUBLIC_URL).host}
        />
      </main>
    </>
  );
}
