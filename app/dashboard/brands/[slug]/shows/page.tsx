import type { Metadata } from 'next';
import Link from 'next/link';
import { getI18n } from '@/app/_i18n/server';
import { requirePageUser } from '@/app/_lib/action';
import { orNotFound } from '@/app/_lib/not-found-as-404';
import { LocalTime } from '@/app/_components/local-time';
import { EmptyState, PageHeading, primaryButtonClass } from '@/app/_components/ui';
import { listBrandShows } from '@/server/domain/shows';
import { services } from '@/server/services';
import { inviteStatusLabel, showStatusLabel } from './status-labels';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t('dashboard.shows.title') };
}

export default async function BrandShowsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const user = await requirePageUser(`/dashboard/brands/${slug}/shows`);
  const shows = await orNotFound(listBrandShows(services().db, { userId: user.id, name: user.name }, slug));
  const { t } = await getI18n();
  return (
    <div className="space-y-6">
      <PageHeading
        title={t('dashboard.shows.title')}
        description={t('dashboard.shows.description')}
        actions={
          <Link href={`/dashboard/brands/${slug}/shows/new`} className={primaryButtonClass}>
            {t('dashboard.shows.newShow')}
          </Link>
        }
      />
      {shows.length === 0 ? (
        <EmptyState title={t('dashboard.shows.emptyTitle')}>{t('dashboard.shows.emptyBody')}</EmptyState>
      ) : (
        <ul className="divide-y divide-neutral-200 rounded-2xl border border-neutral-200 bg-white">
          {shows.map((show) => (
            <li key={show.id}>
              <Link
                href={`/dashboard/brands/${slug}/shows/${show.id}`}
                className="flex flex-col gap-1 px-4 py-3 hover:bg-neutral-50 focus-visible:outline-2 focus-visible:outline-brand-500 sm:flex-row sm:items-center sm:justify-between"
              >
                <span>
                  <span className="block font-semibold">{show.title}</span>
                  <span className="block text-sm text-neutral-600">
                    <LocalTime iso={show.scheduledStart} /> · {show.host.handle ? `@${show.host.handle}` : show.host.name}
                  </span>
                </span>
                <span className="flex flex-wrap gap-2 text-xs font-semibold">
                  <span className="rounded-full bg-neutral-100 px-2 py-1">{showStatusLabel(t, show.status)}</span>
                  {show.status === 'SCHEDULED' && (
                    <span
                      className={`rounded-full px-2 py-1 ${show.hostInviteStatus === 'DECLINED' ? 'bg-red-50 text-red-800' : show.hostInviteStatus === 'ACCEPTED' ? 'bg-emerald-50 text-emerald-900' : 'bg-amber-50 text-amber-900'}`}
                    >
                      {inviteStatusLabel(t, show.hostInviteStatus)}
                    </span>
                  )}
                </span>
              </Link>
              {(show.status === 'ENDED' || show.status === 'LIVE') && (
                <Link
                  href={`/reports/${show.id}`}
                  className="mx-4 mb-3 inline-block text-sm font-semibold text-brand-700 underline"
                  data-testid="show-report-link"
                >
                  {t('report.open')}
                </Link>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
