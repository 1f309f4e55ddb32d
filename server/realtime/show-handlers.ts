import { activeAuction } from '../domain/auctions';
import { getPinnedMessage, recentChat } from '../domain/chat';
import { activeDeal, endFlashDeal, startFlashDeal } from '../domain/shows';
import { placeShowOrder, type PlacedOrder } from '../domain/orders';
import { buyNowByQr } from '../domain/qr-payments';
import { AppError } from '../domain/errors';
import type { Actor } from '../domain/context';
import type { z } from 'zod';
import { recordShowAudience } from '../domain/shows';
import { showRoleOf } from '../domain/shows';
import { publicStage, stageSeatOf, stageView } from '../domain/stage';
import { endShow, getShowState, goLive, pinnedAt, pinProduct, unpinProduct } from '../domain/shows';
import { requireShowAccess } from '../domain/show-access';
import { pageLocaleOfHandshake } from '../domain/accounts';
import { localizeShowProducts } from '../domain/product-content';
import { endRehearsal, startRehearsal } from '../domain/rehearsals';
import { visitorOf } from './show-visitor';
import { engagementSnapshot } from './engagement-handlers';
import { holdAudienceForRehearsal, releaseAudienceAfterRehearsal } from './rehearsal-audience';
import type { HandlerRegistrar } from './handler';
import { personKey, requireJoined, requireUser, type ConnectionContext } from './context';
import {
  buySchema,
  dealStartSchema,
  pinProductSchema,
  showRefSchema,
  showRoom,
  showStaffRoom,
  timeSyncSchema,
  type OrderConfirmation,
  type ViewerRole,
} from './protocol';

export function registerShowHandlers(on: HandlerRegistrar, ctx: ConnectionContext): void {
  const { socket, io, db, presence, broadcaster } = ctx;

  on.on('show:join', showRefSchema, async ({ showId }) => {
    // Private shows and rehearsals refuse here (FORBIDDEN) before anything of the show is read.
    const { rehearsing } = await requireShowAccess(db, visitorOf(socket, showId), showId);
    // The sequence number is read first: anything broadcast while the snapshot is
    // being read arrives afterwards with a higher number and is applied on top.
    const seq = await broadcaster.current(showId);
    const user = socket.data.user;
    // The products' words in the viewer's language (issue 19 item 6); later pin broadcasts go to the whole room in the
    // default one, and each page takes the words of a pinned product from this lineup (show-channel-wiring.ts).
    const locale = user?.locale ?? pageLocaleOfHandshake(socket.handshake.headers.cookie, socket.handshake.headers['accept-language']);
    const [state, chat, pinnedMessage, deal, settings, auction, engagement, pinTime, stage, myStage] = await Promise.all([
      getShowState(db, showId).then((s) => localizeShowProducts(db, s, locale)),
      recentChat(db, showId),
      getPinnedMessage(db, showId),
      activeDeal(db, showId),
      db.show.findUnique({ where: { id: showId }, select: { slowModeSeconds: true } }),
      activeAuction(db, showId),
      engagementSnapshot(db, showId, user?.userId ?? null),
      pinnedAt(db, showId),
      stageView(db, showId),
      user ? stageSeatOf(db, showId, user.userId) : null,
    ]);
    const role: ViewerRole = user ? await showRoleOf(db, user.userId, showId) : 'anonymous';
    if (!socket.data.shows.has(showId)) {
      await socket.join(showRoom(showId));
      if (role === 'host' || role === 'moderator') await socket.join(showStaffRoom(showId));
      // The staff watching a rehearsal are not the show's audience.
      if (role !== 'host' && !rehearsing) presence.add(showId, personKey(socket));
    }
    socket.data.shows.set(showId, role);
    // A room being rebuilt after its worker died has no producers yet, and a join does not wait for it;
    // on an edge node of a cluster the live show's producers are piped in when asked (see MediaService).
    // A guest on stage is not sent their own camera and microphone back (no echo).
    const producers = (await ctx.media.currentProducers(showId, { live: state.status === 'LIVE' })).filter(
      (p) => !(p.publisher?.guest && p.publisher.userId === user?.userId),
    );
    return {
      state,
      role,
      viewerCount: presence.viewerCount(showId),
      producers,
      stage: publicStage(stage),
      myStage,
      rehearsing,
      userId: user?.userId ?? null,
      chat,
      pinnedMessage,
      slowModeSeconds: settings?.slowModeSeconds ?? 0,
      deal,
      engagement,
      auction,
      serverNow: new Date().toISOString(),
      pinnedAt: state.pinnedProduct ? pinTime : null,
      seq,
    };
  });

  // Answered as soon as it arrives: the sample's error is half the round trip's asymmetry.
  on.on('time:sync', timeSyncSchema, async () => ({ serverNow: Date.now() }));

  on.on('show:leave', showRefSchema, async ({ showId }) => {
    leaveShow(ctx, showId, { forget: true });
    return {};
  });

  on.on('show:goLive', showRefSchema, async ({ showId }) => {
    const show = await goLive(db, requireUser(socket), showId);
    // Going live from a rehearsal: the viewers who waited through it hear the show from now on.
    releaseAudienceAfterRehearsal(io, showId);
    broadcaster.emit(showId, 'show:status', { showId, status: show.status, startedAt: show.startedAt, endedAt: show.endedAt });
    void ctx.simulcast?.service.sync(showId);
    return { status: show.status, startedAt: show.startedAt };
  });

  on.on('show:end', showRefSchema, async ({ showId }) => {
    const show = await endShow(db, requireUser(socket), showId);
    await recordShowAudience(db, showId, await presence.audienceEverywhere(showId));
    presence.forget(showId);
    // The report is read right after the end: what the audience did in the last second is in it.
    await ctx.analytics.flush();
    ctx.dealTimers.cancel(showId);
    broadcaster.emit(showId, 'product:unpinned', { showId, at: show.endedAt ? Date.parse(show.endedAt) : Date.now() });
    broadcaster.emit(showId, 'show:status', { showId, status: show.status, startedAt: show.startedAt, endedAt: show.endedAt });
    ctx.simulcast?.service.stopShow(showId);
    (await ctx.media.existingRoom(showId))?.close();
    return { status: show.status };
  });

  on.on('show:rehearse', showRefSchema, async ({ showId }) => {
    const { rehearsalStartedAt } = await startRehearsal(db, requireUser(socket), showId);
    await holdAudienceForRehearsal(io, db, showId);
    // After the hold: only the staff still in the room hear it, and their pages show the stream with a banner.
    broadcaster.emit(showId, 'show:rehearsal', { showId, rehearsing: true });
    return { rehearsalStartedAt: rehearsalStartedAt.toISOString() };
  });

  on.on('show:endRehearsal', showRefSchema, async ({ showId }) => {
    await endRehearsal(db, requireUser(socket), showId);
    broadcaster.emit(showId, 'show:rehearsal', { showId, rehearsing: false });
    releaseAudienceAfterRehearsal(io, showId);
    broadcaster.emit(showId, 'product:unpinned', { showId, at: Date.now() });
    return {};
  });

  on.on('product:pin', pinProductSchema, async ({ showId, productId }) => {
    const { product, at } = await pinProduct(db, requireUser(socket), showId, productId);
    broadcaster.emit(showId, 'product:pinned', { showId, product, at });
    return { product };
  });

  on.on('product:unpin', showRefSchema, async ({ showId }) => {
    const { at } = await unpinProduct(db, requireUser(socket), showId);
    broadcaster.emit(showId, 'product:unpinned', { showId, at });
    return {};
  });

  on.on('deal:start', dealStartSchema, async ({ showId, ...request }) => {
    const { deal, replacedDealId, at } = await startFlashDeal(db, requireUser(socket), showId, request);
    if (replacedDealId) broadcaster.emit(showId, 'deal:ended', { showId, dealId: replacedDealId, at });
    broadcaster.emit(showId, 'deal:started', { showId, deal, at });
    // Recorded for every node before the host hears back: if this node dies now, another announces the end.
    await ctx.dealTimers.schedule(showId, deal.id, new Date(deal.endsAt));
    return { deal };
  });

  on.on('deal:end', showRefSchema, async ({ showId }) => {
    const { dealId, at } = await endFlashDeal(db, requireUser(socket), showId);
    ctx.dealTimers.cancel(showId);
    if (dealId) broadcaster.emit(showId, 'deal:ended', { showId, dealId, at });
    return {};
  });

  on.on('order:buy', buySchema, async (request) => {
    const buyer = requireUser(socket);
    requireJoined(socket, request.showId);
    if (request.method === 'QR') return buyByQr(ctx, buyer, request);
    const order = await placeShowOrder(db, ctx.payments, buyer, request, ctx.sharedTaps);
    return { order: announceOrder(ctx, request.showId, order) };
  });
}

/** A one tap paid by a bank QR code: the units are held (the show's stock says so), the sale is announced once paid. */
async function buyByQr(ctx: ConnectionContext, buyer: Actor, request: z.infer<typeof buySchema>) {
  if (!ctx.qr) throw new AppError('QR_NOT_OFFERED', 'QR payments are not configured on this server');
  const { order, replayed, qr } = await buyNowByQr(ctx.db, ctx.qr, buyer, request);
  const [line] = order.lines;
  const after = order.stockAfter?.[0];
  if (!replayed && after) ctx.purchases.recordStock(request.showId, after);
  return {
    order: {
      orderId: order.orderId,
      orderNumber: order.orderNumber,
      totalMinor: order.totalMinor,
      currency: order.currency,
      productTitle: line?.productTitle ?? '',
      variantName: line?.variantName ?? '',
      quantity: line?.quantity ?? request.quantity,
      replayed,
      qr,
    },
  };
}

/**
 * What follows a one-tap order, whoever placed it (the Buy button, the assistant's Confirm): the coalesced
 * "just bought" and stock feed, the host's sale, and the buyer's acknowledgement. A replay announces nothing.
 */
export function announceOrder(ctx: ConnectionContext, showId: string, order: PlacedOrder): OrderConfirmation {
  const summary = {
    orderNumber: order.number,
    totalMinor: order.totalMinor,
    currency: order.currency,
    productTitle: order.productTitle,
    variantName: order.variantName,
    quantity: order.quantity,
  };
  if (!order.replayed && order.stockAfter !== null) {
    ctx.purchases.record(showId, {
      productId: order.productId,
      variantId: order.variantId,
      stockAfter: order.stockAfter,
      buyerName: order.buyerPublicName,
      productTitle: order.productTitle,
      quantity: order.quantity,
      deal: order.deal,
    });
    ctx.io.to(showStaffRoom(showId)).emit('sale:made', { showId, ...summary, buyerName: order.buyerPublicName });
  }
  return { orderId: order.id, ...summary, replayed: order.replayed, bought: order.bought };
}

/**
 * Takes the socket out of a show's presence and media. On a plain disconnect the
 * membership itself is kept (`forget: false`): Socket.io may restore the session,
 * rooms and all, if the client returns within the recovery window.
 */
export function leaveShow(ctx: ConnectionContext, showId: string, { forget }: { forget: boolean }): void {
  const { socket, presence } = ctx;
  const role = socket.data.shows.get(showId);
  if (role && role !== 'host') presence.remove(showId, personKey(socket));
  if (!forget) return;
  // Media may be held without a join (media:watch, a swipe feed's next show): leaving releases it too.
  if (role) {
    socket.data.shows.delete(showId);
    void socket.leave(showRoom(showId));
    void socket.leave(showStaffRoom(showId));
  }
  ctx.media.existingRoom(showId)?.then(
    (room) => room.removePeer(socket.id),
    () => undefined, // creation failed: there is no peer to remove
  );
}
