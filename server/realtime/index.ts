import type { Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import { AuctionFeed } from './auction-feed';
import { registerAssistantHandlers } from './assistant-handlers';
import { registerAuctionHandlers } from './auction-handlers';
import { AuctionRunner } from './auction-runner';
import { type AuctionScheduler, LocalAuctionScheduler } from './auction-timers';
import { registerBagHandlers } from './bag-handlers';
import { ShowBroadcaster } from './broadcaster';
import { registerChatHandlers } from './chat-handlers';
import { registerEngagementHandlers } from './engagement-handlers';
import type { RealtimeDeps, RealtimeShared } from './context';
import { closeExpiredDeal, dealSoldOut } from '../domain/shows';
import { DealTimers } from './deal-timers';
import { handlerRegistrar, type ShowServer } from './handler';
import { limitConnectionsPerIp } from './connection-limit';
import { announceMediaRestarts, registerMediaHandlers } from './media-handlers';
import { ShowPresence } from './presence';
import { AnalyticsWriter } from '../domain/analytics';
import { registerAnalyticsHandlers } from './analytics-handlers';
import { PurchaseFeed } from './purchase-feed';
import { personKey } from './context';
import { UserRateLimiter } from './rate-limiter';
import { ReactionAggregator } from './reactions';
import { leaveShow, registerShowHandlers } from './show-handlers';
import { registerStageHandlers, StageExits } from './stage-handlers';
import { SaleRelay } from './sale-relay';
import { StockRelay } from './stock-relay';
import { registerSimulcastHandlers } from './simulcast-handlers';
import { simulcastListener } from '../domain/simulcast';
import { registerWaitlistHandlers } from './waitlist-handlers';
import { WaitlistRelay } from './waitlist-relay';
import { originGuard } from './origin';
import { showRoom, showStaffRoom, userRoom, type ServerToClientEvents } from './protocol';
import { keepRecoveredSessionsOutOfRehearsals } from './rehearsal-audience';
import { authenticateSocket, disconnectOnAccountEvents, revalidateRecoveredSocket } from './socket-auth';
import { clusterAdapter } from './cluster/adapter';
import { redisChatBudget } from './cluster/chat-budget';
import { redisDealEnds } from './cluster/deal-claims';
import { redisPresenceTally } from './cluster/presence-tally';
import { redisSequences } from './cluster/sequences';
import { redisSharedTaps } from './cluster/shared-taps';
import { redisRelayClaims, redisStockFloor } from './cluster/stock-order';

export { connectCluster, type ClusterLink } from './cluster/link';

/** How long a dropped client can come back and receive what it missed. */
export const RECOVERY_WINDOW_MS = 2 * 60 * 1000;
// A frame larger than this closes that client's connection; payload schemas refuse far less.
const MAX_FRAME_BYTES = 100 * 1024;

/** Attaches the show channel to the app's HTTP server. */
export function createRealtimeServer(
  httpServer: HttpServer,
  deps: RealtimeDeps,
  {
    allowedOrigins,
    ownLoopback,
    auctionScheduler = new LocalAuctionScheduler(),
  }: { allowedOrigins: ReadonlySet<string>; ownLoopback: boolean; auctionScheduler?: AuctionScheduler },
): { io: ShowServer; auctions: AuctionRunner; close(): Promise<void> } {
  const cluster = deps.cluster ?? null;
  const io: ShowServer = new Server(httpServer, {
    path: '/socket.io',
    serveClient: false,
    // Same origin only: the pages and the socket share one host and port.
    cors: { origin: false },
    // CORS does not cover WebSockets: the handshake's Origin is checked here, before any cookie is read.
    allowRequest: originGuard(allowedOrigins, { ownLoopback }),
    maxHttpBufferSize: MAX_FRAME_BYTES,
    // A client back within the window gets its rooms, its data and the broadcasts
    // it missed; after that it joins again and receives a fresh snapshot.
    connectionStateRecovery: { maxDisconnectionDuration: RECOVERY_WINDOW_MS, skipMiddlewares: true },
    // Multi-node mode: rooms, broadcasts and recoverable sessions span every node through Redis.
    ...(cluster ? { adapter: clusterAdapter(cluster) } : {}),
  });
  keepRecoveredSessionsOutOfRehearsals(io, deps.db);
  const broadcaster = new ShowBroadcaster(io, cluster ? redisSequences(cluster) : null);
  // While Redis is away every sweep fails; the link has said so loudly once already.
  const storeError = (error: unknown) =>
    cluster?.up
      ? deps.log.warn({ err: error }, 'deal end store (Redis) failed; this node decides alone')
      : deps.log.debug({ err: error }, 'deal end store unreachable');
  const dealTimers = new DealTimers(
    (showId, dealId) => {
      // The timer fires at the deal's end time, so now is the moment it ended.
      broadcaster.emit(showId, 'deal:ended', { showId, dealId, at: Date.now() });
      // The show's audit log records the end; the deal is over by its time whether or not this lands.
      closeExpiredDeal(deps.db, dealId).catch((error: unknown) => deps.log.warn({ err: error, showId, dealId }, 'deal end not recorded'));
    },
    cluster ? redisDealEnds(cluster) : null,
    storeError,
  );
  // A capped deal that sells its last unit is over at once, for the host's studio as for viewers.
  const endIfSoldOut = (showId: string, dealId: string) =>
    void dealSoldOut(deps.db, dealId)
      .then(async (soldOut) => {
        // With several nodes, each that sold units checks; only the one that takes the pending end announces it.
        if (soldOut && (await dealTimers.endEarly(showId, dealId)))
          broadcaster.emit(showId, 'deal:ended', { showId, dealId, at: Date.now() });
      })
      .catch((error: unknown) => deps.log.warn({ err: error, showId, dealId }, 'deal sold-out check failed'));
  const stockFloor = cluster ? redisStockFloor(cluster) : null;
  const auctionFeed = new AuctionFeed(broadcaster);
  const auctions = new AuctionRunner(deps, io, broadcaster, auctionFeed, auctionScheduler);
  // Auctions that were running when this process started end on time here too.
  auctions.resume().catch((error: unknown) => deps.log.error({ err: error }, 'running auctions not resumed'));
  // The audience's joins, leaves, taps and reactions, kept for the post-show report in one INSERT a second.
  const analytics = new AnalyticsWriter(deps.db, {
    onError: (error, dropped) => deps.log.warn({ err: error, dropped }, 'analytics batch not written'),
  });
  const shared: RealtimeShared = {
    io,
    broadcaster,
    analytics,
    presence: new ShowPresence(
      (showId, count) => broadcaster.emit(showId, 'viewers:count', { showId, count }),
      undefined,
      cluster ? redisPresenceTally(cluster) : null,
    ),
    // Each node sums its own taps and broadcasts its share: viewers add the bursts up, so nothing is shared.
    reactions: new ReactionAggregator((showId, counts) => {
      broadcaster.emit(showId, 'reactions:burst', { showId, counts });
      analytics.record({ showId, kind: 'reaction', count: Object.values(counts).reduce((n, c) => n + c, 0) });
    }),
    // A message a second, with a burst of five: enough for people, not for scripts. One budget across nodes.
    chatLimiter: cluster ? redisChatBudget(cluster, 5, 1) : new UserRateLimiter(5, 1),
    // A question every two seconds, a burst of three; each costs a few database reads, not a broadcast.
    assistantLimiter: cluster ? redisChatBudget(cluster, 3, 0.5) : new UserRateLimiter(3, 0.5),
    dealTimers,
    auctions,
    auctionFeed,
    // Paced by the room's size on this node: every batch is one write per viewer here (purchase-feed.ts).
    purchases: new PurchaseFeed(
      broadcaster,
      undefined,
      endIfSoldOut,
      { audience: (showId) => io.sockets.adapter.rooms.get(showRoom(showId))?.size ?? 0 },
      stockFloor,
    ),
    sharedTaps: cluster ? redisSharedTaps(cluster) : null,
  };
  shared.presence.onPerson = (showId, viewer, kind) => analytics.record({ showId, kind, viewer });
  const stopMediaRestarts = announceMediaRestarts(deps.media, broadcaster);
  // A destination's push state goes to the host's own sockets only: it names their ingest and its errors.
  const announceSimulcast = (event: Parameters<ServerToClientEvents['simulcast:state']>[0]) => {
    simulcastListener(deps.db, event.showId).then(
      (hostId) => hostId && io.to(userRoom(hostId)).emit('simulcast:state', event),
      (error: unknown) => deps.log.warn({ err: error, showId: event.showId }, 'simulcast state not announced'),
    );
  };
  deps.simulcast?.service.on('status', announceSimulcast);
  // Restocks reach viewers' cards from the outbox, whoever made them.
  const stockRelay = new StockRelay(
    deps.db,
    broadcaster,
    deps.log,
    undefined,
    cluster && stockFloor ? { claims: redisRelayClaims(cluster), floor: stockFloor } : null,
  );
  // Sales and stock changes made off the sockets (a QR paid, 3-D Secure finished, a reservation given back).
  const saleRelay = new SaleRelay(
    deps.db,
    broadcaster,
    {
      purchases: shared.purchases,
      saleMade: (showId, sale) => {
        const [first] = sale.lines;
        const units = sale.lines.reduce((n, l) => n + l.quantity, 0);
        const more = sale.lines.length - 1;
        io.to(showStaffRoom(showId)).emit('sale:made', {
          showId,
          orderNumber: sale.orderNumber,
          totalMinor: sale.totalMinor,
          currency: sale.currency,
          productTitle: more > 0 ? `${first!.productTitle} + ${more} more` : first!.productTitle,
          variantName: more > 0 ? `${units} items` : first!.variantName,
          quantity: units,
          buyerName: sale.buyerName,
        });
      },
    },
    deps.log,
    undefined,
    cluster && stockFloor ? { claims: redisRelayClaims(cluster), floor: stockFloor } : null,
  );
  // People on a waitlist hear of the unit held for them on the show page they watch.
  const waitlistRelay = new WaitlistRelay(deps.db, io, deps.log);
  const stopRejoining = cluster?.onChange((up) => {
    if (up) void broadcaster.rejoin();
  });
  // Before authentication, which costs a database read: a refused address costs nothing.
  if (deps.connectionsPerIp) limitConnectionsPerIp(io, deps.connectionsPerIp);
  // Media of a dropped socket is kept for the recovery window: its WebRTC
  // transports often outlive a brief signalling outage.
  const mediaCleanups = new Map<string, NodeJS.Timeout>();
  const stageExits = new StageExits();

  io.use(authenticateSocket(deps));
  const stopDisconnecting = disconnectOnAccountEvents(io);

  io.on('connection', (socket) => {
    const log = deps.log.child({ socketId: socket.id, userId: socket.data.user?.userId });
    const ctx = { ...deps, ...shared, socket, log };
    if (socket.recovered) {
      void revalidateRecoveredSocket(socket, deps);
      clearTimeout(mediaCleanups.get(socket.id));
      mediaCleanups.delete(socket.id);
      stageExits.cancel(socket.id);
      for (const [showId, role] of socket.data.shows) if (role !== 'host') shared.presence.add(showId, personKey(socket));
    }
    // Private events (an outbid alert) reach every socket of the person.
    if (socket.data.user) void socket.join(userRoom(socket.data.user.userId));
    const on = handlerRegistrar(socket, log);
    registerShowHandlers(on, ctx);
    registerChatHandlers(on, ctx);
    registerSimulcastHandlers(on, ctx);
    registerMediaHandlers(on, ctx);
    registerBagHandlers(on, ctx);
    registerEngagementHandlers(on, ctx);
    registerAuctionHandlers(on, ctx);
    registerStageHandlers(on, ctx);
    registerWaitlistHandlers(on, ctx);
    registerAssistantHandlers(on, ctx);
    registerAnalyticsHandlers(on, ctx);
    socket.on('disconnect', () => {
      // A show watched without a join (media:watch) holds media too.
      const shows = [...new Set([...socket.data.shows.keys(), ...deps.media.showsWithTransports(socket.id)])];
      for (const showId of shows) leaveShow(ctx, showId, { forget: false });
      stageExits.schedule(ctx, [...socket.data.shows.keys()]);
      const timer = setTimeout(() => {
        mediaCleanups.delete(socket.id);
        for (const showId of shows)
          deps.media.existingRoom(showId)?.then(
            (room) => room.removePeer(socket.id),
            () => undefined,
          );
      }, RECOVERY_WINDOW_MS);
      timer.unref();
      mediaCleanups.set(socket.id, timer);
    });
  });

  return {
    io,
    auctions,
    close: async () => {
      auctionScheduler.close();
      auctionFeed.close();
      stopDisconnecting();
      stopRejoining?.();
      shared.presence.close();
      shared.reactions.close();
      shared.chatLimiter.close();
      shared.assistantLimiter.close();
      shared.dealTimers.close();
      shared.purchases.close();
      stockRelay.close();
      saleRelay.close();
      waitlistRelay.close();
      stopMediaRestarts();
      deps.simulcast?.service.off('status', announceSimulcast);
      for (const timer of mediaCleanups.values()) clearTimeout(timer);
      stageExits.close();
      await io.close();
      // After the sockets: their leaves are the last events of the shows that were running.
      await analytics.close();
    },
  };
}
