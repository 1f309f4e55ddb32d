import type { Metadata } from 'next';
import { getI18n } from '@/app/_i18n/server';
import { requirePageUser } from '@/app/_lib/action';
import { formatPrice } from '@/app/_lib/format';
import { orNotFound } from '@/app/_lib/not-found-as-404';
import { getBrandTimeZone, getShippingRule } from '@/server/domain/brands';
import { timeZoneChoices } from '@/app/_lib/zone-and-currency-choices';
import { getEmbedOrigins } from '@/server/domain/embed';
import { getReturnWindow } from '@/server/domain/order-help';
import { formatMajorUnits } from '@/server/domain/catalog';
import { services } from '@/server/services';
import { PageHeading } from '../../../../_components/ui';
import { ShippingForm } from './shipping-form';
import { EmbedOriginsForm } from './embed-origins-form';
import { ReturnWindowForm } from './return-window-form';
import { TimeZoneForm } from './time-zone-form';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t('commerce.shipping.title') };
}

export default async function BrandSettingsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const user = await requirePageUser(`/dashboard/brands/${slug}/settings`);
  const actor = { userId: user.id, name: user.name };
  const [rule, embedOrigins, returnWindowDays, timeZone] = await Promise.all([
    orNotFound(getShippingRule(services().db, actor, slug)),
    orNotFound(getEmbedOrigins(services().db, actor, slug)),
    orNotFound(getReturnWindow(services().db, actor, slug)),
    orNotFound(getBrandTimeZone(services().db, actor, slug)),
  ]);
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
      <section aria-labelledby="returns-heading" className="space-y-3 border-t border-neutral-200 pt-6">
        <h2 id="returns-heading" className="text-lg font-semibold">
          {t('commerce.returns.heading')}
        </h2>
        <p className="max-w-prose text-sm text-neutral-700">{t('commerce.returns.description')}</p>
        <p className="rounded-lg bg-neutral-100 px-3 py-2 text-sm" data-testid="returns-summary">
          {t('commerce.returns.summary', { count: returnWindowDays })}
        </p>
        <ReturnWindowForm slug={slug} days={returnWindowDays} />
      </section>
      <section aria-labelledby="time-zone-heading" className="space-y-3 border-t border-neutral-200 pt-6">
        <h2 id="time-zone-heading" className="text-lg font-semibold">
          {t('commerce.timeZone.heading')}
        </h2>
        <p className="max-w-prose text-sm text-neutral-700">{t('commerce.timeZone.description')}</p>
        <TimeZoneForm slug={slug} timeZone={timeZone} choices={timeZoneChoices(intl, Intl.supportedValuesOf('timeZone'))} />
      </section>
      <section aria-labelledby="embed-heading" className="space-y-3 border-t border-neutral-200 pt-6">
        <h2 id="embed-heading" className="text-lg font-semibold">
          {t('embed.settings.heading')}
        </h2>
        <p className="max-w-prose text-sm text-neutral-700">{t('embed.settings.description')}</p>
        <EmbedOriginsForm
          slug={slug}
          origins={embedOrigins}
          text={{
            formLabel: t('embed.settings.heading'),
            label: t('embed.settings.origins'),
            hint: t('embed.settings.originsHint'),
            save: t('embed.settings.save'),
            saving: t('embed.settings.saving'),
          }}
        />
        <h3 className="text-sm font-semibold">{t('embed.settings.snippet')}</h3>
        {/* Focusable: on a phone the code scrolls sideways, and a keyboard must be able to scroll it too. */}
        <pre
          tabIndex={0}
          aria-label={t('embed.settings.snippet')}
          className="max-w-full overflow-x-auto rounded-lg bg-neutral-100 p-3 text-xs focus-visible:outline-2 focus-visible:outline-offset-2"
          data-testid="embed-snippet"
        >
          {`<div data-live-commerce-show="SHOW_ID"></div>\n<script src="${services().env.PUBLIC_URL}/embed.js" async></script>`}
        </pre>
        <p className="max-w-prose text-xs text-neutral-600">{t('embed.settings.snippetHint')}</p>
      </section>
    </div>
  );
}
