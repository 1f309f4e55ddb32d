'use client';

import { useI18n } from '@/app/_i18n/client';
import type { StudioFigures } from '@/server/domain/shows';
import { formatPrice } from '../../_lib/format';

/**
 * Audience and the show's sales at a glance, and the latest sales. The totals
 * are the database's (see useStudioFigures); `currency` prices an empty revenue.
 */
export function FiguresPanel({
  viewerCount,
  figures,
  failed,
  currency,
}: {
  viewerCount: number;
  figures: StudioFigures | null;
  failed: boolean;
  currency: string | null;
}) {
  const { t, intl, format } = useI18n();
  const revenue =
    figures && figures.revenue.length > 0
      ? figures.revenue.map((r) => formatPrice(r.totalMinor, r.currency, intl)).join(' + ')
      : figures && currency
        ? formatPrice(0, currency, intl)
        : t('studio.figures.none');
  const top = figures?.topProducts[0] ?? null;
  const sales = figures?.recentSales ?? [];
  const figure = 'text-xl font-bold tabular-nums';
  return (
    <section aria-labelledby="figures-heading" className="rounded-2xl bg-white p-4 shadow-sm">
      <h2 id="figures-heading" className="mb-2 font-semibold">
        {t('studio.figures.heading')}
      </h2>
      {failed && (
        <p role="alert" className="mb-2 rounded-lg bg-amber-50 px-3 py-1.5 text-sm text-amber-900">
          {t('studio.figures.failed')}
        </p>
      )}
      <dl className="grid grid-cols-2 gap-2 text-sm" data-testid="studio-figures" aria-busy={figures === null}>
        <div>
          <dt className="text-neutral-600">{t('studio.figures.watching')}</dt>
          <dd className={figure}>{format.number(viewerCount)}</dd>
        </div>
        <div>
          <dt className="text-neutral-600">{t('studio.figures.orders')}</dt>
          <dd className={figure} data-testid="studio-orders">
            {figures ? format.number(figures.orders) : '…'}
          </dd>
        </div>
        <div>
          <dt className="text-neutral-600">{t('studio.figures.revenue')}</dt>
          <dd className={figure} data-testid="studio-revenue">
            {figures ? revenue : '…'}
          </dd>
        </div>
        <div className="min-w-0">
          <dt className="text-neutral-600">{t('studio.figures.topProduct')}</dt>
          <dd className="truncate font-semibold">{top ? top.title : t('studio.figures.none')}</dd>
          {top && <dd className="text-xs text-neutral-600">{t('studio.figures.units', { count: top.units })}</dd>}
        </div>
      </dl>
      <h3 id="sales-heading" className="mt-3 text-sm font-semibold">
        {t('studio.sales.heading')}
      </h3>
      {sales.length === 0 && <p className="mt-1 text-sm text-neutral-600">{t('studio.sales.empty')}</p>}
      <ul
        aria-live="polite"
        aria-labelledby="sales-heading"
        tabIndex={sales.length > 0 ? 0 : undefined}
        className="mt-1 max-h-24 space-y-1 overflow-y-auto text-sm"
        data-testid="sales-feed"
      >
        {sales.map((sale) => (
          <li key={sale.orderNumber}>
            <span className="font-medium">{t('studio.sales.order', { number: String(sale.orderNumber) })}</span> ·{' '}
            {t('studio.sales.line', { count: sale.quantity, buyer: sale.buyerName, product: sale.productTitle, variant: sale.variantName })}{' '}
            · {formatPrice(sale.totalMinor, sale.currency, intl)}
          </li>
        ))}
      </ul>
    </section>
  );
}
