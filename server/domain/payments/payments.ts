import type { OrderStatus, Prisma } from '../../db/client';
import { requireMoney } from '../money-require';
import { requireBrandMember } from '../brands';
import type { Actor, Db } from '../context';
import { AppError } from '../errors';
import type { PaymentProvider } from './provider';
import { applyRefund, type RefundOutcome } from './refund-apply';

export type { RefundOutcome } from './refund-apply';

type PaymentDb = Pick<Db, 'payment'> | Prisma.TransactionClient;

export interface CapturedPayment {
  orderId: string;
  provider: string;
  reference: string;
  amountMinor: number;
  currency: string;
}

/**
 * Records a captured authorization as the order's Payment row. Safe to call
 * twice (the reference is unique). It never throws: it runs after the money is
 * captured and the order placed, where a failure must not undo either; a row it
 * could not write is written by the provider's `payment.captured` webhook.
 */
export async function recordCapturedPayment(db: PaymentDb, payment: CapturedPayment): Promise<boolean> {
  try {
    await db.payment.createMany({ data: [{ ...payment, status: 'CAPTURED' }], skipDuplicates: true });
    return true;
  } catch (error) {
    console.error('payment row not recorded; the payment.captured webhook will add it', {
      orderId: payment.orderId,
      reference: payment.reference,
      error,
    });
    return false;
  }
}

export interface RefundOrderInput {
  /** Minor units of the order's currency; without it, everything not yet refunded. */
  amountMinor?: number;
  /** Or the amount as staff type it ("12.50"), read in the order's own currency. */
  amountText?: string;
  reason: string;
  /** The caller's key for this refund (for example one per click of "Refund"); scoped to the order. */
  idempotencyKey: string;
  /** Return every item of the order to stock. Only with the refund that completes the order's refund, so stock comes back once. */
  restock: boolean;
}

/**
 * Refunds all or part of an order, for the brand's order management. The
 * caller must be a member of the order's brand (others get NOT_FOUND).
 *
 * The provider pays back first; then one transaction writes the Refund row,
 * Payment.refundedMinor/status, Order.refundedMinor (status REFUNDED once
 * nothing is left), an OrderEvent, the returned stock when `restock`, and the
 * brand events `order.refunded` and `stock.changed`. Retried with the same key
 * it returns the first refund: the provider does not pay twice (same key) and
 * the transaction finds the Refund row, so stock is not returned twice either.
 *
 * Refuses (INVALID_STATE) an amount over what is left, an order that is
 * cancelled or already refunded, and `restock` on a refund that leaves money
 * unrefunded.
 */
export async function refundOrder(
  db: Db,
  payments: PaymentProvider,
  actor: Actor,
  orderId: string,
  input: RefundOrderInput,
): Promise<RefundOutcome> {
  const order = await requireOrderOfMyBrand(db, actor, orderId);
  const text = input.amountText?.trim();
  let amountMinor = input.amountMinor;
  if (text) {
    // The currency's decimals come from the order, never from the form.
    amountMinor = requireMoney(text, order.currency, 'Refund amount');
  }
  return applyRefund(db, payments, actor, orderId, { ...input, amountMinor, cancel: false });
}

const CANCELLABLE: ReadonlySet<OrderStatus> = new Set(['PLACED', 'PAID', 'PACKED']);

/**
 * Cancels an order that has not shipped: refunds whatever is not refunded yet,
 * returns every item to stock and sets CANCELLED. Calling it again for a
 * cancelled order returns the first outcome without refunding or restocking.
 */
export async function cancelOrder(
  db: Db,
  payments: PaymentProvider,
  actor: Actor,
  orderId: string,
  reason: string,
): Promise<RefundOutcome> {
  const order = await requireOrderOfMyBrand(db, actor, orderId);
  // An early answer only: applyRefund checks the status again under the order's row lock.
  if (order.status !== 'CANCELLED' && !CANCELLABLE.has(order.status))
    throw new AppError('ORDER_SHIPPED_CANNOT_CANCEL', `order ${orderId} is ${order.status}`);
  return applyRefund(db, payments, actor, orderId, {
    reason,
    idempotencyKey: 'cancel',
    restock: true,
    cancel: true,
    allowedFrom: { statuses: CANCELLABLE, refusal: 'ORDER_SHIPPED_CANNOT_CANCEL' },
  });
}

async function requireOrderOfMyBrand(db: Db, actor: Actor, orderId: string): Promise<{ status: OrderStatus; currency: string }> {
  const order = await db.order.findUnique({ where: { id: orderId }, select: { brandId: true, status: true, currency: true } });
  if (!order) throw new AppError('ORDER_NOT_FOUND', `order ${orderId} not found`);
  await requireBrandMember(db, actor, { id: order.brandId });
  return order;
}
