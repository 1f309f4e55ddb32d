import type { Metadata } from 'next';
import { getI18n } from '@/app/_i18n/server';
import { requirePageUser } from '@/app/_lib/action';
import { formatPrice } from '@/app/_lib/format';
import { orNotFound } from '@/app/_lib/not-found-as-404';
import { getShippingRule } from '@/server/domain/brands';
import { formatMajorUnits } from '@/server/domain/catalog';
import { services } from '@/server/services';
import { PageHeading } from '../../../../_components/ui';
import { ShippingForm } from './shipping-form';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t('commerce.shipping.title') };
}

export default async function BrandSettingsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const user = await requirePageUser(`/dashboard/brands/${slug}/settings`);
  const rule = await orNotFound(getShippingRule(services().db, { userId: user.id, name: user.name }, slug));
  const { t, intl } = await getI18n();
  const flat = formatPrice(rule.shippingFlatMinor, rule.currency, intl);
  const summary =
    rule.shippingFlatMinor === 0
      ? t('commerce.shipping.summaryFree')
      : rule.freeShippingOverMinor === null
        ? t('commerce.shipping.summaryFlat', { flat })
        : t('commerce.shipping.summaryFlatFreeOver', { flat, threshold: formatPrice(rule.freeShippingOverMinor, rule.currency, intl) });
  return (
    <div className="space-y-6">
      <PageHeading title={t('commerce.shipping.title')} description={t('commerce.shipping.description')} />
      <p className="rounded-lg bg-neutral-100 px-3 py-2 text-sm" data-testid="shipping-summary">
        {summary}
      </p>
      <ShippingForm
        slug={slug}
        currency={rule.currency}
        flat={formatMajorUnits(rule.shippingFlatMinor, rule.currency)}
        freeOver={rule.freeShippingOverMinor === null ? '' : formatMajorUnits(rule.freeShippingOverMinor, rule.currency)}
      />
    </div>
  );
}
