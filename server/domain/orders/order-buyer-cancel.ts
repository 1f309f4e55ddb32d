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

const TOO_LATE = 'This order is already being packed or shipped, so it can no longer be cancelled.';

export function buyerCanCancel(status: OrderStatus): boolean {
  return BUYER_CANCELLABLE.has(status);
}

export async function cancelMyOrder(db: Db, payments: PaymentProvider, actor: Actor, orderId: string): Promise<RefundOutcome> {
  const order = await db.order.findFirst({ where: { id: orderId, buyerId: actor.userId }, select: { status: true } });
  // Someone else's order is NOT_FOUND, exactly like one that does not exist.
  if (!order) throw new AppError('NOT_FOUND', `order ${orderId} is not ${actor.userId}'s`, 'We could not find that order.');
  // An early answer only: applyRefund checks the status again under the order's row lock.
  if (order.status !== 'CANCELLED' && !buyerCanCancel(order.status))
    throw new AppError('INVALID_STATE', `buyer cancel of ${order.status} order ${orderId}`, TOO_LATE);
  return applyRefund(db, payments, actor, orderId, {
    reason: 'Cancelled by the buyer',
    idempotencyKey: 'cancel',
    restock: true,
    cancel: true,
    allowedFrom: { statuses: BUYER_CANCELLABLE, message: TOO_LATE },
  });
}
