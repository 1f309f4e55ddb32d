import type { Metadata } from 'next';
import Link from 'next/link';
import { getI18n } from '@/app/_i18n/server';
import { requirePageUser } from '@/app/_lib/action';
import { orNotFound } from '@/app/_lib/not-found-as-404';
import { EmptyState, PageHeading, TableScroller } from '@/app/_components/ui';
import { getBrandShowFigures } from '@/server/domain/analytics';
import { services } from '@/server/services';
import { ChartFigure } from '@/app/reports/_components/chart-figure';
import { ReportChart } from '@/app/reports/_components/report-chart';
import { minorPerMajor, peakIndex } from '@/app/reports/_components/money';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t('report.dashboard.title') };
}

/** The brand's shows side by side: what each sold and how many of its viewers bought, each linking to its report. */
export default async function BrandAnalyticsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const user = await requirePageUser(`/dashboard/brands/${slug}/analytics`);
  const { currency, shows } = await orNotFound(getBrandShowFigures(services().db, { userId: user.id, name: user.name }, slug));
  const { t, format } = await getI18n();
  // Oldest first in the charts, so a trend reads left to right; newest first in the table.
  const chronological = [...shows].reverse();
  const x = chronological.map((_, i) => i);
  const dates = chronological.map((s) => format.dateTime(s.startedAt, 'date'));
  const best = shows[peakIndex(shows.map((s) => s.gmvMinor))];
  const percent = (c: number | null) => (c === null ? '–' : format.percent(c, 1));
  return (
    <div className="space-y-6">
      <PageHeading title={t('report.dashboard.title')} description={t('report.dashboard.description')} />
      {shows.length === 0 ? (
        <EmptyState title={t('report.dashboard.empty')} />
      ) : (
        <>
          <div className="grid gap-4 md:grid-cols-2">
            <ChartFigure
              id="gmv-per-show"
              title={t('report.dashboard.gmvChart')}
              summary={t('report.dashboard.gmvSummary', {
                count: shows.length,
                title: best?.title ?? '',
                amount: format.price(best?.gmvMinor ?? 0, currency),
              })}
              tableLabel={t('report.charts.asTable')}
              columns={[t('report.dashboard.show'), t('report.dashboard.gmv')]}
              rows={chronological.map((s) => [s.title, format.price(s.gmvMinor, currency)])}
            >
              <ReportChart
                x={x}
                xLabel={t('report.dashboard.date')}
                formatX={dates}
                series={[
                  {
                    label: `${t('report.dashboard.gmv')} (${currency})`,
                    values: chronological.map((s) => s.gmvMinor / minorPerMajor(currency)),
                    color: '#16a34a',
                    bars: true,
                  },
                ]}
              />
            </ChartFigure>
            <ChartFigure
              id="conversion-per-show"
              title={t('report.dashboard.conversionChart')}
              summary={t('report.dashboard.conversionSummary', {
                count: shows.length,
                first: percent(chronological[0]?.conversion ?? null),
                last: percent(chronological.at(-1)?.conversion ?? null),
              })}
              tableLabel={t('report.charts.asTable')}
              columns={[t('report.dashboard.show'), t('report.dashboard.conversion')]}
              rows={chronological.map((s) => [s.title, percent(s.conversion)])}
            >
              <ReportChart
                x={x}
                xLabel={t('report.dashboard.date')}
                formatX={dates}
                series={[
                  {
                    label: `${t('report.dashboard.conversion')} (%)`,
                    values: chronological.map((s) => (s.conversion ?? 0) * 100),
                    color: '#7c3aed',
                  },
                ]}
              />
            </ChartFigure>
          </div>
          <TableScroller label={t('report.dashboard.title')} className="rounded-2xl border border-neutral-200 bg-white">
            <table className="w-full min-w-[36rem] text-left text-sm tabular-nums" data-testid="brand-analytics">
              <thead>
                <tr className="text-neutral-600">
                  <th scope="col" className="px-3 py-2">
                    {t('report.dashboard.show')}
                  </th>
                  <th scope="col" className="px-3 py-2">
                    {t('report.dashboard.date')}
                  </th>
                  <th scope="col" className="px-3 py-2">
                    {t('report.dashboard.gmv')}
                  </th>
                  <th scope="col" className="px-3 py-2">
                    {t('report.dashboard.orders')}
                  </th>
                  <th scope="col" className="px-3 py-2">
                    {t('report.dashboard.viewers')}
                  </th>
                  <th scope="col" className="px-3 py-2">
                    {t('report.dashboard.conversion')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {shows.map((s) => (
                  <tr key={s.showId} className="border-t border-neutral-100">
                    <th scope="row" className="px-3 py-2 font-semibold">
                      <Link href={`/reports/${s.showId}`} className="text-brand-700 underline">
                        {s.title}
                      </Link>
                    </th>
                    <td className="px-3 py-2">{format.dateTime(s.startedAt, 'labelled')}</td>
                    <td className="px-3 py-2">{format.price(s.gmvMinor, currency)}</td>
                    <td className="px-3 py-2">{format.number(s.orders)}</td>
                    <td className="px-3 py-2">{format.number(s.viewers)}</td>
                    <td className="px-3 py-2">{percent(s.conversion)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroller>
        </>
      )}
    </div>
  );
}
