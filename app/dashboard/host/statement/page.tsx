import type { Metadata } from 'next';
import Link from 'next/link';
import { SiteHeader } from '@/app/_components/site-header';
import { EmptyState, PageHeading, TableScroller } from '@/app/_components/ui';
import { getI18n } from '@/app/_i18n/server';
import { requirePageUser } from '@/app/_lib/action';
import { formatPrice } from '@/app/_lib/format';
import { getHostStatement } from '@/server/domain/orders';
import { services } from '@/server/services';
import { OrderTime } from '@/app/account/orders/order-parts';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getI18n()).t('orders.statement.title') };
}

/** What the signed-in host earned, per show they hosted; only their own shows. */
export default async function HostStatementPage() {
  const user = await requirePageUser('/dashboard/host/statement');
  const statement = await getHostStatement(services().db, { userId: user.id, name: user.name });
  const { t, intl, format } = await getI18n();
  return (
    <>
      <SiteHeader />
      <main className="mx-auto max-w-4xl space-y-6 px-4 py-8">
        <p className="text-sm">
          <Link href="/dashboard/host" className="text-brand-700 underline">
            {t('orders.statement.back')}
          </Link>
        </p>
        <PageHeading
          title={t('orders.statement.title')}
          description={`${t('orders.statement.description')} ${t('orders.statement.netNote')}`}
        />
        {statement.shows.length === 0 ? (
          <EmptyState title={t('orders.statement.emptyTitle')}>{t('orders.statement.emptyBody')}</EmptyState>
        ) : (
          <>
            <ul className="grid gap-3 sm:grid-cols-2" aria-label={t('orders.statement.totalsLabel')}>
              {statement.totals.map((total) => (
                <li key={total.currency} className="rounded-2xl border border-neutral-200 bg-white p-4">
                  <p className="text-sm text-neutral-600">{t('orders.statement.earnedIn', { currency: total.currency })}</p>
                  <p className="text-2xl font-bold tabular-nums">{formatPrice(total.commissionMinor, total.currency, intl)}</p>
                  <p className="text-sm text-neutral-600">
                    {t('orders.statement.onSales', { amount: formatPrice(total.salesMinor, total.currency, intl) })}
                  </p>
                </li>
              ))}
            </ul>
            <TableScroller label={t('orders.statement.caption')} className="rounded-2xl border border-neutral-200 bg-white">
              <table className="w-full min-w-[36rem] text-left text-sm">
                <caption className="sr-only">{t('orders.statement.caption')}</caption>
                <thead className="border-b border-neutral-200 bg-neutral-50">
                  <tr>
                    <th scope="col" className="p-3">
                      {t('orders.statement.show')}
                    </th>
                    <th scope="col" className="p-3">
                      {t('orders.statement.date')}
                    </th>
                    <th scope="col" className="p-3 text-right">
                      {t('orders.statement.orders')}
                    </th>
                    <th scope="col" className="p-3 text-right">
                      {t('orders.statement.sales')}
                    </th>
                    <th scope="col" className="p-3 text-right">
                      {t('orders.statement.rate')}
                    </th>
                    <th scope="col" className="p-3 text-right">
                      {t('orders.statement.earned')}
                    </th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-neutral-100">
                  {statement.shows.map((show) => (
                    <tr key={show.showId}>
                      <th scope="row" className="p-3 font-normal">
                        <span className="block font-semibold">{show.title}</span>
                        <span className="block text-xs text-neutral-600">{show.brandName}</span>
                      </th>
                      <td className="p-3">
                        <OrderTime at={show.scheduledStart} />
                      </td>
                      <td className="p-3 text-right tabular-nums">{show.orderCount}</td>
                      <td className="p-3 text-right tabular-nums">{formatPrice(show.salesMinor, show.currency, intl)}</td>
                      <td className="p-3 text-right tabular-nums">
                        {/* Co-hosts split the show's rate: each reads their own share of it. */}
                        {show.shareBps === show.commissionRateBps
                          ? format.percent(show.commissionRateBps / 10_000, 2)
                          : t('orders.statement.shareOf', {
                              share: format.percent(show.shareBps / 10_000, 2),
                              rate: format.percent(show.commissionRateBps / 10_000, 2),
                            })}
                      </td>
                      <td className="p-3 text-right font-semibold tabular-nums">
                        {formatPrice(show.commissionMinor, show.currency, intl)}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroller>
          </>
        )}
      </main>
    </>
  );
}
