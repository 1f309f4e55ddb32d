import type { ReactNode } from 'react';
import { LocalTime } from '@/app/_components/local-time';
import type { Translate } from '@/app/_i18n/translate';
import { formatPrice } from '@/app/_lib/format';
import {
  ENGLISH_ITEMS_WORDS,
  formatItemsSummary,
  statusLabels,
  timelineEntries,
  type ItemLine,
  type StatusLabel,
} from '@/server/domain/orders';
import type { OrderDetail } from '@/server/domain/orders';
import { FULFILMENT_STEPS, type OrderStatus } from '@/server/domain/orders';

// Pieces the buyer's and the brand's order pages share: status badge, totals,
// address, timeline. Server components; the caller passes its translator.

const BADGE: Record<StatusLabel, string> = {
  PLACED: 'bg-neutral-100 text-neutral-800',
  PAID: 'bg-sky-100 text-sky-900',
  PACKED: 'bg-amber-100 text-amber-900',
  SHIPPED: 'bg-violet-100 text-violet-900',
  DELIVERED: 'bg-emerald-100 text-emerald-900',
  CANCELLED: 'bg-red-100 text-red-900',
  REFUNDED: 'bg-red-100 text-red-900',
  PARTIALLY_REFUNDED: 'bg-orange-100 text-orange-900',
};

/** The order's status as people read it, "Partially refunded" included (order-display.ts decides). */
export function StatusBadge({ order, t }: { order: { status: OrderStatus; refundedMinor: number; totalMinor: number }; t: Translate }) {
  const labels = statusLabels(order);
  return (
    <span data-testid="order-status" className={`inline-block rounded-full px-2.5 py-0.5 text-xs font-semibold ${BADGE[labels.at(-1)!]}`}>
      {labels.map((label) => t(`orders.status.${label}`)).join(' · ')}
    </span>
  );
}

/** Every order time: the viewer's own zone, named ("6 Dec 2026, 14:05 GMT+7"). */
export function OrderTime({ at, className }: { at: Date; className?: string }) {
  return <LocalTime iso={at.toISOString()} className={className} dated />;
}

/** "Dewy Glow Serum ×2, Barrier Moisturiser", in the page's language. */
export function itemsLine(items: readonly ItemLine[], t: Translate): string {
  // "×2" and the comma read the same in all four languages; only "and N other items" is words.
  return formatItemsSummary(items, {
    ...ENGLISH_ITEMS_WORDS,
    andOthers: (first, count) => t('orders.common.itemsAndOthers', { first, count }),
  });
}

export function Card({ title, id, children }: { title: string; id: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="space-y-3 rounded-2xl border border-neutral-200 bg-white p-4 sm:p-5">
      <h2 id={id} className="text-lg font-bold">
        {title}
      </h2>
      {children}
    </section>
  );
}

export function ItemsAndTotals({ order, t, intl }: { order: OrderDetail; t: Translate; intl: string }) {
  const money = (minor: number) => formatPrice(minor, order.currency, intl);
  return (
    <div className="space-y-3">
      <ul className="divide-y divide-neutral-100">
        {order.items.map((item) => (
          <li key={item.id} className="flex justify-between gap-3 py-2 text-sm">
            <span>
              {new Intl.NumberFormat(intl).format(item.quantity)} × {item.title}
            </span>
            <span className="shrink-0 tabular-nums">{money(item.unitPriceMinor * item.quantity)}</span>
          </li>
        ))}
      </ul>
      <dl className="space-y-1 border-t border-neutral-200 pt-3 text-sm">
        <Row label={t('orders.common.subtotal')} value={money(order.subtotalMinor)} />
        <Row
          label={t('orders.common.shipping')}
          value={order.shippingMinor === 0 ? t('orders.common.freeShipping') : money(order.shippingMinor)}
        />
        {order.discountMinor > 0 && (
          <Row
            label={order.coupon ? t('orders.common.discountCode', { code: order.coupon.code }) : t('orders.common.discount')}
            value={`−${money(order.discountMinor)}`}
          />
        )}
        <Row label={t('orders.common.total')} value={money(order.totalMinor)} strong />
        {order.refundedMinor > 0 && <Row label={t('orders.common.refunded')} value={money(order.refundedMinor)} />}
      </dl>
    </div>
  );
}

function Row({ label, value, strong }: { label: string; value: string; strong?: boolean }) {
  return (
    <div className={`flex justify-between gap-3 ${strong ? 'font-bold' : ''}`}>
      <dt>{label}</dt>
      <dd className="tabular-nums">{value}</dd>
    </div>
  );
}

export function ShippingAddress({ order, t }: { order: OrderDetail; t: Translate }) {
  const a = order.address;
  if (!a) return <p className="text-sm text-neutral-600">{t('orders.common.noAddress')}</p>;
  const lines = [a.fullName, a.line1, a.line2, [a.postalCode, a.city].filter(Boolean).join(' '), a.region, a.country, a.phone].filter(
    Boolean,
  );
  return (
    <address className="text-sm not-italic leading-relaxed">
      {lines.map((line, i) => (
        <span key={i} className="block">
          {line}
        </span>
      ))}
    </address>
  );
}

export function Tracking({ order, t }: { order: OrderDetail; t: Translate }) {
  if (!order.trackingNumber) return <p className="text-sm text-neutral-600">{t('orders.common.trackingNone')}</p>;
  const search = `https://www.google.com/search?q=${encodeURIComponent(`${order.carrier ?? ''} ${order.trackingNumber}`.trim())}`;
  return (
    <dl className="space-y-1 text-sm">
      <div className="flex gap-2">
        <dt className="font-medium">{t('orders.common.carrier')}</dt>
        <dd>{order.carrier}</dd>
      </div>
      <div className="flex gap-2">
        <dt className="font-medium">{t('orders.common.trackingNumber')}</dt>
        <dd>
          <a href={search} target="_blank" rel="noopener noreferrer" className="font-semibold text-brand-700 underline">
            {order.trackingNumber}
            <span className="sr-only"> {t('orders.common.opensNewTab')}</span>
          </a>
        </dd>
      </div>
    </dl>
  );
}

/**
 * The steps an order goes through with the ones reached marked, then every
 * recorded event (including cancellations and refunds) with its time.
 */
export function Timeline({ order, t, intl }: { order: OrderDetail; t: Translate; intl: string }) {
  const reachedAt: Record<(typeof FULFILMENT_STEPS)[number], Date | null> = {
    PAID: order.paidAt ?? (order.status === 'PLACED' ? null : order.createdAt),
    PACKED: order.packedAt,
    SHIPPED: order.shippedAt,
    DELIVERED: order.deliveredAt,
  };
  const ended = order.status === 'CANCELLED' || order.status === 'REFUNDED';
  return (
    <div className="space-y-4">
      <ol className="grid grid-cols-2 gap-2 sm:grid-cols-4" aria-label={t('orders.common.progress')}>
        {FULFILMENT_STEPS.map((step) => {
          const at = reachedAt[step];
          return (
            <li
              key={step}
              className={`rounded-lg border p-2 text-sm ${at ? 'border-emerald-300 bg-emerald-50' : 'border-neutral-200 text-neutral-500'}`}
              aria-current={order.status === step ? 'step' : undefined}
            >
              <span className="block font-semibold">{t(`orders.status.${step}`)}</span>
              <span className="block text-xs">{at ? <OrderTime at={at} /> : t('orders.common.notYet')}</span>
            </li>
          );
        })}
      </ol>
      {ended && (
        <p className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-900">
          {order.status === 'CANCELLED' ? t('orders.common.cancelledNote') : t('orders.common.refundedNote')}
        </p>
      )}
      {order.events.length > 0 && (
        <ol className="space-y-1 border-l-2 border-neutral-200 pl-3 text-sm" data-testid="order-events">
          {timelineEntries(order.events).map((entry) => (
            <li key={entry.id}>
              <OrderTime at={entry.at} className="text-neutral-600" /> — {entryText(entry, order.currency, t, intl)}
            </li>
          ))}
        </ol>
      )}
      <p className="text-xs text-neutral-600">{t('orders.common.timesInYourZone')}</p>
    </div>
  );
}

function entryText(entry: ReturnType<typeof timelineEntries>[number], currency: string, t: Translate, intl: string): string {
  if (entry.kind === 'status') return t(`orders.status.${entry.status}`);
  const amount = formatPrice(entry.amountMinor, currency, intl);
  if (entry.cancelled)
    return entry.reason
      ? t('orders.common.cancelledEntryReason', { amount, reason: entry.reason })
      : t('orders.common.cancelledEntry', { amount });
  return entry.reason
    ? t('orders.common.refundedEntryReason', { amount, reason: entry.reason })
    : t('orders.common.refundedEntry', { amount });
}
