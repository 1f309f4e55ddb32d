import Link from 'next/link';
import { homeSections } from '@/server/domain/discovery';
import type { ShowCardData } from '@/server/domain/shows';
import { currentUser } from '@/server/auth/session';
import { services } from '@/server/services';
import { SearchBox } from './_components/search-box';
import { ShowGrid } from './_components/show-card';
import { SiteHeader } from './_components/site-header';
import { getI18n } from './_i18n/server';

export const dynamic = 'force-dynamic';

function ShowSection({
  id,
  title,
  shows,
  viewerId,
  empty,
}: {
  id: string;
  title: string;
  shows: ShowCardData[];
  viewerId?: string;
  empty: string;
}) {
  return (
    <section aria-labelledby={`${id}-heading`} className="space-y-3">
      <h2 id={`${id}-heading`} className="text-xl font-bold tracking-tight">
        {title}
      </h2>
      <ShowGrid shows={shows} viewerId={viewerId} empty={empty} />
    </section>
  );
}

export default async function HomePage() {
  const [{ live, upcoming, replays }, user, { t }] = await Promise.all([homeSections(services().db), currentUser(), getI18n()]);
  return (
    <>
      <SiteHeader />
      <main className="mx-auto max-w-5xl space-y-10 px-4 py-8">
        {/* What this site is, in one line: the first thing a new visitor reads. */}
        <h1 className="text-xl font-bold tracking-tight text-ink sm:text-2xl">{t('discovery.home.tagline')}</h1>
        <SearchBox />
        <ShowSection id="live" title={t('discovery.home.live')} shows={live} viewerId={user?.id} empty={t('discovery.home.liveEmpty')} />
        {/* On a phone the live shows are also a vertical feed, one per screen. */}
        {live.length > 0 && (
          <Link href="/live" className="inline-block rounded-full bg-brand-500 px-4 py-2 text-sm font-bold text-white md:hidden">
            {t('feed.swipeThrough')}
          </Link>
        )}
        <ShowSection
          id="upcoming"
          title={t('discovery.home.upcoming')}
          shows={upcoming}
          viewerId={user?.id}
          empty={t('discovery.home.upcomingEmpty')}
        />
        {/* Only shows with a READY recording: an ended show without one has nothing to play (server/domain/replays). */}
        {replays.length > 0 && (
          <ShowSection
            id="replays"
            title={t('discovery.home.replays')}
            shows={replays}
            viewerId={user?.id}
            empty={t('discovery.home.replaysEmpty')}
          />
        )}
      </main>
    </>
  );
}
