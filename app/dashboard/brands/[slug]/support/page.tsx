import type { Metadata } from 'next';
import Link from 'next/link';
import { EmptyState, PageHeading } from '@/app/_components/ui';
import { getI18n } from '@/app/_i18n/server';
import { requirePageUser } from '@/app/_lib/action';
import { orNotFound } from '@/app/_lib/not-found-as-404';
import { brandResponseTimes, listBrandInbox, SUPPORT_FILTERS, type SupportFilter } from '@/server/domain/support';
import { services } from '@/server/services';
import { responseTime } from './response-time';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getI18n()).t('support.inbox.title') };
}

type Search = Promise<Record<string, string | string[] | undefined>>;

/** The brand's support inbox: conversations by filter, unread first to the eye, with response times. */
export default async function SupportInboxPage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Search }) {
  const { slug } = await params;
  const asked = (await searchParams).filter;
  const filter: SupportFilter = (SUPPORT_FILTERS as readonly string[]).includes(String(asked)) ? (asked as SupportFilter) : 'open';
  const user = await requirePageUser(`/dashboard/brands/${slug}/support`);
  const actor = { userId: user.id, name: user.name };
  const db = services().db;
  const [rows, times] = await Promise.all([
    orNotFound(listBrandInbox(db, actor, slug, filter)),
    orNotFound(brandResponseTimes(db, actor, slug)),
  ]);
  const { t, format } = await getI18n();
  const base = `/dashboard/brands/${slug}/support`;
  return (
    <div className="space-y-6">
      <PageHeading title={t('support.inbox.title')} />
      <div className="space-y-1 rounded-xl bg-neutral-50 p-4 text-sm" data-testid="response-times">
        <p>
          {times.medianFirstResponseMs === null
            ? t('support.inbox.noMedian')
            : t('support.inbox.median', { time: responseTime(times.medianFirstResponseMs, t) })}
        </p>
        <p>{t('support.inbox.waiting', { count: times.waiting })}</p>
      </div>
      <nav aria-label={t('support.inbox.filters')} className="flex flex-wrap gap-2">
        {SUPPORT_FILTERS.map((f) => (
          <Link
            key={f}
            href={`${base}?filter=${f}`}
            aria-current={f === filter ? 'page' : undefined}
            className="rounded-full border border-neutral-300 px-3 py-1.5 text-sm font-semibold aria-[current=page]:bg-ink aria-[current=page]:text-white"
          >
            {t(`support.inbox.filter.${f}`)}
          </Link>
        ))}
      </nav>
      {rows.length === 0 ? (
        <EmptyState title={t('support.inbox.empty')} />
      ) : (
        <ul className="divide-y divide-neutral-200 rounded-xl border border-neutral-200 bg-white">
          {rows.map((r) => (
            <li key={r.id}>
              <Link
                href={`${base}/${r.id}`}
                className="block space-y-1 p-4 hover:bg-neutral-50 focus-visible:outline-2 focus-visible:outline-brand-500"
              >
                <p className="flex flex-wrap items-center gap-2">
                  {r.unread && (
                    <span className="rounded-full bg-brand-500 px-2 py-0.5 text-xs font-bold text-white">{t('support.inbox.unread')}</span>
                  )}
                  <span className={r.unread ? 'font-bold' : 'font-medium'}>{r.subject}</span>
                  {r.status === 'CLOSED' && <span className="text-xs text-neutral-600">{t('support.inbox.status.CLOSED')}</span>}
                </p>
                <p className="text-sm text-neutral-600">
                  {t('support.inbox.from', { name: r.buyerName })}
                  {r.orderNumber !== null && <> · {t('support.inbox.order', { number: r.orderNumber })}</>} ·{' '}
                  {r.assigneeName ? t('support.inbox.assignedTo', { name: r.assigneeName }) : t('support.inbox.unassigned')} ·{' '}
                  <time dateTime={r.lastMessageAt.toISOString()}>{format.dateTime(r.lastMessageAt, 'dateTime')}</time>
                </p>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
