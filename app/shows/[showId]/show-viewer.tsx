'use client';

import { useRouter } from 'next/navigation';
import { lazy, Suspense, useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import type { WatchHints } from '@/server/media/media-service';
import type { ShowSummary } from '@/server/domain/shows';
import type { ReactionKind } from '@/server/realtime/protocol';
import { useI18n } from '../../_i18n/client';
import type { MessageKey } from '../../_i18n/translate';
import { BagIcon, EyeIcon } from '../../_components/icons';
import { request } from '../../_lib/show-socket';
import { FloatingReactions, ReactionBar, ShareButton } from './lazy-parts';
import { LiveVideo, type HlsPath } from './live-video';
import { errorText } from '@/app/_i18n/error-text';
import { useShowChannel } from './use-show-channel';
import { realtimePlayoutClock } from '../../_lib/realtime-playout-clock';
import type { PlayoutClock } from '../../_lib/playout-clock';
import { serverRenderedLazy } from '../../_lib/server-rendered-lazy';
import { useTypedBeforeHydration } from './typed-before-hydration';

// The shopping and chat zone: rendered by the server in place, its code loads beside the first load and hydrates
// when it arrives (nothing in it is needed for the first frame; server-rendered-lazy.tsx).
// The viewer's own seat on stage (invited, on stage): its code loads when they get one. The server never renders
// it, so it cannot hydrate late against its HTML (see on-demand-parts.tsx).
const StageSeat = lazy(() => import('./stage-seat').then((m) => ({ default: m.StageSeat })));
const ShowAside = serverRenderedLazy(() => import('./show-aside').then((m) => m.ShowAside));

// How long Send or Buy waits for the show channel's first join before asking anyway (use-show-channel.ts).
const JOIN_WAIT_MS = 10_000;
const STATUS_TEXT: Record<ShowSummary['status'], MessageKey | null> = {
  SCHEDULED: 'viewer.status.scheduled',
  ENDED: 'viewer.status.ended',
  CANCELLED: 'viewer.status.cancelled',
  LIVE: null,
};

export function ShowViewer({
  show,
  signedIn,
  preShow = null,
  ended = null,
  watchHints = null,
  hls = null,
  assistantEnabled = false,
}: {
  watchHints?: WatchHints | null;
  /** The show's HLS backup stream (null when the show is not recorded). */
  hls?: HlsPath | null;
  /** The show's shop assistant is on (issue 19): the Ask button, and answers to "@shop" in chat. */
  assistantEnabled?: boolean;
  show: ShowSummary;
  signedIn: boolean;
  preShow?: ReactNode;
  ended?: ReactNode;
}) {
  const { t } = useI18n();
  // The one place the viewer picks its playout clock (issue 16 item 4): WebRTC plays the server's now; the HLS
  // path, when it plays the picture, hands its own clock here (app/_lib/playout-clock.ts), and overlays follow it.
  const [realtimeClock] = useState<PlayoutClock>(realtimePlayoutClock);
  const [hlsClock, setHlsClock] = useState<PlayoutClock | null>(null);
  const playoutClock = hlsClock ?? realtimeClock;
  const {
    state,
    socketRef,
    untilJoined,
    socket: channelSocket,
  } = useShowChannel(show.id, show.status, watchHints?.producerIds, playoutClock);
  // What a viewer typed into the server's chat box before the page's code ran (typed-before-hydration.ts).
  const typedChat = useTypedBeforeHydration('chat-input');
  const router = useRouter();
  // The page was rendered for the status it had then; when the show goes live or ends, render it again for the new one.
  useEffect(() => {
    if (state.status !== show.status) router.refresh();
  }, [state.status, show.status, router]);
  const live = state.status === 'LIVE';
  // The staff watching a rehearsal (nobody else is admitted) see the stream as if live, under a banner.
  const rehearsal = state.rehearsing && state.status === 'SCHEDULED';
  const statusKey = rehearsal ? null : STATUS_TEXT[state.status];
  const [bagOpen, setBagOpen] = useState(false);
  // A lineup product the viewer opened: shown in the product card, in place of the pinned one, until they go back.
  const [openedId, setOpenedId] = useState<string | null>(null);
  const opened = (openedId !== state.pinned?.id && state.lineup.find((p) => p.id === openedId)) || null;
  const shown = opened ?? state.pinned;
  // Where the video's mute button and quality label go: the top bar, beside the bag.
  const [soundSlot, setSoundSlot] = useState<HTMLDivElement | null>(null);
  // Where the shopping zone puts the shop assistant's Ask button: beside the bag, on its line.
  const [askSlot, setAskSlot] = useState<HTMLDivElement | null>(null);
  const [overlaySlot, setOverlaySlot] = useState<HTMLDivElement | null>(null);
  const [bagNotice, setBagNotice] = useState<string | null>(null);
  const bagButtonRef = useRef<HTMLButtonElement>(null);
  // The bag itself lives in the shopping zone (show-aside.tsx); the top bar shows its count and its last notice.
  const [itemCount, setItemCount] = useState(0);
  const closeBag = useCallback(() => {
    setBagOpen(false);
    bagButtonRef.current?.focus();
  }, []);

  const react = useCallback(
    (kind: ReactionKind, count: number) =>
      void (socketRef.current && request(socketRef.current, 'reaction:send', { showId: show.id, kind, count })),
    [socketRef, show.id],
  );

  const connectionKey: MessageKey | null =
    state.connection === 'reconnecting'
      ? 'viewer.status.reconnecting'
      : state.connection === 'connecting'
        ? 'viewer.status.connecting'
        : statusKey;
  const overlayNotice = state.joinError ? errorText(t, state.joinError) : connectionKey && t(connectionKey);
  return (
    <>
      {state.status === 'SCHEDULED' && !rehearsal && preShow}
      {state.status === 'ENDED' && ended}
      <main
        data-playout-path={playoutClock.path}
        className="relative mx-auto grid max-w-6xl gap-4 md:grid-cols-[minmax(0,1fr)_22rem] md:p-4"
      >
        <div className="relative h-[calc(100dvh-3.5rem)] w-full md:h-auto md:max-h-[calc(100dvh-3.5rem)] overflow-hidden bg-black md:aspect-video md:rounded-2xl">
          <LiveVideo
            soundSlot={soundSlot}
            showId={show.id}
            socketRef={socketRef}
            producerIds={state.producerIds}
            mediaEpoch={state.mediaEpoch}
            poster={show.coverImageUrl ?? '/poster.svg'}
            live={state.status === 'LIVE' || rehearsal}
            watchHints={watchHints}
            stage={state.stage}
            hls={hls}
            onPlayoutClock={setHlsClock}
          />
          {/* The top bar is one zone: who and what on the first line, status and viewers beside it, sound and bag on the second. */}
          <div className="pointer-events-none absolute inset-x-0 top-0 z-10 flex flex-col gap-2 bg-gradient-to-b from-black/60 to-transparent p-3 text-white">
            <div className="flex items-start justify-between gap-2">
              <div className="min-w-0" data-overlay="title">
                <h1 className="truncate text-base font-semibold leading-tight">{show.title}</h1>
                <p className="truncate text-sm text-white/80">
                  {show.host.name} · {show.brand.name}
                </p>
              </div>
              <div className="flex shrink-0 items-center gap-2 text-sm" data-overlay="status">
                {live && <span className="rounded bg-brand-500 px-2 py-0.5 text-xs font-bold uppercase">{t('viewer.page.live')}</span>}
                <span
                  aria-label={t('viewer.page.watching', { count: state.viewerCount })}
                  data-testid="viewer-count"
                  className="whitespace-nowrap rounded bg-black/50 px-2 py-0.5"
                >
                  <EyeIcon /> {state.viewerCount}
                </span>
                <ShareButton title={show.title} />
              </div>
            </div>
            {rehearsal && (
              <p
                role="status"
                data-testid="rehearsal-banner"
                className="self-start rounded bg-amber-300 px-2 py-0.5 text-xs font-bold text-black"
              >
                {t('viewer.rehearsal.banner')}
              </p>
            )}
            <div className="flex min-h-9 items-start justify-between gap-2">
              <div ref={setSoundSlot} className="pointer-events-auto" />
              <div ref={setAskSlot} className="pointer-events-auto ml-auto" />
              {signedIn && (
                <div className="pointer-events-auto flex flex-col items-end gap-1">
                  <button
                    ref={bagButtonRef}
                    type="button"
                    aria-haspopup="dialog"
                    aria-label={t('viewer.bag.buttonLabel', { count: itemCount })}
                    onClick={() => setBagOpen(true)}
                    className="flex items-center gap-1 rounded-full bg-white/90 px-3 py-1.5 text-sm font-bold text-ink shadow focus-visible:outline-2 focus-visible:outline-brand-500"
                  >
                    <BagIcon /> {t('viewer.bag.button')}{' '}
                    <span className="tabular-nums" data-testid="bag-count">
                      {itemCount}
                    </span>
                  </button>
                  <p aria-live="polite" className="max-w-48 rounded-lg bg-black/60 px-2 py-1 text-right text-xs text-white empty:hidden">
                    {bagNotice}
                  </p>
                </div>
              )}
            </div>
          </div>
          {overlayNotice && (
            <p role="status" className="absolute inset-x-4 top-1/4 mx-auto max-w-sm rounded-xl bg-black/70 p-4 text-center text-white">
              {overlayNotice}
            </p>
          )}
          {signedIn && live && state.mySeat.seat && (
            <div
              className={`pointer-events-none absolute inset-x-3 top-28 z-20 flex ${state.mySeat.seat === 'INVITED' ? 'justify-center' : 'justify-start'}`}
            >
              <Suspense>
                <StageSeat
                  showId={show.id}
                  socketRef={socketRef}
                  seat={state.mySeat.seat}
                  hostName={state.mySeat.hostName}
                  live={live}
                  connection={state.connection}
                  mediaEpoch={state.mediaEpoch}
                />
              </Suspense>
            </div>
          )}
          {/* The shopping zone's overlays over the video: the back-in-stock toast, the question being answered. */}
          <div ref={setOverlaySlot} className="pointer-events-none absolute inset-0" />
          <FloatingReactions burst={state.reactionBurst} />
          {live && (
            <div className="absolute bottom-3 right-3 hidden md:block" data-overlay="reactions-wide">
              <ReactionBar onSend={react} />
            </div>
          )}
        </div>
        <ShowAside
          show={show}
          signedIn={signedIn}
          state={state}
          socketRef={socketRef}
          onReact={react}
          shown={shown}
          opened={opened !== null}
          onOpen={setOpenedId}
          untilJoined={() => untilJoined(JOIN_WAIT_MS)}
          typedChat={typedChat}
          socket={channelSocket}
          assistantEnabled={assistantEnabled}
          askSlot={askSlot}
          overlaySlot={overlaySlot}
          bagOpen={bagOpen}
          onCloseBag={closeBag}
          onBagCount={setItemCount}
          onBagNotice={setBagNotice}
        />
      </main>
    </>
  );
}
