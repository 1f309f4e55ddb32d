import type { Metadata } from 'next';
import Link from 'next/link';
import { preload } from 'react-dom';
import { preShowDetails } from '@/server/domain/discovery';
import { orNotFound } from '@/app/_lib/not-found-as-404';
import { hasReminder, isFollowingBrand, isFollowingHost } from '@/server/domain/notifications';
import { getReplay } from '@/server/domain/replays';
import { getShowSummary, type ShowSummary } from '@/server/domain/shows';
import { currentUser, type SessionUser } from '@/server/auth/session';
import { services } from '@/server/services';
import { SiteHeader } from '../../_components/site-header';
import { EndedShow } from './ended-show';
import { PreShow } from './pre-show';
import { ReplayViewer } from './late-parts';
import { ShowViewer } from './show-viewer';
import type { HlsPath } from './live-video';
import { showRecordsHls } from '@/server/domain/recordings';
import { isDeployment } from '@/server/env';
import { getI18n } from '@/app/_i18n/server';
import { cookies } from 'next/headers';
import { AppError } from '@/server/domain/errors';
import { requireShowAccess, showInviteCookie } from '@/server/domain/show-access';
import { PrivateShowNotice } from './private-show-notice';

const loadShow = (showId: string): Promise<ShowSummary> => orNotFound(getShowSummary(services().db, showId));

export async function generateMetadata({ params }: { params: Promise<{ showId: string }> }): Promise<Metadata> {
  const [show, { t }] = await Promise.all([loadShow((await params).showId), getI18n()]);
  return { title: show.title, description: t('viewer.page.description', { host: show.host.name, brand: show.brand.name }) };
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
 * The HLS backup stream of a live, recorded show. Viewers start on it when this node already
 * serves WEBRTC_MAX_VIEWERS over WebRTC; outside a deployment `?path=hls` forces it (tests).
 */
async function hlsPath(showId: string, forceParam: string | string[] | undefined): Promise<HlsPath | null> {
  const { db, env, webRtcViewerCount } = services();
  if (!(await showRecordsHls(db, showId))) return null;
  const forced =
    (!isDeployment(env) && forceParam === 'hls') ||
    (env.WEBRTC_MAX_VIEWERS !== undefined && (webRtcViewerCount?.() ?? 0) >= env.WEBRTC_MAX_VIEWERS);
  return { src: `/api/shows/${showId}/hls/index.m3u8`, forced };
}

export default async function ShowPage({
  params,
  searchParams,
}: {
  params: Promise<{ showId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { showId } = await params;
  const [show, user] = await Promise.all([loadShow(showId), currentUser()]);
  // Private shows and rehearsals: the same gate as the socket's show:join (server/domain/show-access).
  const inviteToken = (await cookies()).get(showInviteCookie(showId))?.value ?? null;
  const refusal = await requireShowAccess(services().db, { userId: user?.id ?? null, inviteToken }, showId).then(
    () => null,
    (error: unknown) => {
      if (error instanceof AppError && error.code === 'FORBIDDEN') return error.key;
      throw error;
    },
  );
  if (refusal) return <PrivateShowNotice brand={show.brand.name} rehearsal={refusal === 'REHEARSAL_STAFF_ONLY'} signedIn={user !== null} />;
  if (show.status === 'CANCELLED') {
    const { t } = await getI18n();
    const { cancelReason } = await services().db.show.findUniqueOrThrow({ where: { id: showId }, select: { cancelReason: true } });
    return (
      <>
        <SiteHeader prefetch={false} />
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
          <Link href="/" className="font-semibold text-brand-700 underline">
            {t('discovery.cancelled.seeOthers')}
          </Link>
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
        <SiteHeader prefetch={false} />
        <ReplayViewer key={user?.id ?? 'guest'} show={show} replay={replay} signedIn={user !== null} />
      </>
    );
  }
  // The player is rendered for a scheduled show too: it switches to the live
  // video by itself when the host goes live, without a reload. The pre-show and
  // ended panels are shown by the player only while its live status says so; a
  // status change refreshes this page, which brings the ended panel.
  return (
    <>
      {/* A viewer's first seconds belong to the stream: prefetching the header's pages would have the server
          render three other pages (twice each, by Next's segment prefetch) while it answers this viewer's media. */}
      <SiteHeader prefetch={false} />
      {/* Keyed on the account: signing in from the sheet over the stream renders a fresh
          player whose show channel connects with the new session. */}
      <ShowViewer
        key={user?.id ?? 'guest'}
        show={show}
        signedIn={user !== null}
        watchHints={show.status === 'LIVE' ? (services().watchHints?.(show.id) ?? null) : null}
        hls={show.status === 'LIVE' ? await hlsPath(show.id, (await searchParams).path) : null}
        preShow={show.status === 'SCHEDULED' ? <PreShowPanel showId={show.id} user={user} /> : null}
        ended={show.status === 'ENDED' ? <EndedShow showId={show.id} user={user} /> : null}
      />
    </>
  );
}
