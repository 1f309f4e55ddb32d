'use client';

import { useRouter } from 'next/navigation';
import { lazy, Suspense, useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import type { WatchHints } from '@/server/media/media-service';
import type { ShowSummary } from '@/server/domain/shows';
import type { ReactionKind } from '@/server/realtime/protocol';
import { useI18n } from '../../_i18n/client';
import type { MessageKey } from '../../_i18n/translate';
import type { ChatRefusal } from '../../_components/chat-panel';
import { BagIcon, EyeIcon } from '../../_components/icons';
import { request } from '../../_lib/show-socket';
import { ChatPanel, FloatingReactions, LineupList, PinnedProduct, preloadPinnedProduct, ReactionBar, ShareButton } from './lazy-parts';
import { SheetLoading } from './loading-status';
import { LiveVideo, type HlsPath } from './live-video';
import { StageSeat } from './stage-seat';
// Not lazy: it formats prices, and nothing that formats may load after hydration (Khmer locale data).
import { AuctionCard } from './auction-card';
import type { BuyResult } from './pinned-product';
import { errorText } from '@/app/_i18n/error-text';
import { useShowChannel } from './use-show-channel';
import { realtimePlayoutClock } from '../../_lib/overlay-schedule';
import type { PlayoutClock } from '../../_lib/playout-clock';
import { AnsweringOverlay } from './engagement/answering-overlay';
import { EngagementCards } from './engagement/engagement-cards';
import { useBag } from './use-bag';
import { ModerationBar } from './moderation/moderation-bar';
import { useShowModeration } from './moderation/use-show-moderation';
import { BackInStockToast } from './waitlist/back-in-stock-toast';
import { useWaitlist } from './waitlist/use-waitlist';
import { stripeFix } from './stripe-fix';

// The bag sheet is code-split: the player's first load does not carry it.
const loadBagDrawer = () => import('./bag-drawer');
const BagDrawer = lazy(loadBagDrawer);

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
}: {
  watchHints?: WatchHints | null;
  /** The show's HLS backup stream (null when the show is not recorded). */
  hls?: HlsPath | null;
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
  const { state, socketRef } = useShowChannel(show.id, show.status, watchHints?.producerIds, playoutClock);
  const router = useRouter();
  // Ready before the host pins: the first pin shows at once.
  useEffect(() => void preloadPinnedProduct(), []);
  // The page was rendered for the status it had then; when the show goes live or ends, render it again for the new one.
  useEffect(() => {
    if (state.status !== show.status) router.refresh();
  }, [state.status, show.status, router]);
  const live = state.status === 'LIVE';
  const statusKey = STATUS_TEXT[state.status];
  const socket = socketRef.current;
  const bag = useBag(show.id, socketRef, signedIn && state.role !== null && state.connection === 'connected');
  const moderation = useShowModeration(socketRef, show.id, state.role);
  const [bagOpen, setBagOpen] = useState(false);
  // A lineup product the viewer opened: shown in the product card, in place of the pinned one, until they go back.
  const [openedId, setOpenedId] = useState<string | null>(null);
  const opened = (openedId !== state.pinned?.id && state.lineup.find((p) => p.id === openedId)) || null;
  const shown = opened ?? state.pinned;
  const joined = signedIn && state.role !== null && state.connection === 'connected';
  const waitlist = useWaitlist(
    show.id,
    socketRef,
    joined,
    (shown?.variants ?? []).filter((v) => v.stock <= 0).map((v) => v.id),
  );
  // Where the video's mute button and quality label go: the top bar, beside the bag.
  const [soundSlot, setSoundSlot] = useState<HTMLDivElement | null>(null);
  const [bagNotice, setBagNotice] = useState<string | null>(null);
  const bagButtonRef = useRef<HTMLButtonElement>(null);
  const itemCount = bag.bag?.itemCount ?? 0;
  const closeBag = useCallback(() => {
    setBagOpen(false);
    bagButtonRef.current?.focus();
  }, []);

  // The line under Buy (the shipping the price on it adds) is the pinned card's own, from the bag's rule.
  const shipping = bag.bag ? { rule: bag.bag.shipping, currency: bag.bag.currency } : null;

  async function addToBag(variantId: string) {
    setBagNotice(null);
    const answer = await bag.add(variantId);
    setBagNotice(answer.ok ? t('viewer.product.addedToBag') : answer.message);
  }

  async function buy(variantId: string, idempotencyKey: string, dealId: string | null): Promise<BuyResult> {
    if (!socket) return { ok: false, message: t('viewer.status.notConnected') };
    // One retry with the same key: if the first answer was lost, the server replays the same order.
    for (let attempt = 0; ; attempt++) {
      const held = waitlist.isHeld(variantId) || undefined;
      const response = await request(socket, 'order:buy', { showId: show.id, variantId, quantity: 1, idempotencyKey, dealId, held });
      if (response.ok) return { ok: true, order: response.order };
      if (response.error.code !== 'INTERNAL' || attempt >= 1)
        return {
          ok: false,
          message: errorText(t, response.error),
          code: response.error.code,
          ...stripeFix(response.error.reason, show.brand.id),
        };
    }
  }

  const react = useCallback(
    (kind: ReactionKind, count: number) =>
      void (socketRef.current && request(socketRef.current, 'reaction:send', { showId: show.id, kind, count })),
    [socketRef, show.id],
  );

  async function sendChat(text: string): Promise<string | null | ChatRefusal> {
    if (!socket) return t('viewer.status.notConnected');
    const response = await request(socket, 'chat:send', { showId: show.id, text });
    if (response.ok) return null;
    return { message: errorText(t, response.error), retryAfterSeconds: response.error.retryAfterSeconds };
  }

  const connectionKey: MessageKey | null =
    state.connection === 'reconnecting'
      ? 'viewer.status.reconnecting'
      : state.connection === 'connecting'
        ? 'viewer.status.connecting'
        : statusKey;
  const overlayNotice = state.joinError ? errorText(t, state.joinError) : connectionKey && t(connectionKey);
  const purchase = state.lastPurchase;
  const purchaseProduct =
    purchase && purchase.moreProducts > 0
      ? t('viewer.page.productAndMore', { product: purchase.productTitle, count: purchase.moreProducts })
      : (purchase?.productTitle ?? '');

  return (
    <>
      {state.status === 'SCHEDULED' && preShow}
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
            live={state.status === 'LIVE'}
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
            <div className="flex min-h-9 items-start justify-between gap-2">
              <div ref={setSoundSlot} className="pointer-events-auto" />
              {signedIn && (
                <div className="pointer-events-auto flex flex-col items-end gap-1">
                  <button
                    ref={bagButtonRef}
                    type="button"
                    aria-haspopup="dialog"
                    aria-label={t('viewer.bag.buttonLabel', { count: itemCount })}
                    onClick={() => setBagOpen(true)}
                    onPointerEnter={() => void loadBagDrawer()}
                    onFocus={() => void loadBagDrawer()}
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
              <StageSeat
                showId={show.id}
                socketRef={socketRef}
                seat={state.mySeat.seat}
                hostName={state.mySeat.hostName}
                live={live}
                connection={state.connection}
                mediaEpoch={state.mediaEpoch}
              />
            </div>
          )}
          {waitlist.offer && (
            <BackInStockToast
              key={waitlist.offer.variantId}
              offer={waitlist.offer}
              onOpen={() => {
                setOpenedId(waitlist.offer?.productId ?? null);
                waitlist.dismissOffer();
              }}
              onDismiss={waitlist.dismissOffer}
            />
          )}
          <AnsweringOverlay questions={state.engagement.questions} />
          <FloatingReactions burst={state.reactionBurst} />
          {live && (
            <div className="absolute bottom-3 right-3 hidden md:block" data-overlay="reactions-wide">
              <ReactionBar onSend={react} />
            </div>
          )}
        </div>
        {/* On a phone the chat and the pinned card float over the video within thumb reach; on a wide screen they fill the side panel. */}
        {/* On a phone the bottom zone never reaches the top bar (an opened card scrolls within it), and its empty
          parts let taps through to the video. */}
        <aside
          aria-label={t('viewer.page.shoppingAndChat')}
          className="pointer-events-none absolute inset-x-3 bottom-[calc(0.75rem+env(safe-area-inset-bottom))] z-10 flex max-h-[calc(100%-8rem)] flex-col gap-2 overflow-y-auto md:pointer-events-auto md:static md:max-h-none md:gap-3 md:overflow-visible"
        >
          {live && (
            <div className="pointer-events-auto self-end md:hidden" data-overlay="reactions">
              <ReactionBar onSend={react} vertical />
            </div>
          )}
          <div className="pointer-events-auto order-0 shrink-0">
            <EngagementCards showId={show.id} engagement={state.engagement} socketRef={socketRef} signedIn={signedIn} live={live} />
          </div>
          {state.auction && (
            <div className="pointer-events-auto order-3 shrink-0 md:order-1">
              <AuctionCard key={state.auction.id} auction={state.auction} socket={socket} signedIn={signedIn} />
            </div>
          )}
          <div className="pointer-events-auto order-3 shrink-0 md:order-1">
            {shown ? (
              <PinnedProduct
                key={shown.id}
                product={shown}
                back={
                  opened
                    ? {
                        label: state.pinned ? t('viewer.product.backToLive') : t('viewer.product.closeProduct'),
                        onBack: () => setOpenedId(null),
                      }
                    : undefined
                }
                more={state.lineup.length > 1 && <LineupList lineup={state.lineup} shownId={shown.id} onOpen={setOpenedId} strip />}
                deal={state.deal}
                canBuy={signedIn}
                live={live}
                onBuy={buy}
                onAddToBag={addToBag}
                shipping={shipping}
                waitlist={{ state: (id) => waitlist.states[id], isHeld: waitlist.isHeld, join: waitlist.join }}
              />
            ) : (
              state.status !== 'ENDED' && (
                <p className="hidden rounded-2xl border border-dashed border-neutral-300 p-6 text-center text-neutral-600 md:block">
                  {t('viewer.page.noPinned')}
                </p>
              )
            )}
          </div>
          {purchase && (
            // Its own line between chat and product, one line long: it never sits on the chat or the card.
            <p
              key={purchase.at}
              aria-live="polite"
              data-testid="just-bought"
              className="pointer-events-auto order-1 w-fit max-w-full shrink-0 truncate rounded-full bg-white/90 px-3 py-1 text-sm font-medium text-ink shadow md:order-3"
            >
              <BagIcon />{' '}
              {purchase.others > 0
                ? t('viewer.page.othersJustBought', { buyer: purchase.buyerName, count: purchase.others, product: purchaseProduct })
                : t('viewer.page.justBought', { buyer: purchase.buyerName, product: purchaseProduct })}
            </p>
          )}
          <div className="pointer-events-auto order-2 flex min-h-0 shrink-0 flex-col md:h-80 md:shrink-0 md:rounded-2xl md:bg-white md:p-3 md:shadow-sm">
            {moderation.setSlowMode && (
              <ModerationBar slowModeSeconds={state.slowModeSeconds} onSlowMode={moderation.setSlowMode} error={moderation.error} />
            )}
            <ChatPanel
              messages={state.chat}
              pinnedMessage={state.pinnedMessage}
              slowModeSeconds={state.slowModeSeconds}
              signedIn={signedIn}
              canModerate={moderation.canModerate}
              actions={{ send: sendChat, ...moderation.actions }}
              tone="overlay"
            />
            {moderation.dialog}
          </div>
          <section aria-labelledby="lineup-heading" className="order-4 hidden md:block">
            <h2 id="lineup-heading" className="mb-2 text-sm font-semibold uppercase tracking-wide text-neutral-500">
              {t('viewer.page.lineup')}
            </h2>
            <LineupList lineup={state.lineup} shownId={shown?.id ?? null} onOpen={setOpenedId} />
          </section>
        </aside>
        {bagOpen && (
          <Suspense fallback={<SheetLoading />}>
            <BagDrawer controls={bag} live={live} onClose={closeBag} />
          </Suspense>
        )}
      </main>
    </>
  );
}
