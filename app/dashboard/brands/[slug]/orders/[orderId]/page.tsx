import type { Metadata } from 'next';
import Link from 'next/link';
import { randomUUID } from 'node:crypto';
import { Card, ItemsAndTotals, OrderTime, ShippingAddress, StatusBadge, Timeline, Tracking } from '@/app/account/orders/order-parts';
import { PageHeading } from '@/app/_components/ui';
import { getI18n } from '@/app/_i18n/server';
import { requirePageUser } from '@/app/_lib/action';
import { formatPrice } from '@/app/_lib/format';
import { orNotFound } from '@/app/_lib/not-found-as-404';
import { requireBrandMember } from '@/server/domain/brands';
import { getBrandOrder } from '@/server/domain/orders';
import { ORDER_TRANSITIONS } from '@/server/domain/orders';
import { services } from '@/server/services';
import { AdvanceForm, BrandCancelForm, RefundForm } from './detail-forms';

type Params = Promise<{ slug: string; orderId: string }>;

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getI18n()).t('orders.brand.title') };
}

const CANCELLABLE = new Set(['PLACED', 'PAID', 'PACKED']);

export default async function BrandOrderPage({ params }: { params: Params }) {
  const { slug, orderId } = await params;
  const user = await requirePageUser(`/dashboard/brands/${slug}/orders/${orderId}`);
  const actor = { userId: user.id, name: user.name };
  const db = services().db;
  const [, order] = await Promise.all([
    orNotFound(requireBrandMember(db, actor, { slug })),
    orNotFound(getBrandOrder(db, actor, slug, orderId)),
  ]);
  const { t, intl } = await getI18n();
  const next = ORDER_TRANSITIONS[order.status][0];
  const left = order.totalMinor - order.refundedMinor;
  const refundable = left > 0 && order.status !== 'CANCELLED' && order.status !== 'REFUNDED' && order.status !== 'PLACED';

  return (
    <div className="space-y-6">
      <p className="text-sm">
        <Link href={`/dashboard/brands/${slug}/orders`} className="text-brand-700 underline">
          {t('orders.brand.detail.back')}
        </Link>
      </p>
      <PageHeading title={t('orders.common.orderNumber', { number: order.number })} actions={<StatusBadge order={order} t={t} />} />
      <p className="-mt-4 text-neutral-600">
        <OrderTime at={order.createdAt} />
      </p>
      {order.returnRequest && (
        <p role="status" className="rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900">
          <strong>{t('support.inbox.returnRequested')}</strong>
          {order.returnRequest.reason && <>: {order.returnRequest.reason}</>}
        </p>
      )}
      <div className="grid gap-6 lg:grid-cols-2">
        <div className="space-y-6">
          <Card id="next-heading" title={t('orders.brand.detail.nextStep')}>
            {next ? (
              <AdvanceForm slug={slug} orderId={order.id} to={next} />
            ) : (
              <p className="text-sm text-neutral-600">{t('orders.brand.detail.noNextStep')}</p>
            )}
          </Card>
          <Card id="progress-heading" title={t('orders.common.history')}>
            <Timeline order={order} t={t} intl={intl} />
          </Card>
          <Card id="items-heading" title={t('orders.common.items')}>
            <ItemsAndTotals order={order} t={t} intl={intl} />
          </Card>
        </div>
        <div className="space-y-6">
          <Card id="buyer-heading" title={t('orders.brand.detail.buyer')}>
            <p className="text-sm">
              {order.buyer.name} ·{' '}
              <a href={`mailto:${order.buyer.email}`} className="text-brand-700 underline">
                {order.buyer.email}
              </a>
            </p>
            {order.paymentMethod && (
              <p className="text-sm text-neutral-600">
                {t('orders.brand.detail.paidWith', { card: order.paymentMethod.brand, last4: order.paymentMethod.last4 })}
              </p>
            )}
            {order.show && <p className="text-sm text-neutral-600">{t('orders.brand.detail.fromShow', { show: order.show.title })}</p>}
          </Card>
          <Card id="address-heading" title={t('orders.common.shipTo')}>
            <ShippingAddress order={order} t={t} />
          </Card>
          <Card id="tracking-heading" title={t('orders.common.tracking')}>
            <Tracking order={order} t={t} />
          </Card>
          <Card id="refund-heading" title={t('orders.brand.detail.refundTitle')}>
            {refundable ? (
              <RefundForm
                slug={slug}
                orderId={order.id}
                number={order.number}
                refundKey={randomUUID()}
                currency={order.currency}
                left={formatPrice(left, order.currency, intl)}
              />
            ) : (
              <p className="text-sm text-neutral-600">{t('orders.brand.detail.nothingToRefund')}</p>
            )}
          </Card>
          {CANCELLABLE.has(order.status) && (
            <Card id="cancel-heading" title={t('orders.brand.detail.cancelTitle')}>
              <p className="text-sm text-neutral-600">
                {order.refundedMinor > 0
                  ? t('orders.brand.detail.cancelHintPartial', { amount: formatPrice(left, order.currency, intl) })
                  : t('orders.brand.detail.cancelHint')}
              </p>
              <BrandCancelForm slug={slug} orderId={order.id} number={order.number} />
            </Card>
          )}
        </div>
      </div>
    </div>
  );
}
