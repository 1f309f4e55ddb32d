// A buyer cancelling their own order. The money and stock side is the same
// story as the brand's cancelOrder (payments/payments.ts): applyRefund with the
// order's one "cancel" key, so a double click or a brand cancelling at the same
// moment refunds and restocks once.
import type { OrderStatus } from '../../db/client';
import type { Actor, Db } from '../context';
import { AppError } from '../errors';
import type { PaymentProvider } from '../payments';
import { applyRefund, type RefundOutcome } from '../payments';

/**
 * Buyers may cancel until the brand starts packing; after that only the brand
 * can (cancelOrder allows PACKED too, because the brand knows whether the
 * parcel has left).
 */
const BUYER_CANCELLABLE: ReadonlySet<OrderStatus> = new Set(['PLACED', 'PAID']);

export function buyerCanCancel(status: OrderStatus): boolean {
  return BUYER_CANCELLABLE.has(status);
}

export async function cancelMyOrder(db: Db, payments: PaymentProvider, actor: Actor, orderId: string): Promise<RefundOutcome> {
  const order = await db.order.findFirst({ where: { id: orderId, buyerId: actor.userId }, select: { status: true } });
  // Someone else's order is NOT_FOUND, exactly like one that does not exist.
  if (!order) throw new AppError('ORDER_NOT_FOUND', `order ${orderId} is not ${actor.userId}'s`);
  // An early answer only: applyRefund checks the status again under the order's row lock.
  if (order.status !== 'CANCELLED' && !buyerCanCancel(order.status))
    throw new AppError('ORDER_TOO_LATE_TO_CANCEL', `buyer cancel of ${order.status} order ${orderId}`);
  return applyRefund(db, payments, actor, orderId, {
    reason: 'Cancelled by the buyer',
    idempotencyKey: 'cancel',
    restock: true,
    cancel: true,
    allowedFrom: { statuses: BUYER_CANCELLABLE, refusal: 'ORDER_TOO_LATE_TO_CANCEL' },
  });
}
