import type { Metadata } from 'next';
import Link from 'next/link';
import { homeSections } from '@/server/domain/discovery';
import { currentUser } from '@/server/auth/session';
import { services } from '@/server/services';
import { ShowGrid } from '../_components/show-card';
import { getI18n } from '../_i18n/server';
import { SiteHeader } from '../_components/site-header';
import { SwipeFeed, type FeedShow } from './swipe-feed';

export const dynamic = 'force-dynamic';

const UPCOMING_SHOWN = 6;

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t('feed.title') };
}

/** The phone feed of live shows: one show per screen, swiped up and down. */
export default async function LiveFeedPage() {
  const [{ live, upcoming }, { t }] = await Promise.all([homeSections(services().db), getI18n()]);
  const shows: FeedShow[] = live.map((show) => ({
    id: show.id,
    title: show.title,
    hostName: show.host.name,
    brandName: show.brand.name,
    coverImageUrl: show.coverImageUrl,
    // Rendered with the page, as on the show page: each show's media starts without a capabilities round trip.
    watchHints: services().watchHints?.(show.id) ?? null,
  }));
  if (shows.length === 0) {
    return (
      <>
        <SiteHeader />
        <main className="mx-auto max-w-xl space-y-8 px-4 py-12">
          <div className="space-y-3 text-center">
            <h1 className="text-2xl font-bold tracking-tight">{t('feed.title')}</h1>
            <p role="status">{t('feed.empty')}</p>
          </div>
          {/* Nothing to swipe: the next shows, each with Remind me, rather than a dead end. */}
          {upcoming.length > 0 && (
            <section aria-labelledby="coming-up-heading" className="space-y-3">
              <h2 id="coming-up-heading" className="text-xl font-bold tracking-tight">
                {t('feed.comingUp')}
              </h2>
              <p className="text-sm text-neutral-700">{t('feed.comingUpHint')}</p>
              <ShowGrid shows={upcoming.slice(0, UPCOMING_SHOWN)} viewerId={(await currentUser())?.id} empty="" />
            </section>
          )}
          <p className="text-center">
            <Link href="/" className="font-semibold text-brand-700 underline">
              {t('feed.backHome')}
            </Link>
          </p>
        </main>
      </>
    );
  }
  return <SwipeFeed shows={shows} />;
}
