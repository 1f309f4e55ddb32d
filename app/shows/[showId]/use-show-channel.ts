'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import type { AuctionView } from '@/server/domain/auctions';
import type { ProductCard } from '@/server/domain/catalog';
import type { ChatMessageView } from '@/server/domain/chat';
import type { DealView } from '@/server/domain/shows';
import type { ShowStatus } from '@/server/domain/shows';
import type { AuctionResult, ReactionKind, ViewerRole } from '@/server/realtime/protocol';
import type { StageSeat, StageView } from '@/server/domain/stage';
import type { Refusal } from '@/app/_i18n/error-text';
import { emptyEngagement, type EngagementState } from './engagement/engagement-state';
import { connectShowSocket, openShowSocketEarly, type ShowClientSocket } from '../../_lib/show-socket';
import type { OverlaySchedule } from '../../_lib/overlay-schedule';
import { realtimePlayoutClock } from '../../_lib/realtime-playout-clock';
import type { PlayoutClock } from '../../_lib/playout-clock';

// A show page always opens its channel: start it as this module loads, before
// hydration, rather than in the hook's effect once the whole page has hydrated.
if (typeof window !== 'undefined' && window.location.pathname.startsWith('/shows/')) void openShowSocketEarly();

export type ConnectionState = 'connecting' | 'connected' | 'reconnecting';

const defaultPlayoutClock = realtimePlayoutClock();

/** The show's auction as the page shows it; `ended` once the server announced its result. */
export type AuctionState = AuctionView & { ended: { result: AuctionResult; priceMinor: number | null; winnerName: string | null } | null };

export interface ShowChannelState {
  connection: ConnectionState;
  /** Why the join was refused; the page words it in the viewer's language. */
  joinError: Refusal | null;
  status: ShowStatus;
  startedAt: string | null;
  /** The host is rehearsing and this page belongs to the staff: the stream plays under a "rehearsal" banner. */
  rehearsing: boolean;
  role: ViewerRole | null;
  pinned: ProductCard | null;
  lineup: ProductCard[];
  viewerCount: number;
  producerIds: string[];
  /** Changes whenever media must be set up again (a reconnect that could not be recovered). */
  mediaEpoch: number;
  chat: ChatMessageView[];
  pinnedMessage: ChatMessageView | null;
  slowModeSeconds: number;
  deal: DealView | null;
  auction: AuctionState | null;
  lastPurchase: { buyerName: string; productTitle: string; moreProducts: number; quantity: number; others: number; at: number } | null;
  reactionBurst: { counts: Partial<Record<ReactionKind, number>>; at: number } | null;
  engagement: EngagementState;
  /** Who is on stage besides the host, and how the host wants them shown. */
  stage: StageView;
  /** This person's own seat, and who invited them. */
  mySeat: { seat: StageSeat; hostName: string };
  /** Who is signed in on this socket: a guest's own producers are skipped. */
  me: string | null;
}

const EMPTY_STAGE: StageView = { layout: 'SIDE_BY_SIDE', guests: [] };

/**
 * The show channel as React state. A join returns a snapshot; broadcasts carry
 * sequence numbers and are applied on top. A gap in the numbers, or a reconnect
 * that Socket.io could not recover, means something was missed: join again.
 */
/**
 * initialProducerIds: rendered with the page (a live show's producers), so the player starts before the join answers.
 * playoutClock: what the viewer's screen shows, in server time; overlays tied to the host's words wait for it
 * (overlay-schedule.ts). The studio and a WebRTC viewer keep the default, the server's now.
 */
export function useShowChannel(
  showId: string,
  initialStatus: ShowStatus,
  initialProducerIds: string[] = [],
  playoutClock: PlayoutClock = defaultPlayoutClock,
) {
  const clockRef = useRef(playoutClock);
  const scheduleRef = useRef<OverlaySchedule | null>(null);
  useEffect(() => {
    clockRef.current = playoutClock;
    scheduleRef.current?.setClock(playoutClock);
  }, [playoutClock]);
  const socketRef = useRef<ShowClientSocket | null>(null);
  // The socket also as state: it opens after the first render (its library loads
  // on demand), and effects that listen on it must run again once it exists.
  const [socket, setSocket] = useState<ShowClientSocket | null>(null);
  const [state, setState] = useState<ShowChannelState>({
    connection: 'connecting',
    joinError: null,
    status: initialStatus,
    startedAt: null,
    role: null,
    pinned: null,
    lineup: [],
    viewerCount: 0,
    producerIds: initialProducerIds,
    mediaEpoch: 0,
    chat: [],
    pinnedMessage: null,
    slowModeSeconds: 0,
    deal: null,
    auction: null,
    lastPurchase: null,
    reactionBurst: null,
    engagement: emptyEngagement,
    stage: EMPTY_STAGE,
    rehearsing: false,
    mySeat: { seat: null, hostName: '' },
    me: null,
  });

  useEffect(() => {
    let socket: ShowClientSocket | null = null;
    let schedule: OverlaySchedule | null = null;
    let closed = false;
    // The wiring loads beside socket.io-client: neither is needed before the socket opens.
    void Promise.all([connectShowSocket(), import('./show-channel-wiring')]).then(([opened, wiring]) => {
      if (closed) return void opened.disconnect();
      schedule = wiring.createSchedule(clockRef.current);
      scheduleRef.current = schedule;
      socket = opened;
      socketRef.current = opened;
      setSocket(opened);
      wiring.follow(opened, schedule, showId, setState);
    });
    return () => {
      closed = true;
      schedule?.close();
      scheduleRef.current = null;
      socket?.disconnect();
      socketRef.current = null;
      setSocket(null);
    };
  }, [showId]);

  // A viewer can tap Send or Buy before the first join has answered (the box is usable from the server's
  // HTML on): the server would refuse with NOT_JOINED and the line would be lost. Actions wait for the join,
  // at most `waitMs`, then go anyway and show whatever the server answers.
  const joinedRef = useRef(false);
  const joinWaiters = useRef<(() => void)[]>([]);
  useEffect(() => {
    joinedRef.current = state.connection === 'connected';
    if (joinedRef.current) for (const wake of joinWaiters.current.splice(0)) wake();
  }, [state.connection]);
  const untilJoined = useCallback(
    (waitMs: number) =>
      joinedRef.current
        ? Promise.resolve()
        : new Promise<void>((resolve) => {
            joinWaiters.current.push(resolve);
            setTimeout(resolve, waitMs);
          }),
    [],
  );

  return { state, socketRef, socket, untilJoined };
}
