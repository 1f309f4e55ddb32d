import type { Metadata } from 'next';
import Link from 'next/link';
import { SiteHeader } from '@/app/_components/site-header';
import { EmptyState, PageHeading } from '@/app/_components/ui';
import { getI18n } from '@/app/_i18n/server';
import { requirePageUser } from '@/app/_lib/action';
import { formatPrice } from '@/app/_lib/format';
import { listMyOrders } from '@/server/domain/orders';
import { services } from '@/server/services';
import { itemsLine, OrderTime, StatusBadge } from './order-parts';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getI18n()).t('orders.buyer.title') };
}

export default async function MyOrdersPage({ searchParams }: { searchParams: Promise<{ after?: string | string[] }> }) {
  const user = await requirePageUser('/account/orders');
  const { after } = await searchParams;
  const cursor = typeof after === 'string' && after.length <= 64 ? after : null;
  const { orders, nextCursor } = await listMyOrders(services().db, { userId: user.id, name: user.name }, { cursor });
  const { t, intl } = await getI18n();
  return (
    <>
      <SiteHeader />
      <main className="mx-auto max-w-3xl space-y-6 px-4 py-8">
        <p className="text-sm">
          <Link href="/account" className="text-brand-700 underline">
            {t('orders.common.backToAccount')}
          </Link>
        </p>
        <PageHeading title={t('orders.buyer.title')} description={t('orders.buyer.description')} />
        {orders.length === 0 ? (
          <EmptyState title={cursor ? t('orders.buyer.noMoreTitle') : t('orders.buyer.emptyTitle')}>
            {cursor ? (
              <Link href="/account/orders" className="text-brand-700 underline">
                {t('orders.buyer.backToNewest')}
              </Link>
            ) : (
              t('orders.buyer.emptyBody')
            )}
          </EmptyState>
        ) : (
          <ul className="space-y-3">
            {orders.map((order) => (
              <li key={order.id}>
                <Link
                  href={`/account/orders/${order.id}`}
                  className="block rounded-2xl border border-neutral-200 bg-white p-4 hover:border-brand-500 focus-visible:outline-2 focus-visible:outline-brand-500"
                >
                  <div className="flex flex-wrap items-center justify-between gap-2">
                    <span className="font-semibold">{t('orders.common.orderNumber', { number: order.number })}</span>
                    <StatusBadge order={order} t={t} />
                  </div>
                  <p className="mt-1 text-sm">
                    {order.brandName} · {itemsLine(order.items, t)}
                  </p>
                  <p className="mt-1 flex justify-between text-sm text-neutral-600">
                    <OrderTime at={order.createdAt} />
                    <span className="font-semibold tabular-nums text-ink">{formatPrice(order.totalMinor, order.currency, intl)}</span>
                  </p>
                </Link>
              </li>
            ))}
          </ul>
        )}
        {nextCursor && (
          <Link
            href={`/account/orders?after=${encodeURIComponent(nextCursor)}`}
            className="inline-block font-semibold text-brand-700 underline"
          >
            {t('orders.buyer.older')}
          </Link>
        )}
      </main>
    </>
  );
}
