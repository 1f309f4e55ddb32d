'use client';

import { useEffect, useRef, useState } from 'react';
import type { ProductCard } from '@/server/domain/catalog';
import type { ShowStatus } from '@/server/domain/shows';
import type { ViewerRole } from '@/server/realtime/protocol';
import { connectShowSocket, request, type ShowClientSocket } from '../../_lib/show-socket';

export type ConnectionState = 'connecting' | 'connected' | 'reconnecting';

export interface ShowChannelState {
  connection: ConnectionState;
  joinError: string | null;
  status: ShowStatus;
  startedAt: string | null;
  role: ViewerRole | null;
  pinned: ProductCard | null;
  lineup: ProductCard[];
  viewerCount: number;
  producerIds: string[];
  lastPurchase: { buyerName: string; productTitle: string; quantity: number; at: number } | null;
}

function withStock(product: ProductCard, variantId: string, stock: number): ProductCard {
  if (!product.variants.some((v) => v.id === variantId)) return product;
  return { ...product, variants: product.variants.map((v) => (v.id === variantId ? { ...v, stock } : v)) };
}

/**
 * The show channel as React state: joins on every (re)connect so the snapshot is
 * always fresh, then applies the server's broadcasts to it.
 */
export function useShowChannel(showId: string, initialStatus: ShowStatus) {
  const socketRef = useRef<ShowClientSocket | null>(null);
  const [state, setState] = useState<ShowChannelState>({
    connection: 'connecting',
    joinError: null,
    status: initialStatus,
    startedAt: null,
    role: null,
    pinned: null,
    lineup: [],
    viewerCount: 0,
    producerIds: [],
    lastPurchase: null,
  });

  useEffect(() => {
    const socket = connectShowSocket();
    socketRef.current = socket;
    const patch = (update: (s: ShowChannelState) => Partial<ShowChannelState>) => setState((s) => ({ ...s, ...update(s) }));

    socket.on('connect', async () => {
      const joined = await request(socket, 'show:join', { showId });
      if (!joined.ok) {
        patch(() => ({ connection: 'connected', joinError: joined.error.message }));
        return;
      }
      const { state: show, role, viewerCount, producers } = joined;
      patch(() => ({
        connection: 'connected',
        joinError: null,
        status: show.status,
        startedAt: show.startedAt,
        role,
        pinned: show.pinnedProduct,
        lineup: show.lineup,
        viewerCount,
        producerIds: producers.filter((p) => p.kind === 'video' || p.kind === 'audio').map((p) => p.producerId),
      }));
    });
    socket.on('disconnect', () => patch(() => ({ connection: 'reconnecting', producerIds: [] })));
    socket.on('show:status', (e) => e.showId === showId && patch(() => ({ status: e.status, startedAt: e.startedAt })));
    socket.on('product:pinned', (e) => e.showId === showId && patch(() => ({ pinned: e.product })));
    socket.on('product:unpinned', (e) => e.showId === showId && patch(() => ({ pinned: null })));
    socket.on('viewers:count', (e) => e.showId === showId && patch(() => ({ viewerCount: e.count })));
    socket.on('stock:changed', (e) => {
      if (e.showId !== showId) return;
      patch((s) => ({
        pinned: s.pinned && withStock(s.pinned, e.variantId, e.stock),
        lineup: s.lineup.map((p) => withStock(p, e.variantId, e.stock)),
      }));
    });
    socket.on('order:justBought', (e) => {
      if (e.showId === showId) patch(() => ({ lastPurchase: { buyerName: e.buyerName, productTitle: e.productTitle, quantity: e.quantity, at: Date.now() } }));
    });
    socket.on('media:producerAdded', (e) => {
      if (e.showId === showId) patch((s) => ({ producerIds: s.producerIds.includes(e.producerId) ? s.producerIds : [...s.producerIds, e.producerId] }));
    });
    socket.on('media:producerClosed', (e) => {
      if (e.showId === showId) patch((s) => ({ producerIds: s.producerIds.filter((id) => id !== e.producerId) }));
    });
    return () => {
      socket.disconnect();
      socketRef.current = null;
    };
  }, [showId]);

  return { state, socketRef };
}
