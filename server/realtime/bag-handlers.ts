import { checkoutBag, getBag, setBagItem, stockChangesOf, type BagOrder } from '../domain/bag';
import type { HandlerRegistrar } from './handler';
import { requireJoined, requireUser, type ConnectionContext } from './context';
import { bagCheckoutSchema, bagGetSchema, bagSetSchema, qrStatusSchema, showStaffRoom } from './protocol';
import { checkoutBagByQr, getMyQrPayment, offeredQrKind } from '../domain/qr-payments';
import { AppError } from '../domain/errors';

/** How a bag order reads in the host's sales feed: one sale per order, named by its first item. */
function saleSummary(order: BagOrder) {
  const [first] = order.lines;
  const units = order.lines.reduce((n, line) => n + line.quantity, 0);
  const more = order.lines.length - 1;
  return {
    orderNumber: order.number,
    totalMinor: order.totalMinor,
    currency: order.currency,
    productTitle: more > 0 ? `${first!.productTitle} + ${more} more` : first!.productTitle,
    variantName: more > 0 ? `${units} items` : first!.variantName,
    quantity: units,
    buyerName: order.buyerPublicName,
  };
}

export function registerBagHandlers(on: HandlerRegistrar, ctx: ConnectionContext): void {
  const { socket, db } = ctx;

  on.on('bag:get', bagGetSchema, async ({ showId, couponCode }) => {
    const buyer = requireUser(socket);
    requireJoined(socket, showId);
    const bag = await getBag(db, buyer, { showId, couponCode });
    const show = ctx.qr ? await db.show.findUnique({ where: { id: showId }, select: { brandId: true } }) : null;
    return { bag, qrKind: show ? await offeredQrKind(db, show.brandId) : null };
  });

  on.on('qr:status', qrStatusSchema, async ({ orderId }) => {
    const buyer = requireUser(socket);
    return { qr: await getMyQrPayment(db, buyer, orderId) };
  });

  on.on('bag:set', bagSetSchema, async ({ showId, variantId, quantity, couponCode }) => {
    const buyer = requireUser(socket);
    requireJoined(socket, showId);
    await setBagItem(db, buyer, { showId, variantId, quantity });
    if (quantity > 0) ctx.analytics.record({ showId, kind: 'bag', viewer: `user:${buyer.userId}`, variantId });
    return { bag: await getBag(db, buyer, { showId, couponCode }) };
  });

  on.on('bag:checkout', bagCheckoutSchema, async ({ showId, idempotencyKey, couponCode, expectedTotalMinor, method }) => {
    const buyer = requireUser(socket);
    requireJoined(socket, showId);
    if (method === 'QR') {
      if (!ctx.qr) throw new AppError('QR_NOT_OFFERED', 'QR payments are not configured on this server');
      const { order, qr } = await checkoutBagByQr(db, ctx.qr, buyer, { showId, idempotencyKey, couponCode, expectedTotalMinor });
      // The units are held while the code waits: the show's stock says so now; the sale is announced once paid.
      if (!order.replayed) for (const change of stockChangesOf(order)) ctx.purchases.recordStock(showId, change);
      return { order: { ...confirmation(order), qr } };
    }
    const order = await checkoutBag(db, ctx.payments, buyer, { showId, idempotencyKey, couponCode, expectedTotalMinor });
    const sale = saleSummary(order);
    if (!order.replayed) {
      // The same coalesced feed as one-tap buying: the first line names the buyer
      // once; the other lines only lower their stock, so "and N others" counts people.
      const [first, ...rest] = stockChangesOf(order);
      if (first) {
        ctx.purchases.record(showId, {
          productId: first.productId,
          variantId: first.variantId,
          stockAfter: first.stock,
          buyerName: order.buyerPublicName,
          productTitle: order.lines[0]!.productTitle,
          moreProducts: order.lines.length - 1,
          quantity: sale.quantity,
          deal: null,
        });
      }
      for (const change of rest) ctx.purchases.recordStock(showId, change);
      for (const deal of order.deals) ctx.purchases.recordDeal(showId, deal);
      ctx.io.to(showStaffRoom(showId)).emit('sale:made', { showId, ...sale });
    }
    return { order: confirmation(order) };
  });
}

function confirmation(order: BagOrder) {
  return {
    orderId: order.id,
    orderNumber: order.number,
    subtotalMinor: order.subtotalMinor,
    shippingMinor: order.shippingMinor,
    discountMinor: order.discountMinor,
    totalMinor: order.totalMinor,
    currency: order.currency,
    couponCode: order.couponCode,
    itemCount: saleSummary(order).quantity,
    replayed: order.replayed,
  };
}
