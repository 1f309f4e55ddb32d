import type { Metadata } from 'next';
import { TableScroller } from '@/app/_components/ui';
import type { Formats } from '@/app/_i18n/format';
import { getI18n } from '@/app/_i18n/server';
import type { Translate } from '@/app/_i18n/translate';
import { requirePageUser } from '@/app/_lib/action';
import { formatPrice } from '@/app/_lib/format';
import { orNotFound } from '@/app/_lib/not-found-as-404';
import { requireBrandMember } from '@/server/domain/brands';
import { couponShowChoices, listCoupons, type CouponState, type CouponView } from '@/server/domain/coupons';
import { services } from '@/server/services';
import { EmptyState, PageHeading } from '../../../../_components/ui';
import { CouponActiveButton } from './coupon-active-button';
import { CouponForm } from './coupon-form';
import { zoneCity } from '@/app/_lib/zone-city';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t('commerce.coupons.title') };
}

const STATE_KEY = {
  ACTIVE: 'commerce.coupons.state.ACTIVE',
  SCHEDULED: 'commerce.coupons.state.SCHEDULED',
  EXPIRED: 'commerce.coupons.state.EXPIRED',
  USED_UP: 'commerce.coupons.state.USED_UP',
  INACTIVE: 'commerce.coupons.state.INACTIVE',
} as const satisfies Record<CouponState, string>;

function discountText(c: CouponView, t: Translate, intl: string, format: Formats): string {
  const amount = c.kind === 'PERCENT' ? format.percent(c.value / 100) : formatPrice(c.value, c.currency, intl);
  const discount = t('commerce.coupons.amountOff', { amount });
  return c.minSubtotalMinor > 0
    ? t('commerce.coupons.withMinimum', { discount, minimum: formatPrice(c.minSubtotalMinor, c.currency, intl) })
    : discount;
}

export default async function CouponsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const user = await requirePageUser(`/dashboard/brands/${slug}/coupons`);
  const actor = { userId: user.id, name: user.name };
  const db = services().db;
  const brand = await orNotFound(requireBrandMember(db, actor, { slug }));
  const [coupons, shows] = await Promise.all([listCoupons(db, actor, slug), couponShowChoices(db, actor, slug)]);
  const { t, intl, format } = await getI18n();
  // Coupon times are the brand's wall-clock times, as the form takes them.
  const when = (iso: string | null) => (iso ? <time dateTime={iso}>{format.dateTime(iso, 'dateTime', brand.timeZone)}</time> : '—');
  return (
    <div className="space-y-8">
      <PageHeading title={t('commerce.coupons.title')} description={t('commerce.coupons.description')} />
      <section aria-labelledby="coupons-heading" className="space-y-3">
        <h2 id="coupons-heading" className="text-lg font-bold">
          {t('commerce.coupons.listHeading')}
        </h2>
        {coupons.length === 0 ? (
          <EmptyState title={t('commerce.coupons.emptyTitle')}>{t('commerce.coupons.emptyBody')}</EmptyState>
        ) : (
          <TableScroller
            label={t('commerce.coupons.caption', { zone: zoneCity(brand.timeZone) })}
            className="rounded-2xl border border-neutral-200 bg-white"
          >
            <table className="w-full text-left text-sm">
              <caption className="sr-only">{t('commerce.coupons.caption', { zone: zoneCity(brand.timeZone) })}</caption>
              <thead className="bg-neutral-50 text-neutral-600">
                <tr>
                  <th scope="col" className="px-3 py-2">
                    {t('commerce.coupons.columns.code')}
                  </th>
                  <th scope="col" className="px-3 py-2">
                    {t('commerce.coupons.columns.discount')}
                  </th>
                  <th scope="col" className="px-3 py-2">
                    {t('commerce.coupons.columns.validIn')}
                  </th>
                  <th scope="col" className="px-3 py-2">
                    {t('commerce.coupons.columns.uses')}
                  </th>
                  <th scope="col" className="px-3 py-2">
                    {t('commerce.coupons.columns.starts')}
                  </th>
                  <th scope="col" className="px-3 py-2">
                    {t('commerce.coupons.columns.ends')}
                  </th>
                  <th scope="col" className="px-3 py-2">
                    {t('commerce.coupons.columns.status')}
                  </th>
                  <th scope="col" className="px-3 py-2">
                    <span className="sr-only">{t('commerce.coupons.columns.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-neutral-200">
                {coupons.map((c) => (
                  <tr key={c.id} data-testid="coupon-row">
                    <td className="px-3 py-2 font-mono font-semibold">{c.code}</td>
                    <td className="px-3 py-2">{discountText(c, t, intl, format)}</td>
                    <td className="px-3 py-2">{c.show ? c.show.title : t('commerce.coupons.everyShow')}</td>
                    <td className="px-3 py-2 tabular-nums">
                      {format.number(c.redemptionCount)} /{' '}
                      {c.maxRedemptions === null ? (
                        <span title={t('commerce.coupons.noLimit')}>
                          ∞<span className="sr-only"> ({t('commerce.coupons.noLimit')})</span>
                        </span>
                      ) : (
                        format.number(c.maxRedemptions)
                      )}
                      <span className="block text-xs text-neutral-500">{t('commerce.coupons.perBuyer', { count: c.perBuyerLimit })}</span>
                    </td>
                    <td className="px-3 py-2">{when(c.startsAt)}</td>
                    <td className="px-3 py-2">{when(c.expiresAt)}</td>
                    <td className="px-3 py-2">{t(STATE_KEY[c.state])}</td>
                    <td className="px-3 py-2 text-right">
                      <CouponActiveButton slug={slug} couponId={c.id} code={c.code} active={c.active} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroller>
        )}
      </section>
      <section aria-labelledby="new-coupon-heading" className="space-y-3">
        <h2 id="new-coupon-heading" className="text-lg font-bold">
          {t('commerce.coupons.newHeading')}
        </h2>
        <CouponForm slug={slug} currency={brand.currency} timeZone={brand.timeZone} shows={shows} />
      </section>
    </div>
  );
}
