'use client';

import type { ShowSummary } from '@/server/domain/shows';
import { request } from '../../_lib/show-socket';
import { BagIcon, EyeIcon } from '../../_components/icons';
import { LiveVideo } from './live-video';
import { PinnedProduct, type BuyResult } from './pinned-product';
import { useShowChannel } from './use-show-channel';

const STATUS_TEXT = {
  SCHEDULED: 'This show has not started yet. Stay here: it will start playing when the host goes live.',
  ENDED: 'This show has ended. Thanks for watching!',
  CANCELLED: 'This show was cancelled.',
  LIVE: null,
} as const;

export function ShowViewer({ show, signedIn }: { show: ShowSummary; signedIn: boolean }) {
  const { state, socketRef } = useShowChannel(show.id, show.status);
  const live = state.status === 'LIVE';
  const statusText = STATUS_TEXT[state.status];

  async function buy(variantId: string, idempotencyKey: string): Promise<BuyResult> {
    const socket = socketRef.current;
    if (!socket) return { ok: false, message: 'Not connected yet. Please try again in a moment.' };
    // One retry with the same key: if the first answer was lost, the server replays the same order.
    for (let attempt = 0; ; attempt++) {
      const response = await request(socket, 'order:buy', { showId: show.id, variantId, quantity: 1, idempotencyKey });
      if (response.ok) return { ok: true, order: response.order };
      if (response.error.code !== 'INTERNAL' || attempt >= 1) return { ok: false, message: response.error.message };
    }
  }

  return (
    <main className="relative mx-auto grid max-w-6xl gap-4 md:grid-cols-[minmax(0,1fr)_22rem] md:p-4">
      <div className="relative aspect-[9/16] max-h-[calc(100dvh-3.5rem)] w-full overflow-hidden bg-black md:aspect-video md:rounded-2xl">
        <LiveVideo showId={show.id} socketRef={socketRef} producerIds={state.producerIds} poster="/poster.svg" />
        <div className="pointer-events-none absolute inset-x-0 top-0 flex items-start justify-between bg-gradient-to-b from-black/60 to-transparent p-3 text-white">
          <div>
            <h1 className="text-base font-semibold leading-tight">{show.title}</h1>
            <p className="text-sm text-white/80">
              {show.host.name} · {show.brand.name}
            </p>
          </div>
          <div className="flex items-center gap-2 text-sm">
            {live && <span className="rounded bg-brand-500 px-2 py-0.5 text-xs font-bold uppercase">Live</span>}
            <span aria-label={`${state.viewerCount} watching`} data-testid="viewer-count" className="rounded bg-black/50 px-2 py-0.5">
              <EyeIcon /> {state.viewerCount}
            </span>
          </div>
        </div>
        {(statusText || state.connection !== 'connected' || state.joinError) && (
          <p role="status" className="absolute inset-x-4 top-1/3 mx-auto max-w-sm rounded-xl bg-black/70 p-4 text-center text-white">
            {state.joinError ?? (state.connection === 'reconnecting' ? 'Connection lost. Reconnecting…' : state.connection === 'connecting' ? 'Connecting…' : statusText)}
          </p>
        )}
        {state.lastPurchase && (
          <p key={state.lastPurchase.at} aria-live="polite" className="absolute left-3 top-32 rounded-full bg-white/90 px-3 py-1 text-sm font-medium text-ink shadow motion-safe:animate-pulse">
            <BagIcon /> {state.lastPurchase.buyerName} just bought {state.lastPurchase.productTitle}
          </p>
        )}
      </div>
      {/* On a phone the pinned card floats over the video within thumb reach; on a wide screen it heads the side panel. */}
      <aside aria-label="Products in this show" className="absolute inset-x-3 bottom-3 z-10 space-y-4 md:static">
        {state.pinned ? (
          <PinnedProduct key={state.pinned.id} product={state.pinned} canBuy={signedIn} live={live} onBuy={buy} />
        ) : (
          <p className="hidden rounded-2xl border border-dashed border-neutral-300 p-6 text-center text-neutral-600 md:block">The host has not pinned a product yet.</p>
        )}
        <h2 className="hidden text-sm font-semibold uppercase tracking-wide text-neutral-500 md:block">In this show</h2>
        <ul className="hidden space-y-2 md:block">
          {state.lineup.map((p) => (
            <li key={p.id} className="flex items-center gap-3 rounded-xl bg-white p-2 shadow-sm">
              {p.imageUrl && <img src={p.imageUrl} alt="" width={48} height={48} className="h-12 w-12 rounded-lg object-cover" />}
              <span className="text-sm font-medium">{p.title}</span>
            </li>
          ))}
        </ul>
      </aside>
    </main>
  );
}
