import { placeShowOrder } from '../domain/orders';
import { endShow, getShowState, goLive, isShowHost, pinProduct, unpinProduct } from '../domain/shows';
import type { HandlerRegistrar } from './handler';
import { personKey, requireJoined, requireUser, type ConnectionContext } from './context';
import { buySchema, pinProductSchema, showHostRoom, showRefSchema, showRoom, type ViewerRole } from './protocol';

export function registerShowHandlers(on: HandlerRegistrar, ctx: ConnectionContext): void {
  const { socket, io, db, presence } = ctx;

  on.on('show:join', showRefSchema, async ({ showId }) => {
    const state = await getShowState(db, showId);
    const user = socket.data.user;
    const role: ViewerRole = !user ? 'anonymous' : (await isShowHost(db, user.userId, showId)) ? 'host' : 'viewer';
    if (!socket.data.shows.has(showId)) {
      await socket.join(showRoom(showId));
      if (role === 'host') await socket.join(showHostRoom(showId));
      if (role !== 'host') presence.add(showId, personKey(socket));
    }
    socket.data.shows.set(showId, role);
    const mediaRoom = await ctx.media.existingRoom(showId);
    const producers = mediaRoom && !mediaRoom.isClosed ? mediaRoom.producerList() : [];
    return { state, role, viewerCount: presence.count(showId), producers };
  });

  on.on('show:leave', showRefSchema, async ({ showId }) => {
    leaveShow(ctx, showId);
    return {};
  });

  on.on('show:goLive', showRefSchema, async ({ showId }) => {
    const show = await goLive(db, requireUser(socket), showId);
    io.to(showRoom(showId)).emit('show:status', { showId, status: show.status, startedAt: show.startedAt, endedAt: show.endedAt });
    return { status: show.status, startedAt: show.startedAt };
  });

  on.on('show:end', showRefSchema, async ({ showId }) => {
    const show = await endShow(db, requireUser(socket), showId);
    io.to(showRoom(showId)).emit('product:unpinned', { showId });
    io.to(showRoom(showId)).emit('show:status', { showId, status: show.status, startedAt: show.startedAt, endedAt: show.endedAt });
    (await ctx.media.existingRoom(showId))?.close();
    return { status: show.status };
  });

  on.on('product:pin', pinProductSchema, async ({ showId, productId }) => {
    const product = await pinProduct(db, requireUser(socket), showId, productId);
    io.to(showRoom(showId)).emit('product:pinned', { showId, product });
    return { product };
  });

  on.on('product:unpin', showRefSchema, async ({ showId }) => {
    await unpinProduct(db, requireUser(socket), showId);
    io.to(showRoom(showId)).emit('product:unpinned', { showId });
    return {};
  });

  on.on('order:buy', buySchema, async (request) => {
    const buyer = requireUser(socket);
    requireJoined(socket, request.showId);
    const order = await placeShowOrder(db, ctx.payments, buyer, request);
    if (!order.replayed && order.stockAfter !== null) {
      const { showId } = request;
      io.to(showRoom(showId)).emit('stock:changed', { showId, productId: order.productId, variantId: order.variantId, stock: order.stockAfter });
      io.to(showRoom(showId)).emit('order:justBought', { showId, buyerName: order.buyerPublicName, productTitle: order.productTitle, quantity: order.quantity });
      io.to(showHostRoom(showId)).emit('sale:made', {
        showId,
        orderNumber: order.number,
        totalMinor: order.totalMinor,
        currency: order.currency,
        productTitle: order.productTitle,
        variantName: order.variantName,
        quantity: order.quantity,
        buyerName: order.buyerPublicName,
      });
    }
    return {
      order: {
        orderId: order.id,
        orderNumber: order.number,
        totalMinor: order.totalMinor,
        currency: order.currency,
        productTitle: order.productTitle,
        variantName: order.variantName,
        quantity: order.quantity,
        replayed: order.replayed,
      },
    };
  });
}

/** Leaves a show's rooms, presence and media; used by `show:leave` and on disconnect. */
export function leaveShow(ctx: ConnectionContext, showId: string): void {
  const { socket, presence } = ctx;
  const role = socket.data.shows.get(showId);
  if (!role) return;
  socket.data.shows.delete(showId);
  void socket.leave(showRoom(showId));
  void socket.leave(showHostRoom(showId));
  if (role !== 'host') presence.remove(showId, personKey(socket));
  ctx.media.existingRoom(showId)?.then(
    (room) => room.removePeer(socket.id),
    () => undefined, // creation failed: there is no peer to remove
  );
}
