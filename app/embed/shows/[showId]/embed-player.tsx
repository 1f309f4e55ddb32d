'use client';

import type { ShowState } from '@/server/domain/shows';
import type { WatchHints } from '@/server/media/media-service';
import { useI18n } from '@/app/_i18n/client';
import { useCountdown } from '@/app/_lib/use-countdown';
// The show page's own player and channel: the embed is the same live show, in less room.
import { LiveVideo } from '@/app/shows/[showId]/live-video';
import { useShowChannel } from '@/app/shows/[showId]/use-show-channel';
import { EmbedProduct } from './embed-product';

/** The show in a brand's frame: the video, its state, and the pinned product with Buy. Nothing else of the site. */
export function EmbedPlayer({
  show,
  skus,
  handOffOrigin,
  renderedAt,
  watchHints,
}: {
  show: ShowState;
  skus: Record<string, string>;
  /** Set only when the embedding page asked for the hand-off and its origin is one the brand lists. */
  handOffOrigin: string | null;
  renderedAt: number;
  watchHints: WatchHints | null;
}) {
  const { t } = useI18n();
  const { state, socketRef } = useShowChannel(show.id, show.status, watchHints?.producerIds);
  const live = state.status === 'LIVE';
  // Until the channel's snapshot arrives, the pin the page was rendered with.
  const pinned = state.connection === 'connecting' ? show.pinnedProduct : state.pinned;
  const showPage = `/shows/${encodeURIComponent(show.id)}`;

  return (
    <main aria-label={t('embed.page.playerLabel', { brand: show.brand.name })} className="flex h-dvh flex-col bg-black text-white">
      <div className="relative min-h-0 flex-1">
        <LiveVideo
          showId={show.id}
          socketRef={socketRef}
          producerIds={state.producerIds}
          mediaEpoch={state.mediaEpoch}
          poster={show.coverImageUrl ?? '/poster.svg'}
          live={live}
          watchHints={watchHints}
        />
        <div className="pointer-events-none absolute inset-x-0 top-0 flex items-start justify-between gap-2 bg-gradient-to-b from-black/70 to-transparent p-3">
          <div className="min-w-0">
            <h1 className="truncate text-base font-semibold leading-tight">{show.title}</h1>
            <p className="truncate text-sm text-white/80">
              {show.host.name} · {show.brand.name}
            </p>
          </div>
          {live && <span className="shrink-0 rounded bg-brand-500 px-2 py-0.5 text-xs font-bold uppercase">{t('embed.page.live')}</span>}
        </div>
        {state.status === 'SCHEDULED' && <Upcoming startsAt={show.scheduledStart} renderedAt={renderedAt} />}
        {(state.status === 'ENDED' || state.status === 'CANCELLED') && (
          <div role="status" className="absolute inset-x-4 top-1/3 mx-auto max-w-xs space-y-3 rounded-xl bg-black/75 p-4 text-center">
            <p>{state.status === 'ENDED' ? t('embed.page.ended') : t('embed.page.cancelled')}</p>
            {state.status === 'ENDED' && (
              // The replay player lives on the show page; in a new tab, since this frame is someone else's page.
              <a
                href={showPage}
                target="_blank"
                rel="noopener"
                className="inline-block rounded-full bg-white px-4 py-2 font-semibold text-ink"
              >
                {t('embed.page.watchReplay')}
              </a>
            )}
          </div>
        )}
      </div>
      <div className="shrink-0 space-y-2 bg-white p-3 text-ink">
        {pinned ? (
          <EmbedProduct key={pinned.id} showId={show.id} product={pinned} skus={skus} handOffOrigin={handOffOrigin} showPage={showPage} />
        ) : (
          live && <p className="text-center text-sm text-neutral-600">{t('embed.page.noPinned')}</p>
        )}
        <a href={showPage} target="_blank" rel="noopener" className="block text-center text-sm font-medium text-brand-700 underline">
          {t('embed.page.watchFull')}
        </a>
      </div>
    </main>
  );
}

function Upcoming({ startsAt, renderedAt }: { startsAt: string; renderedAt: number }) {
  const { t } = useI18n();
  const seconds = useCountdown(startsAt, renderedAt);
  const days = Math.floor(seconds / 86_400);
  const clock = [Math.floor((seconds % 86_400) / 3600), Math.floor((seconds % 3600) / 60), seconds % 60]
    .map((n) => String(n).padStart(2, '0'))
    .join(':');
  return (
    <div className="absolute inset-x-4 top-1/3 mx-auto max-w-xs rounded-xl bg-black/75 p-4 text-center">
      <p className="text-sm text-white/80">{t('embed.page.startsIn')}</p>
      <p role="timer" aria-label={t('embed.page.countdownLabel')} className="font-mono text-2xl font-bold tabular-nums">
        {seconds > 0 ? (days > 0 ? `${t('embed.page.days', { count: days })} ${clock}` : clock) : t('embed.page.startingSoon')}
      </p>
    </div>
  );
}
