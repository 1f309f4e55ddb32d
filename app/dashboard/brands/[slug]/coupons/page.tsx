import type { Metadata } from 'next';
import { requirePageUser } from '@/app/_lib/action';
import { formatPrice } from '@/app/_lib/format';
import { orNotFound } from '@/app/_lib/not-found-as-404';
import { requireBrandMember } from '@/server/domain/brand-access';
import { couponShowChoices, listCoupons, type CouponState, type CouponView } from '@/server/domain/coupons';
import { utcToZonedLocal } from '@/server/domain/zoned-time';
import { services } from '@/server/services';
import { EmptyState, PageHeading, secondaryButtonClass } from '../../../../_components/ui';
import { setCouponActiveAction } from './actions';
import { CouponForm } from './coupon-form';

export const metadata: Metadata = { title: 'Coupons' };

const STATE_LABEL: Record<CouponState, string> = { ACTIVE: 'Active', SCHEDULED: 'Not started', EXPIRED: 'Expired', USED_UP: 'Used up', INACTIVE: 'Deactivated' };

function discountText(c: CouponView): string {
  const amount = c.kind === 'PERCENT' ? `${c.value} % off` : `${formatPrice(c.value, c.currency)} off`;
  return c.minSubtotalMinor > 0 ? `${amount} from ${formatPrice(c.minSubtotalMinor, c.currency)}` : amount;
}

export default async function CouponsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const user = await requirePageUser(`/dashboard/brands/${slug}/coupons`);
  const actor = { userId: user.id, name: user.name };
  const db = services().db;
  const brand = await orNotFound(requireBrandMember(db, actor, { slug }));
  const [coupons, shows] = await Promise.all([listCoupons(db, actor, slug), couponShowChoices(db, actor, slug)]);
  const when = (iso: string | null) => (iso ? utcToZonedLocal(new Date(iso), brand.timeZone).replace('T', ' ') : '—');
  return (
    <div className="space-y-8">
      <PageHeading title="Coupons" description="Codes buyers type in their bag during a show. Discounts apply to the items, not to shipping." />
      <section aria-labelledby="coupons-heading" className="space-y-3">
        <h2 id="coupons-heading" className="text-lg font-bold">
          Your coupons
        </h2>
        {coupons.length === 0 ? (
          <EmptyState title="No coupons yet">Create one below and announce it in your next show.</EmptyState>
        ) : (
          <div className="overflow-x-auto rounded-2xl border border-neutral-200 bg-white">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">Coupons with their uses, limits and dates ({brand.timeZone} time)</caption>
              <thead className="bg-neutral-50 text-neutral-600">
                <tr>
                  <th scope="col" className="px-3 py-2">Code</th>
                  <th scope="col" className="px-3 py-2">Discount</th>
                  <th scope="col" className="px-3 py-2">Valid in</th>
                  <th scope="col" className="px-3 py-2">Uses / limit</th>
                  <th scope="col" className="px-3 py-2">Starts</th>
                  <th scope="col" className="px-3 py-2">Ends</th>
                  <th scope="col" className="px-3 py-2">Status</th>
                  <th scope="col" className="px-3 py-2"><span className="sr-only">Actions</span></th>
                </tr>
              </thead>
              <tbody className="divide-y divide-neutral-200">
                {coupons.map((c) => (
                  <tr key={c.id} data-testid="coupon-row">
                    <td className="px-3 py-2 font-mono font-semibold">{c.code}</td>
                    <td className="px-3 py-2">{discountText(c)}</td>
                    <td className="px-3 py-2">{c.show ? c.show.title : 'Every show'}</td>
                    <td className="px-3 py-2 tabular-nums">
                      {c.redemptionCount} / {c.maxRedemptions ?? '∞'}
                      <span className="block text-xs text-neutral-500">{c.perBuyerLimit} per buyer</span>
                    </td>
                    <td className="px-3 py-2">{when(c.startsAt)}</td>
                    <td className="px-3 py-2">{when(c.expiresAt)}</td>
                    <td className="px-3 py-2">{STATE_LABEL[c.state]}</td>
                    <td className="px-3 py-2 text-right">
                      <form action={setCouponActiveAction}>
                        <input type="hidden" name="slug" value={slug} />
                        <input type="hidden" name="couponId" value={c.id} />
                        <input type="hidden" name="active" value={c.active ? 'false' : 'true'} />
                        <button type="submit" className={`${secondaryButtonClass} px-3 py-1.5 text-sm`} aria-label={`${c.active ? 'Deactivate' : 'Reactivate'} ${c.code}`}>
                          {c.active ? 'Deactivate' : 'Reactivate'}
                        </button>
                      </form>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section aria-labelledby="new-coupon-heading" className="space-y-3">
        <h2 id="new-coupon-heading" className="text-lg font-bold">
          New coupon
        </h2>
        <CouponForm slug={slug} currency={brand.currency} timeZone={brand.timeZone} shows={shows} />
      </section>
    </div>
  );
}
