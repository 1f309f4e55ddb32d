'use client';

import { lazy, Suspense, useEffect, useState, type RefObject } from 'react';
import { createPortal } from 'react-dom';
import type { ShowSummary } from '@/server/domain/shows';
import type { ProductCard } from '@/server/domain/catalog';
import type { ReactionKind } from '@/server/realtime/protocol';
import { errorText } from '@/app/_i18n/error-text';
import { useI18n } from '../../_i18n/client';
import type { ChatRefusal } from '../../_components/chat-panel';
import { BagIcon } from '../../_components/icons';
import { request, type ShowClientSocket } from '../../_lib/show-socket';
import { PublicReplies } from './assistant/public-replies';
import { useAssistant } from './assistant/use-assistant';
import { stripeFix } from './stripe-fix';
import { useBag } from './use-bag';
import { SheetLoading } from './loading-status';
import { EngagementCards } from './engagement/engagement-cards';
import { ChatPanel, LineupList, PinnedProduct, preloadPinnedProduct } from './aside-parts';
import { ReactionBar } from './lazy-parts';
import { useShowModeration } from './moderation/use-show-moderation';
import { AuctionCard, BackInStockToast, ModerationBar } from './on-demand-parts';
import type { BuyResult } from './pinned-product';
import type { ShowChannelState } from './use-show-channel';
import { useWaitlist } from './waitlist/use-waitlist';
import { AnsweringOverlay } from './engagement/answering-overlay';

// The bag sheet: fetched once the zone runs for a signed-in viewer, so a tap on the bag opens it at once.
const loadBagDrawer = () => import('./bag-drawer');
const BagDrawer = lazy(loadBagDrawer);
// The Ask panel opens on a tap: its code loads then.
const AskPanel = lazy(() => import('./assistant/ask-panel').then((m) => ({ default: m.AskPanel })));

/**
 * The viewer page's shopping and chat zone: engagement cards, the auction, the pinned (or opened) product, who
 * just bought, the chat with its moderation, and the lineup. The server renders it with the page; its code is not
 * in the page's first load (show-viewer.tsx loads it beside it), as nothing in it is needed for the first frame.
 */
// On a phone the chat and the pinned card float over the video within thumb reach; on a wide screen they fill the
// side panel. On a phone the bottom zone never reaches the top bar (an opened card scrolls within it), and its
// empty parts let taps through to the video.
export function ShowAside({
  show,
  signedIn,
  state,
  socketRef,
  onReact,
  shown,
  opened,
  onOpen,
  untilJoined,
  typedChat,
  socket,
  assistantEnabled,
  askSlot,
  overlaySlot,
  bagOpen,
  onCloseBag,
  onBagCount,
  onBagNotice,
}: {
  show: ShowSummary;
  signedIn: boolean;
  state: ShowChannelState;
  socketRef: RefObject<ShowClientSocket | null>;
  onReact: (kind: ReactionKind, count: number) => void;
  /** The product in the card: the one the viewer opened from the lineup, else the pinned one. */
  shown: ProductCard | null;
  /** Whether `shown` is a product the viewer opened (the card offers a way back). */
  opened: boolean;
  onOpen: (productId: string | null) => void;
  /** Resolves once the show channel has joined (or gave up waiting): Send waits for it rather than get NOT_JOINED. */
  untilJoined: () => Promise<void>;
  /** What was typed into the server's chat box before the page's code ran (typed-before-hydration.ts). */
  typedChat: { readonly current: string };
  /** The show channel's socket once connected (the shop assistant listens on it). */
  socket: ShowClientSocket | null;
  /** The show's shop assistant is on (issue 19): its Ask button, its panel and its public replies under the chat. */
  assistantEnabled: boolean;
  /** Where the top bar keeps the Ask button, beside the bag. */
  askSlot: HTMLElement | null;
  /** Where the video's container keeps this zone's overlays over the picture (back in stock, answering now). */
  overlaySlot: HTMLElement | null;
  /** The top bar's bag button opened the bag sheet; the sheet is rendered here, beside the bag it shows. */
  bagOpen: boolean;
  onCloseBag: () => void;
  /** The bag's item count, for the top bar's button. */
  onBagCount: (count: number) => void;
  /** What the last "Add to bag" did, for the line under the bag button. */
  onBagNotice: (notice: string | null) => void;
}) {
  const { t } = useI18n();
  const live = state.status === 'LIVE';
  const moderation = useShowModeration(socketRef, show.id, state.role);
  const joined = signedIn && state.role !== null && state.connection === 'connected';
  // The bag and the assistant are here, not in the page's first load: nothing in them is needed for the first frame.
  const bag = useBag(show.id, socketRef, joined);
  const itemCount = bag.bag?.itemCount ?? 0;
  useEffect(() => onBagCount(itemCount), [itemCount, onBagCount]);
  const assistant = useAssistant(
    show.id,
    socket,
    assistantEnabled,
    (couponCode) => void (couponCode ? bag.applyCoupon(couponCode) : bag.refresh()),
  );
  const asking = signedIn && live && assistant.enabled;
  const waitlist = useWaitlist(
    show.id,
    socketRef,
    joined,
    (shown?.variants ?? []).filter((v) => v.stock <= 0).map((v) => v.id),
  );
  // Portals only after mount: the server's HTML has no Ask button, so hydration must not meet one.
  const [mounted, setMounted] = useState(false);
  useEffect(() => setMounted(true), []);
  // Ready before the host pins: the first pin shows at once.
  useEffect(() => void preloadPinnedProduct(), []);
  useEffect(() => void (signedIn && loadBagDrawer()), [signedIn]);

  // Opening a product's card is the first step of the brand's funnel in the post-show report.
  function openProduct(productId: string | null) {
    onOpen(productId);
    if (productId && socketRef.current) void request(socketRef.current, 'product:tap', { showId: show.id, productId });
  }

  // The line under Buy (the shipping the price on it adds) is the pinned card's own, from the bag's rule.
  const shipping = bag.bag ? { rule: bag.bag.shipping, currency: bag.bag.currency } : null;

  async function addToBag(variantId: string) {
    onBagNotice(null);
    const answer = await bag.add(variantId);
    onBagNotice(answer.ok ? t('viewer.product.addedToBag') : answer.message);
  }

  async function buy(variantId: string, idempotencyKey: string, dealId: string | null, method?: 'QR'): Promise<BuyResult> {
    const socket = socketRef.current;
    if (!socket) return { ok: false, message: t('viewer.status.notConnected') };
    await untilJoined();
    // The viewer's waitlist hold on the variant (issue 18 item 5) lets them buy the unit kept for them.
    const held = waitlist.isHeld(variantId) || undefined;
    // One retry with the same key: if the first answer was lost, the server replays the same order.
    for (let attempt = 0; ; attempt++) {
      const response = await request(socket, 'order:buy', {
        showId: show.id,
        variantId,
        quantity: 1,
        idempotencyKey,
        dealId,
        held,
        method,
      });
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

  async function sendChat(text: string): Promise<string | null | ChatRefusal> {
    const socket = socketRef.current;
    if (!socket) return t('viewer.status.notConnected');
    await untilJoined();
    const response = await request(socket, 'chat:send', { showId: show.id, text });
    if (response.ok) return null;
    return { message: errorText(t, response.error), retryAfterSeconds: response.error.retryAfterSeconds };
  }

  const purchase = state.lastPurchase;
  const purchaseProduct =
    purchase && purchase.moreProducts > 0
      ? t('viewer.page.productAndMore', { product: purchase.productTitle, count: purchase.moreProducts })
      : (purchase?.productTitle ?? '');

  // The sheets and overlays sit outside the aside: on a phone it lets taps through to the video (pointer-events).
  return (
    <>
      <aside
        aria-label={t('viewer.page.shoppingAndChat')}
        className="pointer-events-none absolute inset-x-3 bottom-[calc(0.75rem+env(safe-area-inset-bottom))] z-10 flex max-h-[calc(100%-8rem)] flex-col gap-2 overflow-y-auto md:pointer-events-auto md:static md:max-h-none md:gap-3 md:overflow-visible"
      >
        {live && (
          <div className="pointer-events-auto self-end md:hidden" data-overlay="reactions">
            <ReactionBar onSend={onReact} vertical />
          </div>
        )}
        <div className="pointer-events-auto order-0 shrink-0">
          <EngagementCards showId={show.id} engagement={state.engagement} socketRef={socketRef} signedIn={signedIn} live={live} />
        </div>
        {state.auction && (
          <div className="pointer-events-auto order-3 shrink-0 md:order-1">
            <AuctionCard key={state.auction.id} auction={state.auction} socket={socketRef.current} signedIn={signedIn} />
          </div>
        )}
        <div className="pointer-events-auto order-3 shrink-0 md:order-1">
          {shown ? (
            <PinnedProduct
              key={shown.id}
              product={shown}
              rating={show.ratingBadges?.[shown.id]}
              back={
                opened
                  ? {
                      label: state.pinned ? t('viewer.product.backToLive') : t('viewer.product.closeProduct'),
                      onBack: () => onOpen(null),
                    }
                  : undefined
              }
              more={state.lineup.length > 1 && <LineupList lineup={state.lineup} shownId={shown.id} onOpen={openProduct} strip />}
              deal={state.deal}
              canBuy={signedIn}
              live={live}
              onBuy={buy}
              onAddToBag={addToBag}
              shipping={shipping}
              waitlist={{ state: (id) => waitlist.states[id], isHeld: waitlist.isHeld, join: waitlist.join }}
              qrPay={bag.qrKind && { kind: bag.qrKind, status: bag.qrStatus }}
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
            typedBeforeHydration={typedChat}
          />
          {live && assistant.enabled && <PublicReplies entries={assistant.publicReplies} />}
          {moderation.dialog}
        </div>
        <section aria-labelledby="lineup-heading" className="order-4 hidden md:block">
          <h2 id="lineup-heading" className="mb-2 text-sm font-semibold uppercase tracking-wide text-neutral-500">
            {t('viewer.page.lineup')}
          </h2>
          <LineupList lineup={state.lineup} shownId={shown?.id ?? null} onOpen={openProduct} />
        </section>
      </aside>
      {mounted &&
        overlaySlot &&
        createPortal(
          <>
            {waitlist.offer && (
              <BackInStockToast
                key={waitlist.offer.variantId}
                offer={waitlist.offer}
                onOpen={() => {
                  openProduct(waitlist.offer?.productId ?? null);
                  waitlist.dismissOffer();
                }}
                onDismiss={waitlist.dismissOffer}
              />
            )}
            <AnsweringOverlay questions={state.engagement.questions} />
          </>,
          overlaySlot,
        )}
      {mounted &&
        asking &&
        askSlot &&
        createPortal(
          <button
            type="button"
            aria-haspopup="dialog"
            aria-label={t('assistant.askButtonLabel')}
            onClick={() => assistant.setOpen(true)}
            className="rounded-full bg-white/90 px-3 py-1.5 text-sm font-bold text-ink shadow focus-visible:outline-2 focus-visible:outline-brand-500"
          >
            {t('assistant.askButton')}
          </button>,
          askSlot,
        )}
      {bagOpen && (
        <Suspense fallback={<SheetLoading />}>
          <BagDrawer controls={bag} live={live} onClose={onCloseBag} />
        </Suspense>
      )}
      {assistant.open && asking && (
        <Suspense fallback={<SheetLoading />}>
          <AskPanel controls={assistant} onClose={() => assistant.setOpen(false)} />
        </Suspense>
      )}
    </>
  );
}
