'use client';

import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import type { Replay } from '@/server/domain/replays';
import type { ShowSummary } from '@/server/domain/shows';
import { chapterClock, chatCountAt, pinnedAt } from '@/server/domain/replay-timeline';
import { errorText } from '@/app/_i18n/error-text';
import { useI18n } from '../../../_i18n/client';
import { BagIcon } from '../../../_components/icons';
import { request } from '../../../_lib/show-socket';
import { LineupList, PinnedProduct, preloadPinnedProduct } from '../aside-parts';
import { SheetLoading } from '../loading-status';
import type { BuyResult } from '../pinned-product';
import { useBag } from '../use-bag';
import { useShowChannel } from '../use-show-channel';
// Not lazy: a lazy player hydrates late, and the show channel's first update before then makes React
// throw its server-rendered <video> away and render it again. hls.js itself loads inside it, on demand.
import { ReplayPlayer, type ReplayClock } from './replay-player';

const loadBagDrawer = () => import('../bag-drawer');
const BagDrawer = lazy(loadBagDrawer);

// How often the page reads the clock between jumps: a pin or a message appears within this of its moment.
const TICK_MS = 250;

/** The server time on screen, following the clock: at once on a jump, every tick while it plays. */
function usePlayoutMs(clock: ReplayClock | null): number | null {
  const [ms, setMs] = useState<number | null>(null);
  useEffect(() => {
    if (!clock) return;
    const read = () => setMs(clock.playoutServerMs());
    const unsubscribe = clock.subscribe(read);
    const timer = setInterval(read, TICK_MS);
    read();
    return () => {
      unsubscribe();
      clearInterval(timer);
    };
  }, [clock]);
  return clock ? ms : null;
}

/**
 * An ended show with a recording, played as a shoppable replay: the products appear as the
 * playhead passes the moments they were pinned, the chapters jump to those moments, the chat
 * replays alongside, and Buy and the bag sell at the regular price (the show's deals are over).
 */
export function ReplayViewer({ show, replay, signedIn }: { show: ShowSummary; replay: Replay; signedIn: boolean }) {
  const { t, format } = useI18n();
  // The show channel: buying and the bag go through it as in a live show.
  const { state, socketRef } = useShowChannel(show.id, show.status);
  const [clock, setClock] = useState<ReplayClock | null>(null);
  const nowMs = usePlayoutMs(clock);
  useEffect(() => void preloadPinnedProduct(), []);
  const bag = useBag(show.id, socketRef, signedIn && state.role !== null && state.connection === 'connected');
  const [bagOpen, setBagOpen] = useState(false);
  const [bagNotice, setBagNotice] = useState<string | null>(null);
  const [openedId, setOpenedId] = useState<string | null>(null);
  const bagButtonRef = useRef<HTMLButtonElement>(null);
  const closeBag = useCallback(() => {
    setBagOpen(false);
    bagButtonRef.current?.focus();
  }, []);

  const pinnedId = nowMs === null ? null : pinnedAt(replay.pins, nowMs);
  const pinned = replay.lineup.find((p) => p.id === pinnedId) ?? null;
  const opened = (openedId !== pinnedId && replay.lineup.find((p) => p.id === openedId)) || null;
  const shown = opened ?? pinned;
  const said = nowMs === null ? 0 : chatCountAt(replay.chat, nowMs);
  const chat = replay.chat.slice(Math.max(0, said - 30), said);
  const digits = (n: number, minimumIntegerDigits: number) => format.number(n, { minimumIntegerDigits, useGrouping: false });
  const shipping = bag.bag ? { rule: bag.bag.shipping, currency: bag.bag.currency } : null;
  const itemCount = bag.bag?.itemCount ?? 0;

  async function buy(variantId: string, idempotencyKey: string): Promise<BuyResult> {
    const socket = socketRef.current;
    if (!socket) return { ok: false, message: t('viewer.status.notConnected') };
    // No deal: a replay sells at the regular price. One retry with the same key, as in a live show.
    for (let attempt = 0; ; attempt++) {
      const response = await request(socket, 'order:buy', { showId: show.id, variantId, quantity: 1, idempotencyKey, dealId: null });
      if (response.ok) return { ok: true, order: response.order };
      if (response.error.code !== 'INTERNAL' || attempt >= 1)
        return { ok: false, message: errorText(t, response.error), code: response.error.code };
    }
  }

  async function addToBag(variantId: string) {
    setBagNotice(null);
    const answer = await bag.add(variantId);
    setBagNotice(answer.ok ? t('viewer.product.addedToBag') : answer.message);
  }

  return (
    <main className="relative mx-auto grid max-w-6xl gap-4 md:grid-cols-[minmax(0,1fr)_22rem] md:p-4" data-testid="replay">
      <div className="relative h-[calc(100dvh-3.5rem)] w-full overflow-hidden bg-black md:aspect-video md:h-auto md:max-h-[calc(100dvh-3.5rem)] md:rounded-2xl">
        <ReplayPlayer
          src={replay.playlistUrl}
          poster={show.coverImageUrl ?? '/poster.svg'}
          label={t('viewer.replay.videoLabel', { title: show.title })}
          chapters={replay.chapters}
          durationMs={replay.durationMs}
          onClock={setClock}
        />
        <div className="pointer-events-none absolute inset-x-0 top-0 z-10 flex flex-col gap-2 bg-gradient-to-b from-black/60 to-transparent p-3 text-white">
          <div className="flex items-start justify-between gap-2">
            <div className="min-w-0">
              <h1 className="truncate text-base font-semibold leading-tight">{show.title}</h1>
              <p className="truncate text-sm text-white/80">
                {show.host.name} · {show.brand.name}
              </p>
            </div>
            <span className="shrink-0 rounded bg-white/90 px-2 py-0.5 text-xs font-bold uppercase text-ink">
              {t('viewer.replay.badge')}
            </span>
          </div>
          {signedIn && (
            <div className="pointer-events-auto flex flex-col items-end gap-1 self-end">
              <button
                ref={bagButtonRef}
                type="button"
                aria-haspopup="dialog"
                onClick={() => setBagOpen(true)}
                onPointerEnter={() => void loadBagDrawer()}
                onFocus={() => void loadBagDrawer()}
                className="flex items-center gap-1 rounded-full bg-white/90 px-3 py-1.5 text-sm font-bold text-ink shadow focus-visible:outline-2 focus-visible:outline-brand-500"
              >
                {/* Its name is what it shows ("Bag 2"): a longer label would not contain the visible words in every language (WCAG 2.5.3). */}
                <BagIcon /> {t('viewer.bag.button')} <span className="tabular-nums">{itemCount}</span>
              </button>
              <p aria-live="polite" className="max-w-48 rounded-lg bg-black/60 px-2 py-1 text-right text-xs text-white empty:hidden">
                {bagNotice}
              </p>
            </div>
          )}
        </div>
      </div>
      {/* On a phone the product and chat float over the video above its controls; on a wide screen they fill the side panel. */}
      <aside
        aria-label={t('viewer.page.shoppingAndChat')}
        className="pointer-events-none absolute inset-x-3 bottom-16 z-10 flex max-h-[calc(100%-10rem)] flex-col gap-2 overflow-y-auto md:pointer-events-auto md:static md:max-h-none md:gap-3 md:overflow-visible"
      >
        {replay.chapters.length > 0 && (
          <nav aria-label={t('viewer.replay.chapters')} className="pointer-events-auto order-0 shrink-0">
            <h2 className="sr-only md:not-sr-only md:mb-2 md:text-sm md:font-semibold md:uppercase md:tracking-wide md:text-neutral-500">
              {t('viewer.replay.chapters')}
            </h2>
            <ol className="flex gap-2 overflow-x-auto md:flex-col md:overflow-visible">
              {replay.chapters.map((chapter) => (
                <li key={`${chapter.productId}-${chapter.atMs}`} className="shrink-0">
                  <button
                    type="button"
                    onClick={() => clock?.seekToServerMs(chapter.atMs)}
                    aria-current={pinnedId === chapter.productId ? 'true' : undefined}
                    className="rounded-full bg-white/90 px-3 py-1 text-left text-sm font-medium text-ink shadow aria-[current=true]:bg-brand-500 aria-[current=true]:text-white focus-visible:outline-2 focus-visible:outline-brand-500 md:w-full md:rounded-xl md:border md:border-neutral-200 md:shadow-none"
                  >
                    {t('viewer.replay.chapter', { product: chapter.title, time: chapterClock(chapter.offsetMs, digits) })}
                  </button>
                </li>
              ))}
            </ol>
          </nav>
        )}
        <div className="pointer-events-auto order-3 shrink-0 md:order-1">
          {shown ? (
            <PinnedProduct
              key={shown.id}
              product={shown}
              back={opened ? { label: t('viewer.product.closeProduct'), onBack: () => setOpenedId(null) } : undefined}
              more={replay.lineup.length > 1 && <LineupList lineup={replay.lineup} shownId={shown.id} onOpen={setOpenedId} strip />}
              deal={null}
              canBuy={signedIn}
              live
              onBuy={buy}
              onAddToBag={addToBag}
              shipping={shipping}
            />
          ) : (
            <p className="hidden rounded-2xl border border-dashed border-neutral-300 p-6 text-center text-neutral-600 md:block">
              {t('viewer.replay.noPinned')}
            </p>
          )}
          <p className="mt-1 hidden text-xs text-neutral-500 md:block">{t('viewer.replay.regularPrice')}</p>
        </div>
        <section
          aria-label={t('viewer.replay.chat')}
          className="pointer-events-auto order-2 max-h-40 shrink-0 overflow-y-auto rounded-xl bg-black/40 p-2 text-white md:max-h-80 md:bg-white md:p-3 md:text-ink md:shadow-sm"
        >
          <h2 className="sr-only">{t('viewer.replay.chat')}</h2>
          {chat.length === 0 ? (
            <p className="text-sm opacity-80">{t('viewer.replay.noChatYet')}</p>
          ) : (
            <ol aria-live="off" data-testid="replay-chat" className="space-y-1 text-sm">
              {chat.map((message) => (
                <li key={message.id}>
                  <span className="font-semibold">{message.author.name}</span> {message.text}
                </li>
              ))}
            </ol>
          )}
        </section>
        <section aria-labelledby="replay-lineup-heading" className="order-4 hidden md:block">
          <h2 id="replay-lineup-heading" className="mb-2 text-sm font-semibold uppercase tracking-wide text-neutral-500">
            {t('viewer.page.lineup')}
          </h2>
          <LineupList lineup={replay.lineup} shownId={shown?.id ?? null} onOpen={setOpenedId} />
        </section>
      </aside>
      {bagOpen && (
        <Suspense fallback={<SheetLoading />}>
          <BagDrawer controls={bag} live onClose={closeBag} />
        </Suspense>
      )}
    </main>
  );
}
