import type { Metadata } from 'next';
import Link from 'next/link';
import { homeSections } from '@/server/domain/discovery';
import { services } from '@/server/services';
import { getI18n } from '../_i18n/server';
import { SiteHeader } from '../_components/site-header';
import { SwipeFeed, type FeedShow } from './swipe-feed';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t('feed.title') };
}

/** The phone feed of live shows: one show per screen, swiped up and down. */
export default async function LiveFeedPage() {
  const [{ live }, { t }] = await Promise.all([homeSections(services().db), getI18n()]);
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
        <main className="mx-auto max-w-xl space-y-3 px-4 py-16 text-center">
          <h1 className="text-2xl font-bold tracking-tight">{t('feed.title')}</h1>
          <p role="status">{t('feed.empty')}</p>
          <Link href="/" className="font-semibold text-brand-700 underline">
            {t('feed.backHome')}
          </Link>
        </main>
      </>
    );
  }
  return <SwipeFeed shows={shows} />;
}
