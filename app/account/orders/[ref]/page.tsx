import type { Metadata } from 'next';
import Link from 'next/link';
import { SiteHeader } from '@/app/_components/site-header';
import { PageHeading } from '@/app/_components/ui';
import { rich } from '@/app/_i18n/rich';
import { getI18n } from '@/app/_i18n/server';
import { requirePageUser } from '@/app/_lib/action';
import { orNotFound } from '@/app/_lib/not-found-as-404';
import { getMyOrder } from '@/server/domain/orders';
import { services } from '@/server/services';
import { CancelOrderForm } from '../cancel-form';
import { leftToRefund } from '@/server/domain/orders';
import { formatPrice } from '@/app/_lib/format';
import { Card, ItemsAndTotals, OrderTime, ShippingAddress, StatusBadge, Timeline, Tracking } from '../order-parts';
import { orderReviewInvites } from '@/server/domain/reviews';
import { listOrderConversations } from '@/server/domain/support';
import { OrderHelpBox } from '../order-help-box';
import { SupportThreadView } from '../support-thread';

type Params = Promise<{ ref: string }>;

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t('orders.buyer.title') };
}

/** One order of the signed-in buyer, by id (numbers count per brand); anyone else's is a 404. */
export default async function MyOrderPage({ params }: { params: Params }) {
  const { ref } = await params;
  const user = await requirePageUser(`/account/orders/${encodeURIComponent(ref)}`);
  const order = await orNotFound(getMyOrder(services().db, { userId: user.id, name: user.name }, ref));
  const { t, intl, format } = await getI18n();
  const [threads, invites] = await Promise.all([
    listOrderConversations(services().db, { userId: user.id, name: user.name }, order.id),
    orderReviewInvites(services().db, { userId: user.id, name: user.name }, order.id),
  ]);
  return (
    <>
      <SiteHeader />
      <main className="mx-auto max-w-3xl space-y-6 px-4 py-8">
        <p className="text-sm">
          <Link href="/account/orders" className="text-brand-700 underline">
            {t('orders.buyer.backToOrders')}
          </Link>
        </p>
        <PageHeading title={t('orders.common.orderNumber', { number: order.number })} actions={<StatusBadge order={order} t={t} />} />
        <p className="-mt-4 text-neutral-600">
          {rich(t('orders.buyer.placedBy', { brand: order.brand.name }), { date: <OrderTime at={order.createdAt} /> })}
        </p>
        {order.show && (
          <p className="text-sm text-neutral-600">
            {t('orders.buyer.boughtIn')}{' '}
            <Link href={`/shows/${order.show.id}`} className="text-brand-700 underline">
              {order.show.title}
            </Link>
          </p>
        )}
        <Card id="progress-heading" title={t('orders.common.history')}>
          <Timeline order={order} t={t} intl={intl} />
        </Card>
        <Card id="tracking-heading" title={t('orders.common.tracking')}>
          <Tracking order={order} t={t} />
        </Card>
        <Card id="items-heading" title={t('orders.common.items')}>
          <ItemsAndTotals order={order} t={t} intl={intl} />
        </Card>
        <Card id="address-heading" title={t('orders.common.shipTo')}>
          <ShippingAddress order={order} t={t} />
        </Card>
        {order.canCancel && (
          <Card id="cancel-heading" title={t('orders.buyer.cancelTitle')}>
            <CancelOrderForm
              orderId={order.id}
              number={order.number}
              hint={
                order.refundedMinor > 0
                  ? t('orders.buyer.cancelHintPartial', { amount: formatPrice(leftToRefund(order), order.currency, intl) })
                  : t('orders.buyer.cancelHint')
              }
            />
          </Card>
        )}
        {invites.length > 0 && (
          <Card id="review-invite-heading" title={t('reviews.invite.title')}>
            <ul className="space-y-2">
              {invites.map((invite) => (
                <li key={invite.productId}>
                  <Link
                    href={`/products/${invite.productId}#write-review`}
                    className="inline-flex min-h-11 items-center font-semibold text-brand-700 underline"
                  >
                    {t(invite.review ? 'reviews.invite.edit' : 'reviews.invite.rate', { product: invite.title })}
                  </Link>
                </li>
              ))}
            </ul>
          </Card>
        )}
        <Card id="help-heading" title={t('support.help.title')}>
          <OrderHelpBox orderId={order.id} number={order.number} />
        </Card>
        {threads.length > 0 && (
          <div id="support">
            <Card id="support-heading" title={t('support.thread.title')}>
              <div className="space-y-6">
                {threads.map((thread) => (
                  <SupportThreadView key={thread.id} thread={thread} t={t} format={format} />
                ))}
              </div>
            </Card>
          </div>
        )}
      </main>
    </>
  );
}
