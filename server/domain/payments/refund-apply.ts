import type { OrderStatus, Prisma } from '../../db/client';
import { recordBrandEvent } from '../events';
import type { Actor, Db } from '../context';
import { releaseCouponUse } from '../coupons';
import { AppError } from '../errors';
import { queueRefundEmail } from '../orders';
import { stockGate } from '../catalog';
import type { PaymentProvider } from './provider';
import { ensurePaymentRow, paymentStatusAfterRefund, type PaymentRow } from './payment-rows';
import { returnStock, type ReturnedStock } from './restock';

export interface RefundOutcome {
  orderId: string;
  /** Null when a cancellation had nothing to pay back. */
  refundId: string | null;
  amountMinor: number;
  currency: string;
  orderStatus: OrderStatus;
  orderRefundedMinor: number;
  /** Variants whose stock this call returned, with their stock after. */
  restocked: ReturnedStock[];
  /** True when an earlier call with the same key did the work: nothing new happened. */
  replayed: boolean;
}

export interface ApplyRefundInput {
  amountMinor?: number;
  reason: string;
  idempotencyKey: string;
  restock: boolean;
  cancel: boolean;
  /**
   * The statuses this caller may act on (a buyer may cancel less than the brand).
   * Checked under the order's row lock, so an order packed a moment ago is seen.
   */
  allowedFrom?: { statuses: ReadonlySet<OrderStatus>; refusal: 'ORDER_TOO_LATE_TO_CANCEL' | 'ORDER_SHIPPED_CANNOT_CANCEL' };
}

const orderSelect = {
  id: true,
  brandId: true,
  status: true,
  totalMinor: true,
  refundedMinor: true,
  currency: true,
  paymentRef: true,
  items: { select: { variantId: true, quantity: true } },
} as const;
type OrderRow = Prisma.OrderGetPayload<{ select: typeof orderSelect }>;

/** Refund keys are ours and the provider's; scoping them to the order keeps two orders' "cancel" apart. */
export function refundKey(orderId: string, idempotencyKey: string): string {
  return `order:${orderId}:${idempotencyKey}`;
}

/**
 * Refunds and cancellations take the order's row lock first, then decide, then
 * call the provider, then write, all in one transaction. Deciding on a status
 * read before the lock let a cancel override an order packed meanwhile, and
 * paying out before the lock let concurrent partial refunds pay out more than
 * was left whenever the provider did not itself remember the capture. The
 * provider call runs under the lock: one order's refunds queue behind each
 * other, nothing else waits. If the commit fails after the provider paid, the
 * provider's refund.succeeded webhook records the refund (payment-webhooks.ts).
 */
export async function applyRefund(
  db: Db,
  payments: PaymentProvider,
  actor: Actor,
  orderId: string,
  input: ApplyRefundInput,
): Promise<RefundOutcome> {
  const key = refundKey(orderId, input.idempotencyKey);
  const earlier = await replayOf(db, orderId, key, input.cancel);
  if (earlier) return earlier;
  // The money goes back through whoever took it (a brand's Stripe account), whatever the brand uses now.
  const provider = payments.resolve ? await payments.resolve({ orderId }) : payments;

  let outcome: RefundOutcome | null;
  try {
    outcome = await db.$transaction((tx) => refundUnderLock(tx, provider, actor, orderId, { ...input, key }), {
      maxWait: 10_000,
      timeout: 20_000,
    });
  } catch (error) {
    // A concurrent call with the same key committed first: its refund is the answer.
    const winner = await replayOf(db, orderId, key, input.cancel);
    if (winner) return winner;
    throw error;
  }
  if (!outcome) {
    const winner = await replayOf(db, orderId, key, input.cancel);
    if (!winner) throw new AppError('INTERNAL', `refund ${key} neither written nor found`);
    return winner;
  }
  for (const variant of outcome.restocked) stockGate.forget(variant.variantId);
  return outcome;
}

/** Null when a concurrent call with the same key got there first. */
async function refundUnderLock(
  tx: Prisma.TransactionClient,
  payments: PaymentProvider,
  actor: Actor,
  orderId: string,
  input: ApplyRefundInput & { key: string },
): Promise<RefundOutcome | null> {
  // The order row is the lock every refund, cancellation, fulfilment step and
  // webhook takes, so everything below sees the order as it really is now.
  await tx.$queryRaw`SELECT 1 FROM "Order" WHERE "id" = ${orderId} FOR UPDATE`;
  const order = await tx.order.findUniqueOrThrow({ where: { id: orderId }, select: orderSelect });
  const existing = await tx.refund.findUnique({ where: { idempotencyKey: input.key }, select: { id: true } });
  if (existing || (input.cancel && order.status === 'CANCELLED')) return null;
  if (order.status === 'CANCELLED' || order.status === 'REFUNDED') {
    throw new AppError(order.status === 'CANCELLED' ? 'ORDER_CANCELLED' : 'ORDER_FULLY_REFUNDED', `order ${orderId} is ${order.status}`);
  }
  if (input.allowedFrom && !input.allowedFrom.statuses.has(order.status)) {
    throw new AppError(input.allowedFrom.refusal, `order ${orderId} is ${order.status} under the lock`);
  }
  const payment = await ensurePaymentRow(tx, payments.name, order);
  if (!payment && !input.cancel) throw new AppError('NOTHING_PAID', `order ${orderId} has no captured payment`);
  // Read under the lock: what earlier refunds left, not what was left when this call started.
  const left = payment ? payment.amountMinor - payment.refundedMinor : 0;
  const amount = input.cancel ? left : (input.amountMinor ?? left);
  if (!Number.isInteger(amount) || amount < 0 || (amount === 0 && !input.cancel))
    throw new AppError('REFUND_AMOUNT_ZERO', `refund amount ${amount}`);
  if (amount > left) throw new AppError('REFUND_OVER', `refund ${amount} over ${left} left on ${orderId}`);
  const completes = amount === left;
  if (input.restock && !completes) throw new AppError('RESTOCK_PARTIAL', `restock with partial refund of ${orderId}`);

  // The provider answers the same key with the same refund, so a retry after a failed commit pays nothing twice.
  const providerRefund =
    payment && amount > 0 ? await payments.refund({ reference: payment.reference, amountMinor: amount, idempotencyKey: input.key }) : null;
  return writeRefund(tx, actor, order, payment, { ...input, amount, completes, refundRef: providerRefund?.refundRef ?? null });
}

interface RefundWrite extends ApplyRefundInput {
  key: string;
  amount: number;
  completes: boolean;
  refundRef: string | null;
}

/** Runs under the order's row lock taken by refundUnderLock; `order` and `payment` were read under it. */
async function writeRefund(
  tx: Prisma.TransactionClient,
  actor: Actor,
  order: OrderRow,
  payment: PaymentRow | null,
  w: RefundWrite,
): Promise<RefundOutcome> {
  let refundId: string | null = null;
  if (payment && w.refundRef && w.amount > 0) {
    const refund = await tx.refund.create({
      data: { paymentId: payment.id, amountMinor: w.amount, reason: w.reason, providerRef: w.refundRef, idempotencyKey: w.key },
      select: { id: true },
    });
    refundId = refund.id;
    const refundedMinor = payment.refundedMinor + w.amount;
    await tx.payment.update({
      where: { id: payment.id },
      data: { refundedMinor, status: paymentStatusAfterRefund(payment.amountMinor, refundedMinor) },
    });
  }
  const now = new Date();
  const status: OrderStatus = w.cancel ? 'CANCELLED' : w.completes ? 'REFUNDED' : order.status;
  const orderRefundedMinor = order.refundedMinor + w.amount;
  await tx.order.update({
    where: { id: order.id },
    data: {
      status,
      refundedMinor: orderRefundedMinor,
      ...(w.cancel ? { cancelledAt: now } : {}),
      ...(w.amount > 0 && w.completes ? { refundedAt: now } : {}),
    },
  });
  const restocked = w.restock ? await returnStock(tx, order.items) : [];
  // An order that ends unpaid-for gives its coupon use back, in this same transaction.
  if (status === 'CANCELLED' || status === 'REFUNDED') await releaseCouponUse(tx, order.id);
  // The amount and reason on the event let the timeline say "Refunded US$12.50 — reason" (order-display.ts).
  await tx.orderEvent.create({
    data: {
      orderId: order.id,
      status,
      actorId: actor.userId,
      note: eventNote(w, order.currency, restocked.length > 0),
      refundMinor: w.amount,
      reason: w.reason,
    },
  });
  // Keyed by the Refund row, in its transaction: a replay finds that row and never gets here again.
  if (refundId) await queueRefundEmail(tx, order.id, { id: refundId, amountMinor: w.amount, reason: w.reason });

  if (w.amount > 0)
    await recordBrandEvent(tx, order.brandId, 'order.refunded', {
      orderId: order.id,
      amountMinor: w.amount,
      currency: order.currency,
      refundedMinor: orderRefundedMinor,
      status,
      reason: w.reason,
    });
  if (w.cancel)
    await recordBrandEvent(tx, order.brandId, 'order.cancelled', {
      orderId: order.id,
      reason: w.reason,
      refundedMinor: orderRefundedMinor,
    });
  for (const v of restocked)
    await recordBrandEvent(tx, order.brandId, 'stock.changed', {
      variantId: v.variantId,
      productId: v.productId,
      sku: v.sku,
      stock: v.stock,
      previousStock: v.stock - v.returned,
    });
  return {
    orderId: order.id,
    refundId,
    amountMinor: w.amount,
    currency: order.currency,
    orderStatus: status,
    orderRefundedMinor,
    restocked,
    replayed: false,
  };
}

function eventNote(w: RefundWrite, currency: string, restocked: boolean): string {
  const money = w.amount > 0 ? `Refunded ${w.amount} ${currency} (minor units).` : 'Nothing to refund.';
  return [w.cancel ? 'Cancelled.' : '', money, restocked ? 'Items returned to stock.' : '', w.reason ? `Reason: ${w.reason}` : '']
    .filter(Boolean)
    .join(' ');
}

async function replayOf(db: Db, orderId: string, key: string, cancel: boolean): Promise<RefundOutcome | null> {
  const refund = await db.refund.findUnique({ where: { idempotencyKey: key }, select: { id: true, amountMinor: true } });
  const order = await db.order.findUnique({ where: { id: orderId }, select: { status: true, refundedMinor: true, currency: true } });
  if (!order) return null;
  if (!refund && !(cancel && order.status === 'CANCELLED')) return null;
  return {
    orderId,
    refundId: refund?.id ?? null,
    amountMinor: refund?.amountMinor ?? 0,
    currency: order.currency,
    orderStatus: order.status,
    orderRefundedMinor: order.refundedMinor,
    restocked: [],
    replayed: true,
  };
}
