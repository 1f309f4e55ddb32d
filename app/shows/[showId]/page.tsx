import { PlainAnchor } from '../../_components/anchor';
import type { Metadata } from 'next';
import { preload } from 'react-dom';
import { preShowDetails } from '@/server/domain/discovery';
import { hasReminder, isFollowingBrand, isFollowingHost } from '@/server/domain/notifications';
import { getReplay } from '@/server/domain/replays';
import { showProductRatings } from '@/server/domain/reviews';
import type { ShowSummary } from '@/server/domain/shows';
import type { SessionUser } from '@/server/auth/session';
import { services } from '@/server/services';
import { PlainSiteHeader } from '../../_components/plain-site-header';
import { EndedShow } from './ended-show';
import { PreShow } from './pre-show';
import { ReplayViewer } from './late-parts';
import { ShowViewer } from './show-viewer';
import { getI18n } from '@/app/_i18n/server';
import { PrivateShowNotice } from './private-show-notice';
import { isPubliclyListed } from '@/server/domain/show-access';
import { accessRefusal, hlsPath, loadShow, requestUser } from './show-gate';
import { replayLd, showLd } from '@/server/domain/seo';
import { absoluteUrl, pageAlternates, sharingCards } from '@/app/_lib/seo';
import { JsonLd } from '@/app/_components/json-ld';
import { assistantEnabledIn } from '@/server/domain/assistant';

export async function generateMetadata({ params }: { params: Promise<{ showId: string }> }): Promise<Metadata> {
  const { showId } = await params;
  const [show, user, { t }] = await Promise.all([loadShow(showId), requestUser(), getI18n()]);
  // A visitor a private show refuses learns nothing of it, not even its title in the tab.
  const refusal = await accessRefusal(showId, user?.id ?? null);
  if (refusal)
    return {
      title: t(refusal === 'REHEARSAL_STAFF_ONLY' ? 'discovery.private.rehearsalTitle' : 'discovery.private.title'),
      robots: { index: false, follow: false },
    };
  const description = show.description || t('viewer.page.description', { host: show.host.name, brand: show.brand.name });
  const path = `/shows/${show.id}`;
  const { visibility } = await services().db.show.findUniqueOrThrow({ where: { id: showId }, select: { visibility: true } });
  return {
    title: show.title,
    description,
    alternates: pageAlternates(path),
    // An unlisted show opens by its link but is never listed: search engines are asked not to keep it.
    ...(!isPubliclyListed({ visibility }) && { robots: { index: false, follow: false } }),
    ...sharingCards({ title: show.title, description, path, image: show.coverImageUrl ?? '/poster.svg', type: 'video.other' }),
  };
}

/** What search engines are told of a public show: a broadcast while it is planned or on air, a video once it is a replay. */
async function ShowStructuredData({ show, replayDurationMs }: { show: ShowSummary; replayDurationMs: number | null }) {
  const { visibility } = await services().db.show.findUniqueOrThrow({ where: { id: show.id }, select: { visibility: true } });
  if (!isPubliclyListed({ visibility }) || show.status === 'CANCELLED') return null;
  const url = absoluteUrl(`/shows/${show.id}`);
  const image = absoluteUrl(show.coverImageUrl ?? '/poster.svg');
  if (replayDurationMs !== null) return <JsonLd data={replayLd(show, url, image, replayDurationMs / 1000)} />;
  return show.status === 'ENDED' ? null : <JsonLd data={showLd(show, url, image)} />;
}

async function PreShowPanel({ showId, user }: { showId: string; user: SessionUser | null }) {
  const db = services().db;
  const details = await preShowDetails(db, showId);
  const userId = user?.id ?? null;
  const [reminder, followsHost, followsBrand] = await Promise.all([
    hasReminder(db, userId, showId),
    isFollowingHost(db, userId, details.host.id),
    isFollowingBrand(db, userId, details.brand.id),
  ]);
  return (
    <PreShow
      show={details}
      viewer={{ signedIn: user !== null, hasReminder: reminder, followsHost, followsBrand, isHost: userId === details.host.id }}
    />
  );
}

/**
 * The rating on each lineup product's card, worded here in the page's language: the card is in the show
 * aside's late code, and the page's messages stay the viewer's (no reviews namespace on the show page).
 */
async function cardRatings(showId: string): Promise<Record<string, { text: string; label: string }>> {
  const [ratings, { t, format }] = await Promise.all([showProductRatings(services().db, showId), getI18n()]);
  return Object.fromEntries(
    [...ratings].map(([productId, r]) => {
      const average = format.number(r.average);
      return [productId, { text: `★ ${average} (${format.number(r.count)})`, label: t('reviews.cardRating', { average, count: r.count }) }];
    }),
  );
}

export default async function ShowPage({ params }: { params: Promise<{ showId: string }> }) {
  const { showId } = await params;
  const [show, user] = await Promise.all([loadShow(showId), requestUser()]);
  const refusal = await accessRefusal(showId, user?.id ?? null);
  if (refusal) return <PrivateShowNotice brand={show.brand.name} rehearsal={refusal === 'REHEARSAL_STAFF_ONLY'} signedIn={user !== null} />;
  if (show.status === 'CANCELLED') {
    const { t } = await getI18n();
    const { cancelReason } = await services().db.show.findUniqueOrThrow({ where: { id: showId }, select: { cancelReason: true } });
    return (
      <>
        <PlainSiteHeader />
        <main className="mx-auto max-w-xl space-y-3 px-4 py-16 text-center">
          <h1 className="text-2xl font-bold tracking-tight">{show.title}</h1>
          <p role="status" className="text-neutral-700">
            {t('discovery.cancelled.notice', { brand: show.brand.name })}
          </p>
          {cancelReason && (
            <p className="text-neutral-600">
              {show.brand.name}: “{cancelReason}”
            </p>
          )}
          <PlainAnchor href="/" className="font-semibold text-brand-700 underline">
            {t('discovery.cancelled.seeOthers')}
          </PlainAnchor>
        </main>
      </>
    );
  }
  // The poster is the page's largest paint: fetch it with the HTML, not after hydration.
  preload(show.coverImageUrl ?? '/poster.svg', { as: 'image', fetchPriority: 'high' });
  // An ended show with a READY recording opens as its replay at the same URL; without one, the page says it ended.
  const replay = show.status === 'ENDED' ? await getReplay(services().db, show.id) : null;
  if (replay) {
    return (
      <>
        <PlainSiteHeader />
        <ReplayViewer key={user?.id ?? 'guest'} show={show} replay={replay} signedIn={user !== null} />
        <ShowStructuredData show={show} replayDurationMs={replay.durationMs} />
      </>
    );
  }
  // Read only where a product card shows it (not for a replay), after the poster's preload is on its way.
  // The prepared watch and its boot script come with the layout (layout.tsx), above the loading boundary.
  const [ratingBadges, hls] = await Promise.all([cardRatings(show.id), show.status === 'LIVE' ? hlsPath(show.id) : null]);
  // The player is rendered for a scheduled show too: it switches to the live
  // video by itself when the host goes live, without a reload. The pre-show and
  // ended panels are shown by the player only while its live status says so; a
  // status change refreshes this page, which brings the ended panel.
  return (
    <>
      {/* A viewer's first seconds belong to the stream: prefetching the header's pages would have the server
          render three other pages (twice each, by Next's segment prefetch) while it answers this viewer's media. */}
      <PlainSiteHeader />
      {/* Keyed on the account: signing in from the sheet over the stream renders a fresh
          player whose show channel connects with the new session. */}
      <ShowViewer
        key={user?.id ?? 'guest'}
        show={{ ...show, ratingBadges }}
        signedIn={user !== null}
        watchHints={show.status === 'LIVE' ? (services().watchHints?.(show.id) ?? null) : null}
        hls={hls}
        assistantEnabled={await assistantEnabledIn(services().db, show.id)}
        preShow={show.status === 'SCHEDULED' ? <PreShowPanel showId={show.id} user={user} /> : null}
        ended={show.status === 'ENDED' ? <EndedShow showId={show.id} user={user} /> : null}
      />
      <ShowStructuredData show={show} replayDurationMs={null} />
    </>
  );
}
