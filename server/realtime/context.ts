import type { Phrasing } from '../domain/assistant';
import type { QrConfig } from '../domain/qr-payments';
import type { Logger } from 'pino';
import type { Actor, Db } from '../domain/context';
import { AppError } from '../domain/errors';
import type { PaymentProvider } from '../domain/payments';
import type { MediaService } from '../media/media-service';
import type { SimulcastService } from '../media/rtmp-out';
import type { ShowBroadcaster } from './broadcaster';
import type { ConnectionsPerIpOptions } from './connection-limit';
import type { AuctionFeed } from './auction-feed';
import type { AuctionRunner } from './auction-runner';
import type { DealTimers } from './deal-timers';
import type { ShowServer, ShowSocket } from './handler';
import type { ShowPresence } from './presence';
import type { PurchaseFeed } from './purchase-feed';
import type { ViewerRole } from './protocol';
import type { ReactionAggregator } from './reactions';
import type { ChatBudget } from './rate-limiter';
import type { ClusterLink } from './cluster/link';
import type { SharedTaps } from '../domain/orders';
import type { AnalyticsWriter } from '../domain/analytics';

export interface RealtimeDeps {
  db: Db;
  payments: PaymentProvider;
  media: MediaService;
  log: Logger;
  authSecret: string;
  /** Concurrent connections per client address; unlimited when absent. */
  connectionsPerIp?: ConnectionsPerIpOptions;
  /** Multi-node mode (REDIS_URL): the Redis every node shares; absent, everything lives in this process. */
  cluster?: ClusterLink | null;
  /** RTMP out: this node's pushes and the key that seals stream keys (from SECRETS_KEY). */
  simulcast?: { service: SimulcastService; key: Buffer } | null;
  /** How long a unit back in stock is held for each person on its waitlist (WAITLIST_HOLD_MINUTES). */
  waitlistHoldMinutes?: number;
  /** The shop assistant's optional rewording model (ASSISTANT_LLM_URL); absent, answers are the engine's own words. */
  assistantPhrasing?: Phrasing | null;
  /** QR payments (issue 21): the rails' URLs and timings; absent, a QR checkout is refused (QR_NOT_OFFERED). */
  qr?: QrConfig | null;
}

/** Per-process state shared by every connection. */
export interface RealtimeShared {
  io: ShowServer;
  presence: ShowPresence;
  broadcaster: ShowBroadcaster;
  reactions: ReactionAggregator;
  chatLimiter: ChatBudget;
  /** Questions to the shop assistant, per person: one client asking in a loop cannot slow anybody else's answers. */
  assistantLimiter: ChatBudget;
  dealTimers: DealTimers;
  purchases: PurchaseFeed;
  /** Multi-node mode: one-tap retries recognised on every node. */
  sharedTaps: SharedTaps | null;
  auctions: AuctionRunner;
  auctionFeed: AuctionFeed;
  /** The audience's events for the post-show report, written in batches (server/domain/analytics). */
  analytics: AnalyticsWriter;
}

export interface ConnectionContext extends RealtimeDeps, RealtimeShared {
  socket: ShowSocket;
}

export function requireUser(socket: ShowSocket): Actor {
  const user = socket.data.user;
  if (!user) throw new AppError('UNAUTHENTICATED', 'anonymous socket');
  return user;
}

/** The socket's role in a show it has joined; events about other shows are refused. */
export function requireJoined(socket: ShowSocket, showId: string): ViewerRole {
  const role = socket.data.shows.get(showId);
  if (!role) throw new AppError('JOIN_FIRST', `socket has not joined ${showId}`);
  return role;
}

export function personKey(socket: ShowSocket): string {
  return socket.data.user ? `user:${socket.data.user.userId}` : `anon:${socket.id}`;
}
