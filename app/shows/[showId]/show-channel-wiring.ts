'use client';

import type { Dispatch, SetStateAction } from 'react';
import type { ProductCard } from '@/server/domain/catalog';
import type { SequencedEvents, ShowSnapshot } from '@/server/realtime/protocol';
import type { EngagementState } from './engagement/engagement-state';
import { engagementUpdates } from './engagement/engagement-updates';
import { request, type ShowClientSocket } from '../../_lib/show-socket';
import { SequenceOrder } from '../../_lib/sequence-order';
import { OverlaySchedule } from '../../_lib/overlay-schedule';
import type { PlayoutClock } from '../../_lib/playout-clock';
import type { ShowChannelState } from './use-show-channel';

// The show channel's wiring (how each broadcast changes the state, the join and its snapshot, the order of
// broadcasts and the overlays' schedule): nothing of it runs before the socket is open, so it loads beside
// socket.io-client, not with the page (use-show-channel.ts keeps the state the page renders from).

const CHAT_KEEP = 200;

export function createSchedule(clock: PlayoutClock): OverlaySchedule {
  return new OverlaySchedule(clock);
}

function withStock(product: ProductCard, variantId: string, stock: number): ProductCard {
  if (!product.variants.some((v) => v.id === variantId)) return product;
  return { ...product, variants: product.variants.map((v) => (v.id === variantId ? { ...v, stock } : v)) };
}

/**
 * A pinned product as the viewer's lineup has it. The pin is broadcast to the whole room in the product's own
 * words, while the join gave this viewer the lineup in their language (issue 19 item 6), so the title,
 * description and variant names come from the lineup's copy. A pin applied after it waited for the playout
 * carries the stock of its moment; the lineup's is newer.
 */
function asInLineup(product: ProductCard, lineup: ProductCard[]): ProductCard {
  const current = lineup.find((p) => p.id === product.id);
  if (!current) return product;
  return {
    ...product,
    title: current.title,
    description: current.description,
    variants: product.variants.map((v) => {
      const mine = current.variants.find((c) => c.id === v.id);
      return mine ? { ...v, name: mine.name, stock: mine.stock } : v;
    }),
  };
}

type Patch = (s: ShowChannelState) => Partial<ShowChannelState>;
type Handlers = { [E in keyof SequencedEvents]: (event: Parameters<SequencedEvents[E]>[0]) => Patch };

// How each broadcast changes the state; one entry per sequenced event, checked by the compiler.
const apply: Handlers = {
  'show:status': (e) => () => ({ status: e.status, startedAt: e.startedAt, ...(e.status === 'SCHEDULED' ? {} : { rehearsing: false }) }),
  'show:rehearsal': (e) => () => ({ rehearsing: e.rehearsing }),
  'product:pinned': (e) => (s) => ({ pinned: asInLineup(e.product, s.lineup) }),
  'product:unpinned': () => () => ({ pinned: null }),
  'stock:changed': (e) => (s) => ({
    pinned: s.pinned && withStock(s.pinned, e.variantId, e.stock),
    lineup: s.lineup.map((p) => withStock(p, e.variantId, e.stock)),
  }),
  'order:justBought': (e) => () => ({
    lastPurchase: {
      buyerName: e.buyerName,
      productTitle: e.productTitle,
      moreProducts: e.moreProducts ?? 0,
      quantity: e.quantity,
      others: e.others,
      at: Date.now(),
    },
  }),
  'deal:started': (e) => () => ({ deal: e.deal }),
  'deal:updated': (e) => (s) => ({ deal: s.deal?.id === e.dealId ? { ...s.deal, soldCount: e.soldCount } : s.deal }),
  'deal:ended': (e) => (s) => ({ deal: s.deal?.id === e.dealId ? null : s.deal }),
  'auction:started': (e) => () => ({ auction: { ...e.auction, ended: null } }),
  'auction:bid': (e) => (s) =>
    s.auction?.id === e.auctionId && e.bidCount >= s.auction.bidCount
      ? {
          auction: {
            ...s.auction,
            priceMinor: e.priceMinor,
            leaderName: e.leaderName,
            bidCount: e.bidCount,
            nextBidMinor: e.nextBidMinor,
            endsAt: e.endsAt,
          },
        }
      : {},
  'auction:extended': (e) => (s) => (s.auction?.id === e.auctionId ? { auction: { ...s.auction, endsAt: e.endsAt } } : {}),
  'auction:ended': (e) => (s) =>
    s.auction?.id === e.auctionId
      ? { auction: { ...s.auction, status: e.result, ended: { result: e.result, priceMinor: e.priceMinor, winnerName: e.winnerName } } }
      : {},
  'chat:message': (e) => (s) => ({ chat: [...s.chat, e.message].slice(-CHAT_KEEP) }),
  'chat:deleted': (e) => (s) => ({
    chat: s.chat.filter((m) => !e.messageIds.includes(m.id)),
    pinnedMessage: s.pinnedMessage && e.messageIds.includes(s.pinnedMessage.id) ? null : s.pinnedMessage,
  }),
  'chat:slowMode': (e) => () => ({ slowModeSeconds: e.seconds }),
  'chat:pinned': (e) => () => ({ pinnedMessage: e.message }),
  'reactions:burst': (e) => () => ({ reactionBurst: { counts: e.counts, at: Date.now() } }),
  'viewers:count': (e) => () => ({ viewerCount: e.count }),
  'media:producerAdded': (e) => (s) => ({
    producerIds:
      s.producerIds.includes(e.producerId) || (e.publisher?.guest === true && e.publisher.userId === s.me)
        ? s.producerIds
        : [...s.producerIds, e.producerId],
  }),
  'media:producerClosed': (e) => (s) => ({ producerIds: s.producerIds.filter((id) => id !== e.producerId) }),
  // Every producer and consumer died with the media server's worker: set media up again.
  'media:restarted': () => (s) => ({ producerIds: [], mediaEpoch: s.mediaEpoch + 1 }),
  'stage:changed': (e) => () => ({ stage: e.stage }),
  ...(Object.fromEntries(
    Object.entries(engagementUpdates).map(([event, update]) => [
      event,
      (e: never) => (s: ShowChannelState) => ({
        engagement: { ...s.engagement, ...(update as (e: never) => (x: EngagementState) => Partial<EngagementState>)(e)(s.engagement) },
      }),
    ]),
  ) as Pick<Handlers, keyof typeof engagementUpdates>),
};

/** The snapshot without its timed overlays (the pin and the deal), which wait for the playout like broadcasts. */
function fromSnapshot(snapshot: ShowSnapshot): Partial<ShowChannelState> {
  const { state: show } = snapshot;
  return {
    connection: 'connected',
    joinError: null,
    status: show.status,
    startedAt: show.startedAt,
    role: snapshot.role,
    rehearsing: snapshot.rehearsing,
    lineup: show.lineup,
    viewerCount: snapshot.viewerCount,
    producerIds: snapshot.producers.map((p) => p.producerId),
    chat: snapshot.chat,
    pinnedMessage: snapshot.pinnedMessage,
    slowModeSeconds: snapshot.slowModeSeconds,
    engagement: snapshot.engagement,
    auction: snapshot.auction && { ...snapshot.auction, ended: null },
    stage: snapshot.stage,
    mySeat: { seat: snapshot.myStage, hostName: snapshot.state.host.name },
    me: snapshot.userId,
  };
}

/** Wires one socket to the state: joins, applies broadcasts in order, re-joins after a gap. */
export function follow(
  socket: ShowClientSocket,
  schedule: OverlaySchedule,
  showId: string,
  setState: Dispatch<SetStateAction<ShowChannelState>>,
): void {
  let seq = 0;
  let joinedBefore = false;
  // While a join is in flight, broadcasts wait here and are applied on top of its snapshot.
  let buffered: [keyof SequencedEvents, { showId: string; seq: number }][] | null = null;
  const patch = (update: Patch) => setState((s) => ({ ...s, ...update(s) }));
  const applyEvent = (event: keyof SequencedEvents, payload: { seq: number }) => {
    seq = payload.seq;
    const update = (apply[event] as (e: unknown) => Patch)(payload);
    // Numbered now (gaps are judged by arrival); shown when the viewer's playout reaches the event's moment.
    schedule.route(event, payload, () => patch(update));
  };
  // Broadcasts from two server nodes can arrive swapped: a short wait for the missing number before calling it a gap.
  const inOrder = new SequenceOrder<{ event: keyof SequencedEvents; seq: number; payload: { showId: string; seq: number } }>(
    ({ event, payload }) => applyEvent(event, payload),
    () => void join(),
  );

  const join = async () => {
    if (buffered) return;
    // What was held waiting for a missing number is newer than that number: it goes on top of the snapshot.
    buffered = inOrder.drain().map(({ event, payload }) => [event, payload]);
    const joined = await request(socket, 'show:join', { showId });
    const pending = buffered;
    buffered = null;
    if (!joined.ok) return patch(() => ({ connection: 'connected', joinError: joined.error }));
    seq = joined.seq;
    performance.mark('lc:joined');
    // A later join (a reconnect that could not be recovered) sets media up again; the first keeps what started early.
    const epochStep = joinedBefore ? 1 : 0;
    joinedBefore = true;
    // The snapshot reflects everything held so far; its pin and deal wait for the playout like their broadcasts.
    schedule.reset();
    patch((s) => ({ ...fromSnapshot(joined), mediaEpoch: s.mediaEpoch + epochStep }));
    schedule.offer('pin', joined.state.pinnedProduct ? joined.pinnedAt : null, () => patch(() => ({ pinned: joined.state.pinnedProduct })));
    schedule.offer('deal', joined.deal ? Date.parse(joined.deal.startedAt) : null, () => patch(() => ({ deal: joined.deal })));
    for (const [event, payload] of pending.sort((x, y) => x[1].seq - y[1].seq)) if (payload.seq > seq) applyEvent(event, payload);
  };

  socket.on('connect', () => {
    // Recovered: Socket.io replays what was missed, in order, right after this.
    if (socket.recovered) patch(() => ({ connection: 'connected' }));
    else void join();
  });
  socket.on('disconnect', () => patch(() => ({ connection: 'reconnecting' })));
  // A handshake refused by the server (e.g. TOO_MANY_CONNECTIONS) carries its code; Socket.io does not retry it.
  socket.on('connect_error', (error: Error & { data?: { code?: unknown; reason?: unknown } }) => {
    const { code, reason } = error.data ?? {};
    if (typeof code === 'string') patch(() => ({ joinError: { code, ...(typeof reason === 'string' ? { reason } : {}) } }));
  });
  for (const event of Object.keys(apply) as (keyof SequencedEvents)[]) {
    socket.on(event, (payload: { showId: string; seq: number }) => {
      if (payload.showId !== showId) return;
      if (buffered) buffered.push([event, payload]);
      // Applied in order; a gap that stays open means something was missed, and a fresh snapshot is taken.
      else inOrder.offer({ event, seq: payload.seq, payload }, seq);
    });
  }
  // Not sequenced, to this viewer only: its media worker died, the show's producers did not; consume them again.
  socket.on('media:moved', (payload) => {
    if (payload.showId === showId) patch((s) => ({ mediaEpoch: s.mediaEpoch + 1 }));
  });
  // Not sequenced, to this person only: invited on stage, seated, or off it.
  socket.on('stage:seat', (payload) => {
    if (payload.showId === showId) patch((s) => ({ mySeat: { seat: payload.seat, hostName: payload.hostName || s.mySeat.hostName } }));
  });
  // A socket opened early (during hydration) may be connected already: its 'connect' has passed.
  if (socket.connected) void join();
}
