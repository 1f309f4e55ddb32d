'use client';

import { useI18n } from '@/app/_i18n/client';
import { formatPrice } from '../../_lib/format';
import { salesFigures, type Sale } from '../../_lib/studio-figures';

/**
 * Audience and sales of this session at a glance, and each sale as it
 * happens. `currency` prices an empty revenue before the first sale.
 */
export function FiguresPanel({ viewerCount, sales, currency }: { viewerCount: number; sales: Sale[]; currency: string | null }) {
  const { t, intl } = useI18n();
  const figures = salesFigures(sales);
  const revenue =
    figures.revenue.length > 0
      ? figures.revenue.map((r) => formatPrice(r.totalMinor, r.currency, intl)).join(' + ')
      : currency
        ? formatPrice(0, currency, intl)
        : t('studio.figures.none');
  const figure = 'text-xl font-bold tabular-nums';
  return (
    <section aria-labelledby="figures-heading" className="rounded-2xl bg-white p-4 shadow-sm">
      <h2 id="figures-heading" className="mb-2 font-semibold">
        {t('studio.figures.heading')}
      </h2>
      <dl className="grid grid-cols-2 gap-2 text-sm" data-testid="studio-figures">
        <div>
          <dt className="text-neutral-600">{t('studio.figures.watching')}</dt>
          <dd className={figure}>{new Intl.NumberFormat(intl).format(viewerCount)}</dd>
        </div>
        <div>
          <dt className="text-neutral-600">{t('studio.figures.orders')}</dt>
          <dd className={figure} data-testid="studio-orders">
            {new Intl.NumberFormat(intl).format(figures.orders)}
          </dd>
        </div>
        <div>
          <dt className="text-neutral-600">{t('studio.figures.revenue')}</dt>
          <dd className={figure} data-testid="studio-revenue">
            {revenue}
          </dd>
        </div>
        <div className="min-w-0">
          <dt className="text-neutral-600">{t('studio.figures.topProduct')}</dt>
          <dd className="truncate font-semibold">{figures.topProduct ? figures.topProduct.title : t('studio.figures.none')}</dd>
          {figures.topProduct && <dd className="text-xs text-neutral-600">{t('studio.figures.units', { count: figures.topProduct.units })}</dd>}
        </div>
      </dl>
      <h3 id="sales-heading" className="mt-3 text-sm font-semibold">
        {t('studio.sales.heading')}
      </h3>
      {sales.length === 0 && <p className="mt-1 text-sm text-neutral-600">{t('studio.sales.empty')}</p>}
      <ul aria-live="polite" aria-labelledby="sales-heading" tabIndex={sales.length > 0 ? 0 : undefined} className="mt-1 max-h-32 space-y-1 overflow-y-auto text-sm" data-testid="sales-feed">
        {sales.map((sale) => (
          <li key={sale.orderNumber}>
            <span className="font-medium">{t('studio.sales.order', { number: String(sale.orderNumber) })}</span> ·{' '}
            {t('studio.sales.line', { count: sale.quantity, buyer: sale.buyerName, product: sale.productTitle, variant: sale.variantName })} · {formatPrice(sale.totalMinor, sale.currency, intl)}
          </li>
        ))}
      </ul>
    </section>
  );
}
