'use client';

import Link from 'next/link';
import { useI18n } from '@/app/_i18n/client';
import type { StudioFigures } from '@/server/domain/shows';
import { formatPrice } from '../../_lib/format';

export interface SummaryLinks {
  /** The brand's orders of this show; null when the host is not on the brand's team. */
  brandOrders: string | null;
  statement: string;
  /** The show's post-show report: charts, the product funnel and the CSV. */
  report: string;
}

/** Whole minutes between going live and the end, or null if either is unknown. */
export function showMinutes(startedAt: string | null, endedAt: string | null): number | null {
  if (!startedAt || !endedAt) return null;
  return Math.max(0, Math.round((Date.parse(endedAt) - Date.parse(startedAt)) / 60_000));
}

/**
 * What the show did, read from the database: it is the same after a reload, on
 * another device, a week later. Ends the studio: no pins or deals after this.
 */
export function EndSummary({
  cancelled,
  startedAt,
  endedAt,
  figures,
  failed,
  links,
}: {
  cancelled: boolean;
  startedAt: string | null;
  endedAt: string | null;
  figures: StudioFigures | null;
  failed: boolean;
  links: SummaryLinks;
}) {
  const { t, intl, format } = useI18n();
  const minutes = showMinutes(startedAt, endedAt);
  const duration =
    minutes === null
      ? t('studio.summary.unknown')
      : minutes < 60
        ? t('studio.summary.minutes', { count: minutes })
        : t('studio.summary.hours', { hours: Math.floor(minutes / 60), minutes: minutes % 60 });
  const figure = 'text-2xl font-bold tabular-nums';
  return (
    <section aria-labelledby="summary-heading" className="space-y-4 rounded-2xl bg-white p-5 shadow-sm" data-testid="studio-summary">
      <div>
        <div className="flex flex-wrap items-center gap-2">
          <span className="rounded bg-neutral-700 px-2 py-0.5 text-sm font-bold uppercase text-white" data-testid="studio-status">
            {t(cancelled ? 'studio.status.cancelled' : 'studio.status.ended')}
          </span>
          <h2 id="summary-heading" className="text-lg font-bold">
            {t('studio.summary.heading')}
          </h2>
        </div>
        <p className="text-sm text-neutral-600">{t(cancelled ? 'studio.showCancelled' : 'studio.showEnded')}</p>
      </div>
      {failed && (
        <p role="alert" className="rounded-lg bg-amber-50 px-3 py-1.5 text-sm text-amber-900">
          {t('studio.figures.failed')}
        </p>
      )}
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3" aria-busy={figures === null}>
        <div>
          <dt className="text-sm text-neutral-600">{t('studio.summary.duration')}</dt>
          <dd className={figure} data-testid="summary-duration">
            {duration}
          </dd>
        </div>
        <div>
          <dt className="text-sm text-neutral-600">{t('studio.figures.orders')}</dt>
          <dd className={figure} data-testid="summary-orders">
            {figures ? format.number(figures.orders) : '…'}
          </dd>
        </div>
        <div>
          <dt className="text-sm text-neutral-600">{t('studio.figures.revenue')}</dt>
          {figures === null ? (
            <dd className={figure}>…</dd>
          ) : figures.revenue.length === 0 ? (
            <dd className={figure} data-testid="summary-revenue">
              {t('studio.figures.none')}
            </dd>
          ) : (
            figures.revenue.map((r) => (
              <dd key={r.currency} className={figure} data-testid="summary-revenue">
                {formatPrice(r.totalMinor, r.currency, intl)}
              </dd>
            ))
          )}
        </div>
        <div>
          <dt className="text-sm text-neutral-600">{t('studio.summary.peakViewers')}</dt>
          <dd className={figure} data-testid="summary-peak">
            {figures?.audience ? format.number(figures.audience.peak) : t('studio.summary.unknown')}
          </dd>
        </div>
        <div>
          <dt className="text-sm text-neutral-600">{t('studio.summary.uniqueViewers')}</dt>
          <dd className={figure} data-testid="summary-unique">
            {figures?.audience ? format.number(figures.audience.unique) : t('studio.summary.unknown')}
          </dd>
        </div>
      </dl>
      <div>
        <h3 className="text-sm font-semibold">{t('studio.summary.topProducts')}</h3>
        {figures && figures.topProducts.length > 0 ? (
          <ol className="mt-1 list-decimal space-y-0.5 pl-5 text-sm" data-testid="summary-top-products">
            {figures.topProducts.map((p) => (
              <li key={p.productId}>
                {p.title} · {t('studio.figures.units', { count: p.units })}
              </li>
            ))}
          </ol>
        ) : (
          <p className="mt-1 text-sm text-neutral-600">{t('studio.figures.none')}</p>
        )}
      </div>
      <div className="flex flex-wrap gap-3">
        <Link
          href={links.report}
          className="inline-flex min-h-11 items-center rounded-full bg-brand-600 px-4 text-sm font-semibold text-white hover:bg-brand-700"
          data-testid="summary-report"
        >
          {t('report.open')}
        </Link>
        {links.brandOrders && (
          <Link
            href={links.brandOrders}
            className="inline-flex min-h-11 items-center rounded-full bg-ink px-4 text-sm font-semibold text-white hover:bg-neutral-800"
          >
            {t('studio.summary.orders')}
          </Link>
        )}
        <Link
          href={links.statement}
          className="inline-flex min-h-11 items-center rounded-full border border-neutral-300 px-4 text-sm font-semibold hover:bg-neutral-100"
        >
          {t('studio.summary.statement')}
        </Link>
      </div>
    </section>
  );
}
