import type { Metadata } from 'next';
import Link from 'next/link';
import { getI18n } from '@/app/_i18n/server';
import { requirePageUser } from '@/app/_lib/action';
import { orNotFound } from '@/app/_lib/not-found-as-404';
import { SiteHeader } from '@/app/_components/site-header';
import { EmptyState, PageHeading, secondaryButtonClass, TableScroller } from '@/app/_components/ui';
import { getShowReport, type ShowReport } from '@/server/domain/analytics';
import { services } from '@/server/services';
import { ChartFigure } from '../_components/chart-figure';
import { ReportChart } from '../_components/report-chart';
import { minorPerMajor, peakIndex } from '../_components/money';

const PIN_COLOR = '#0284c7';
const DEAL_COLOR = '#d97706';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t('report.title') };
}

export default async function ShowReportPage({ params }: { params: Promise<{ showId: string }> }) {
  const { showId } = await params;
  const user = await requirePageUser(`/reports/${showId}`);
  const report = await orNotFound(getShowReport(services().db, { userId: user.id, name: user.name }, showId.slice(0, 64)));
  const { t, format } = await getI18n();
  const { show, audience, totals } = report;
  const price = (minor: number) => format.price(minor, show.currency);
  const watch = t('report.watchTime', {
    minutes: Math.floor(audience.averageWatchMs / 60_000),
    seconds: Math.round((audience.averageWatchMs % 60_000) / 1000),
  });
  const figures: [string, string, string][] = [
    ['peak', t('report.figures.peak'), format.number(audience.peak)],
    ['unique', t('report.figures.unique'), format.number(audience.unique)],
    ['watch', t('report.figures.averageWatch'), watch],
    ['chat', t('report.figures.chat'), format.number(totals.chatMessages)],
    ['reactions', t('report.figures.reactions'), format.number(totals.reactions)],
    ['orders', t('report.figures.orders'), format.number(totals.orders)],
    ['gmv', t('report.figures.gmv'), price(totals.gmvMinor)],
    ['refunds', t('report.figures.refunds'), t('report.refundsValue', { count: totals.refunds, amount: price(totals.refundedMinor) })],
    ['followers', t('report.figures.newFollowers'), format.number(totals.newFollowers)],
  ];
  return (
    <>
      <SiteHeader />
      <main className="mx-auto max-w-5xl space-y-6 px-4 py-6">
        <PageHeading
          title={`${t('report.title')}: ${show.title}`}
          description={
            show.startedAt
              ? t('report.liveFrom', {
                  start: format.dateTime(show.startedAt, 'labelled'),
                  end: show.endedAt ? format.dateTime(show.endedAt, 'labelled') : '…',
                })
              : undefined
          }
          actions={
            <div className="flex flex-wrap gap-2">
              <a href={`/reports/${show.id}/csv`} download className={secondaryButtonClass} data-testid="report-csv">
                {t('report.downloadCsv')}
              </a>
              {report.brandMember && (
                <Link href={`/dashboard/brands/${show.brandSlug}/analytics`} className={secondaryButtonClass}>
                  {t('report.allShows')}
                </Link>
              )}
            </div>
          }
        />
        {!report.timeline ? (
          <EmptyState title={t('report.notLive')} />
        ) : (
          <>
            {show.status === 'LIVE' && (
              <p role="status" className="rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900">
                {t('report.stillLive')}
              </p>
            )}
            <section aria-labelledby="figures-heading" className="rounded-2xl bg-white p-4 shadow-sm">
              <h2 id="figures-heading" className="mb-3 font-bold">
                {t('report.figures.heading')}
              </h2>
              <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3">
                {figures.map(([key, label, value]) => (
                  <div key={key}>
                    <dt className="text-sm text-neutral-600">{label}</dt>
                    <dd className="text-xl font-bold tabular-nums" data-testid={`report-${key}`}>
                      {value}
                    </dd>
                  </div>
                ))}
              </dl>
            </section>
            <TimelineCharts report={report} timeline={report.timeline} />
            <Funnel report={report} />
          </>
        )}
      </main>
    </>
  );
}

async function TimelineCharts({ report, timeline }: { report: ShowReport; timeline: NonNullable<ShowReport['timeline']> }) {
  const { t, format } = await getI18n();
  const minutes = timeline.offsetsMs.map((ms) => ms / 60_000);
  const minuteLabel = (i: number) => format.number(minutes[i] ?? 0);
  const markers = timeline.moments.map((m) => ({ x: m.offsetMs / 60_000, color: m.kind === 'pin' ? PIN_COLOR : DEAL_COLOR }));
  const per = minorPerMajor(report.show.currency);
  const columns = (...names: string[]) => [t('report.charts.minute'), ...names];
  const rowsOf = (...series: ((i: number) => string)[]) => minutes.map((_, i) => [minuteLabel(i), ...series.map((s) => s(i))]);
  const busiest = peakIndex(timeline.chat.map((c, i) => c + (timeline.reactions[i] ?? 0)));
  return (
    <>
      <ChartFigure
        id="viewers"
        title={t('report.charts.viewers')}
        summary={t('report.charts.viewersSummary', {
          peak: format.number(report.audience.peak),
          minute: minuteLabel(peakIndex(timeline.viewers)),
        })}
        tableLabel={t('report.charts.asTable')}
        columns={columns(t('report.series.viewers'))}
        rows={rowsOf((i) => format.number(timeline.viewers[i] ?? 0))}
      >
        <ReportChart
          x={minutes}
          xLabel={t('report.charts.minute')}
          markers={markers}
          series={[{ label: t('report.series.viewers'), values: timeline.viewers, color: '#7c3aed' }]}
          testId="chart-viewers-canvas"
        />
      </ChartFigure>
      <section aria-labelledby="moments-heading" className="rounded-2xl bg-white p-4 shadow-sm">
        <h2 id="moments-heading" className="mb-2 font-bold">
          {t('report.charts.moments')}
        </h2>
        {timeline.moments.length === 0 ? (
          <p className="text-sm text-neutral-600">{t('report.charts.noMoments')}</p>
        ) : (
          <ol className="space-y-1 text-sm" data-testid="report-moments">
            {timeline.moments.map((m, i) => (
              <li key={i} className="flex gap-2">
                <span
                  aria-hidden="true"
                  className="mt-1.5 inline-block h-2 w-2 shrink-0 rounded-full"
                  style={{ background: m.kind === 'pin' ? PIN_COLOR : DEAL_COLOR }}
                />
                <span className="tabular-nums text-neutral-600">
                  {t('report.charts.minute')} {format.number(Math.floor(m.offsetMs / 60_000))}
                </span>
                <span>{m.kind === 'pin' ? t('report.charts.pin', { title: m.title }) : t('report.charts.deal', { title: m.title })}</span>
              </li>
            ))}
          </ol>
        )}
      </section>
      <ChartFigure
        id="activity"
        title={t('report.charts.activity')}
        summary={t('report.charts.activitySummary', {
          chat: format.number(report.totals.chatMessages),
          reactions: format.number(report.totals.reactions),
          minute: minuteLabel(busiest),
        })}
        tableLabel={t('report.charts.asTable')}
        columns={columns(t('report.series.chat'), t('report.series.reactions'))}
        rows={rowsOf(
          (i) => format.number(timeline.chat[i] ?? 0),
          (i) => format.number(timeline.reactions[i] ?? 0),
        )}
      >
        <ReportChart
          x={minutes}
          xLabel={t('report.charts.minute')}
          series={[
            { label: t('report.series.chat'), values: timeline.chat, color: '#0f766e' },
            { label: t('report.series.reactions'), values: timeline.reactions, color: '#db2777', right: true },
          ]}
        />
      </ChartFigure>
      <ChartFigure
        id="sales"
        title={t('report.charts.sales')}
        summary={t('report.charts.salesSummary', {
          orders: format.number(report.totals.orders),
          amount: format.price(report.totals.gmvMinor, report.show.currency),
          minute: minuteLabel(peakIndex(timeline.gmvMinor)),
        })}
        tableLabel={t('report.charts.asTable')}
        columns={columns(t('report.series.orders'), t('report.series.gmv'))}
        rows={rowsOf(
          (i) => format.number(timeline.orders[i] ?? 0),
          (i) => format.price(timeline.gmvMinor[i] ?? 0, report.show.currency),
        )}
      >
        <ReportChart
          x={minutes}
          xLabel={t('report.charts.minute')}
          markers={markers}
          series={[
            { label: t('report.series.orders'), values: timeline.orders, color: '#94a3b8', bars: true },
            {
              label: `${t('report.series.gmv')} (${report.show.currency})`,
              values: timeline.gmvMinor.map((v) => v / per),
              color: '#16a34a',
              right: true,
            },
          ]}
        />
      </ChartFigure>
    </>
  );
}

async function Funnel({ report }: { report: ShowReport }) {
  const { t, format } = await getI18n();
  return (
    <section aria-labelledby="funnel-heading" className="space-y-2 rounded-2xl bg-white p-4 shadow-sm">
      <h2 id="funnel-heading" className="font-bold">
        {t('report.funnel.heading')}
      </h2>
      <p className="text-sm text-neutral-600">{t('report.funnel.caption')}</p>
      {report.funnel.length === 0 ? (
        <p className="text-sm">{t('report.funnel.none')}</p>
      ) : (
        <TableScroller label={t('report.funnel.heading')}>
          <table className="w-full min-w-[36rem] text-left text-sm tabular-nums" data-testid="report-funnel">
            <thead>
              <tr className="text-neutral-600">
                <th scope="col" className="py-1 pr-2">
                  {t('report.funnel.product')}
                </th>
                <th scope="col" className="px-2 py-1">
                  {t('report.funnel.pinned')}
                </th>
                <th scope="col" className="px-2 py-1">
                  {t('report.funnel.tapped')}
                </th>
                <th scope="col" className="px-2 py-1">
                  {t('report.funnel.bagged')}
                </th>
                <th scope="col" className="px-2 py-1">
                  {t('report.funnel.bought')}
                </th>
                <th scope="col" className="px-2 py-1">
                  {t('report.funnel.units')}
                </th>
                <th scope="col" className="px-2 py-1">
                  {t('report.funnel.conversion')}
                </th>
              </tr>
            </thead>
            <tbody>
              {report.funnel.map((row) => (
                <tr key={row.productId} className="border-t border-neutral-100" data-testid="funnel-row">
                  <th scope="row" className="py-1 pr-2 font-semibold">
                    {row.title}
                  </th>
                  <td className="px-2 py-1">
                    {t('report.watchTime', {
                      minutes: Math.floor(row.pinnedMs / 60_000),
                      seconds: Math.round((row.pinnedMs % 60_000) / 1000),
                    })}
                  </td>
                  <td className="px-2 py-1">{format.number(row.tapped)}</td>
                  <td className="px-2 py-1">{format.number(row.addedToBag)}</td>
                  <td className="px-2 py-1" data-testid="funnel-bought">
                    {format.number(row.bought)}
                  </td>
                  <td className="px-2 py-1">{format.number(row.units)}</td>
                  <td className="px-2 py-1">{row.conversion === null ? '–' : format.percent(row.conversion)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroller>
      )}
    </section>
  );
}
