'use client';

import { useEffect, useRef, useState } from 'react';
import type { ShowSummary } from '@/server/domain/shows';
import type { Publisher } from '../../_lib/media-client';
import { formatPrice } from '../../_lib/format';
import { request } from '../../_lib/show-socket';
import { ChatPanel } from '../../_components/chat-panel';
import { EyeIcon } from '../../_components/icons';
import { DealControls, type DealRequest } from './deal-form';
import { useShowChannel } from '../../shows/[showId]/use-show-channel';

interface Sale {
  orderNumber: number;
  totalMinor: number;
  currency: string;
  productTitle: string;
  variantName: string;
  buyerName: string;
}

export function Studio({ show }: { show: ShowSummary }) {
  const { state, socketRef } = useShowChannel(show.id, show.status);
  const previewRef = useRef<HTMLVideoElement>(null);
  const streamRef = useRef<MediaStream | null>(null);
  const [stream, setStream] = useState<MediaStream | null>(null);
  const publisherRef = useRef<Publisher | null>(null);
  const [cameraError, setCameraError] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const [publishing, setPublishing] = useState(false);
  const [sales, setSales] = useState<Sale[]>([]);
  const live = state.status === 'LIVE';

  useEffect(() => {
    let stopped = false;
    navigator.mediaDevices
      .getUserMedia({ video: { width: 1280, height: 720, frameRate: 30 }, audio: true })
      .then((stream) => {
        if (stopped) return stream.getTracks().forEach((t) => t.stop());
        streamRef.current = stream;
        setStream(stream);
        if (previewRef.current) previewRef.current.srcObject = stream;
      })
      .catch(() => setCameraError('We cannot use your camera or microphone. Allow access in the browser and reload.'));
    return () => {
      stopped = true;
      streamRef.current?.getTracks().forEach((t) => t.stop());
      publisherRef.current?.close();
    };
  }, []);

  useEffect(() => {
    const socket = socketRef.current;
    if (!socket) return;
    const onSale = (sale: Sale & { showId: string }) => sale.showId === show.id && setSales((s) => [sale, ...s].slice(0, 50));
    socket.on('sale:made', onSale);
    return () => void socket.off('sale:made', onSale);
  }, [socketRef, show.id]);

  // Publish whenever the show is live and this connection is not yet sending. A
  // recovered reconnect keeps the running publisher (its WebRTC transport survives
  // a signalling blip); a fresh join (new mediaEpoch) means the server forgot it.
  const publishedEpochRef = useRef(0);
  const startingRef = useRef(false);
  useEffect(() => {
    const socket = socketRef.current;
    if (publisherRef.current && publishedEpochRef.current !== state.mediaEpoch) {
      publisherRef.current.close();
      publisherRef.current = null;
    }
    if (!live || state.connection !== 'connected' || state.role !== 'host' || !socket || !stream || publisherRef.current || startingRef.current) return;
    publishedEpochRef.current = state.mediaEpoch;
    startingRef.current = true;
    setPublishing(true);
    import('../../_lib/media-client')
      .then(({ Publisher }) => Publisher.start(socket, show.id, stream))
      .then(
        (publisher) => {
          startingRef.current = false;
          publisherRef.current = publisher;
          setPublishing(false);
        },
        () => {
          startingRef.current = false;
          setPublishing(false);
          setActionError('Your video could not be sent. Check your connection and reload the studio.');
        },
      );
  }, [live, state.connection, state.role, state.mediaEpoch, socketRef, show.id, stream]);

  async function run(action: () => Promise<{ ok: boolean; error?: { message: string } }>) {
    setActionError(null);
    const result = await action();
    if (!result.ok) setActionError(result.error?.message ?? 'That did not work.');
  }
  const socket = () => socketRef.current!;
  const revenue = sales.reduce((sum, s) => sum + s.totalMinor, 0);
  const unitsByProduct = new Map<string, number>();
  for (const sale of sales) unitsByProduct.set(sale.productTitle, (unitsByProduct.get(sale.productTitle) ?? 0) + 1);
  const topProduct = [...unitsByProduct.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '—';
  const startDeal = (deal: DealRequest) => run(() => request(socket(), 'deal:start', { showId: show.id, ...deal }));
  const chatActions = {
    send: async (text: string) => {
      const response = await request(socket(), 'chat:send', { showId: show.id, text });
      return response.ok ? null : response.error.message;
    },
    remove: (messageId: string) => void run(() => request(socket(), 'chat:delete', { showId: show.id, messageId })),
    pin: (messageId: string | null) => void run(() => request(socket(), 'chat:pin', { showId: show.id, messageId })),
    ban: (userId: string, name: string) => {
      if (window.confirm(`Ban ${name} from this show's chat? Their messages will be removed.`)) void run(() => request(socket(), 'chat:ban', { showId: show.id, userId }));
    },
  };

  return (
    <main className="mx-auto grid max-w-6xl gap-4 p-4 lg:grid-cols-[minmax(0,1fr)_24rem]">
      <section aria-label="Camera" className="space-y-3">
        <div className="relative aspect-video overflow-hidden rounded-2xl bg-black">
          <video ref={previewRef} data-testid="studio-preview" className="h-full w-full object-cover" autoPlay playsInline muted aria-label="Your camera preview" />
          <div className="absolute left-3 top-3 flex gap-2 text-sm text-white">
            <span className={`rounded px-2 py-0.5 font-bold uppercase ${live ? 'bg-brand-500' : 'bg-neutral-700'}`} data-testid="studio-status">
              {live ? 'Live' : state.status === 'ENDED' ? 'Ended' : 'Off air'}
            </span>
            <span className="rounded bg-black/60 px-2 py-0.5" aria-label={`${state.viewerCount} watching`}>
              <EyeIcon /> {state.viewerCount}
            </span>
            {publishing && <span className="rounded bg-black/60 px-2 py-0.5">Connecting video…</span>}
          </div>
        </div>
        {cameraError && <p role="alert" className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-800">{cameraError}</p>}
        {actionError && <p role="alert" className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-800">{actionError}</p>}
        <h1 className="text-xl font-bold">{show.title}</h1>
        <div className="flex gap-2">
          {state.status === 'SCHEDULED' && (
            <button type="button" onClick={() => run(() => request(socket(), 'show:goLive', { showId: show.id }))} disabled={state.connection !== 'connected' || !!cameraError} className="rounded-full bg-brand-500 px-6 py-3 font-bold text-white hover:bg-brand-600 disabled:opacity-50">
              Go live
            </button>
          )}
          {live && (
            <button
              type="button"
              onClick={() => window.confirm('End the show for everyone?') && run(() => request(socket(), 'show:end', { showId: show.id }))}
              className="rounded-full border border-neutral-300 px-6 py-3 font-semibold hover:bg-neutral-100"
            >
              End show
            </button>
          )}
        </div>
      </section>
      <aside className="space-y-4">
        <section aria-labelledby="figures-heading" className="rounded-2xl bg-white p-4 shadow-sm">
          <h2 id="figures-heading" className="mb-2 font-semibold">Live figures</h2>
          <dl className="grid grid-cols-2 gap-2 text-sm" data-testid="studio-figures">
            <div><dt className="text-neutral-500">Watching</dt><dd className="text-xl font-bold">{state.viewerCount}</dd></div>
            <div><dt className="text-neutral-500">Orders</dt><dd className="text-xl font-bold" data-testid="studio-orders">{sales.length}</dd></div>
            <div><dt className="text-neutral-500">Revenue</dt><dd className="text-xl font-bold" data-testid="studio-revenue">{formatPrice(revenue, sales[0]?.currency ?? 'USD')}</dd></div>
            <div><dt className="text-neutral-500">Top product</dt><dd className="truncate font-semibold">{topProduct}</dd></div>
          </dl>
          <ul aria-live="polite" aria-label="Recent sales" className="mt-2 max-h-32 space-y-1 overflow-y-auto text-sm" data-testid="sales-feed">
            {sales.map((s) => (
              <li key={s.orderNumber}>
                #{s.orderNumber} · {s.buyerName} bought {s.productTitle} ({s.variantName}) · {formatPrice(s.totalMinor, s.currency)}
              </li>
            ))}
          </ul>
        </section>
        <section aria-labelledby="deal-heading" className="rounded-2xl bg-white p-4 shadow-sm">
          <h2 id="deal-heading" className="mb-2 font-semibold">Flash deal</h2>
          {live ? <DealControls pinned={state.pinned} deal={state.deal} onStart={startDeal} onEnd={() => void run(() => request(socket(), 'deal:end', { showId: show.id }))} /> : <p className="text-sm text-neutral-600">Go live to run deals.</p>}
        </section>
        <section aria-labelledby="lineup-heading" className="rounded-2xl bg-white p-4 shadow-sm">
          <h2 id="lineup-heading" className="mb-2 font-semibold">Lineup</h2>
          <ul className="space-y-2">
            {state.lineup.map((product) => {
              const pinned = state.pinned?.id === product.id;
              const stock = product.variants.reduce((sum, v) => sum + v.stock, 0);
              return (
                <li key={product.id} className={`flex items-center gap-3 rounded-xl p-2 ${pinned ? 'bg-brand-50 ring-2 ring-brand-500' : 'bg-neutral-50'}`}>
                  {product.imageUrl && <img src={product.imageUrl} alt="" width={48} height={48} className="h-12 w-12 rounded-lg object-cover" />}
                  <div className="min-w-0 flex-1">
                    <p className="truncate text-sm font-medium">{product.title}</p>
                    <p className="text-xs text-neutral-600">{stock} in stock</p>
                  </div>
                  <button
                    type="button"
                    aria-pressed={pinned}
                    aria-label={pinned ? `Unpin ${product.title}` : `Pin ${product.title}`}
                    disabled={!live}
                    onClick={() => run(() => (pinned ? request(socket(), 'product:unpin', { showId: show.id }) : request(socket(), 'product:pin', { showId: show.id, productId: product.id })))}
                    className="rounded-full bg-ink px-3 py-1.5 text-sm font-semibold text-white hover:bg-neutral-800 disabled:opacity-40"
                  >
                    {pinned ? 'Unpin' : 'Pin'}
                  </button>
                </li>
              );
            })}
          </ul>
        </section>
        <section aria-labelledby="chat-heading" className="flex h-96 flex-col rounded-2xl bg-white p-4 shadow-sm">
          <div className="mb-2 flex items-center justify-between">
            <h2 id="chat-heading" className="font-semibold">Chat</h2>
            <label className="flex items-center gap-2 text-sm">
              Slow mode
              <select
                value={state.slowModeSeconds}
                onChange={(e) => void run(() => request(socket(), 'chat:slowMode', { showId: show.id, seconds: Number(e.target.value) }))}
                className="rounded-lg border border-neutral-300 px-2 py-1"
              >
                {[0, 5, 10, 30, 60].map((sec) => (
                  <option key={sec} value={sec}>
                    {sec === 0 ? 'Off' : `${sec} s`}
                  </option>
                ))}
              </select>
            </label>
          </div>
          <ChatPanel messages={state.chat} pinnedMessage={state.pinnedMessage} slowModeSeconds={state.slowModeSeconds} signedIn canModerate actions={chatActions} />
        </section>
      </aside>
    </main>
  );
}
