import type { Metadata } from 'next';
import { requirePageUser } from '@/app/_lib/action';
import { formatPrice } from '@/app/_lib/format';
import { orNotFound } from '@/app/_lib/not-found-as-404';
import { getShippingRule } from '@/server/domain/brand-shipping';
import { formatMajorUnits } from '@/server/domain/catalog-format';
import { services } from '@/server/services';
import { PageHeading } from '../../../../_components/ui';
import { ShippingForm } from './shipping-form';

export const metadata: Metadata = { title: 'Settings' };

export default async function BrandSettingsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const user = await requirePageUser(`/dashboard/brands/${slug}/settings`);
  const rule = await orNotFound(getShippingRule(services().db, { userId: user.id, name: user.name }, slug));
  const summary =
    rule.shippingFlatMinor === 0
      ? 'Shipping is free on every order.'
      : `Buyers pay ${formatPrice(rule.shippingFlatMinor, rule.currency)} per order${rule.freeShippingOverMinor === null ? '.' : `, free from ${formatPrice(rule.freeShippingOverMinor, rule.currency)}.`}`;
  return (
    <div className="space-y-6">
      <PageHeading title="Shipping" description="One rule for every order, one-tap buys and bags alike. Buyers see it before they pay." />
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
