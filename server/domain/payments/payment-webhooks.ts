import type { Prisma } from '../../db/client';
import { recordBrandEvent } from '../events';
import { releaseCouponUse } from '../coupons';
import type { Db } from '../context';
import { AppError } from '../errors';
import { ensurePaymentRow, paymentStatusAfterRefund } from './payment-rows';
import { paymentWebhookEventSchema, type PaymentWebhookEvent } from './webhook-events';
import { verifyPaymentWebhook } from './webhook-signature';

/**
 * A refund we started is written by refundOrder's own transaction, which also
 * returns stock. Its webhook usually arrives first; until it is this old we
 * answer "not yet" (409) and the provider retries. After that the refund is
 * treated as one our side lost, and its money is recorded from the event.
 */
export const REFUND_WEBHOOK_GRACE_SECONDS = 120;

export interface WebhookReceipt {
  eventId: string;
  type: PaymentWebhookEvent['type'];
  /** True when this event id was handled before: acknowledged, nothing done. */
  duplicate: boolean;
}

/**
 * Verifies, records once and reconciles one provider webhook. Throws FORBIDDEN
 * for a bad or stale signature, INVALID_INPUT for a body that is not an event,
 * and INVALID_STATE when the provider should try again later.
 */
export async function receivePaymentWebhook(
  db: Db,
  config: { secret: string; provider: string },
  request: { signature: string | null; body: string },
  now: Date = new Date(),
): Promise<WebhookReceipt> {
  verifyPaymentWebhook(config.secret, request.signature, request.body, Math.floor(now.getTime() / 1000));
  let json: unknown;
  try {
    json = JSON.parse(request.body);
  } catch {
    throw new AppError('INVALID_INPUT', 'payment webhook body is not JSON');
  }
  const parsed = paymentWebhookEventSchema.safeParse(json);
  if (!parsed.success) throw new AppError('INVALID_INPUT', `payment webhook body is not a known event: ${parsed.error.message}`);
  const event = parsed.data;
  const receipt = { eventId: event.id, type: event.type };
  return db.$transaction(async (tx) => {
    // Recording the id first, in the same transaction as its effects: a replay
    // finds it and does nothing, and a failed reconciliation leaves no record.
    const inserted = await tx.paymentWebhookEvent.createMany({
      data: [{ id: event.id, provider: config.provider, type: event.type, payload: event as unknown as Prisma.InputJsonObject }],
      skipDuplicates: true,
    });
    if (inserted.count === 0) return { ...receipt, duplicate: true };
    await reconcile(tx, config.provider, event, now);
    return { ...receipt, duplicate: false };
  });
}

async function reconcile(tx: Prisma.TransactionClient, provider: string, event: PaymentWebhookEvent, now: Date): Promise<void> {
  switch (event.type) {
    case 'payment.captured': {
      const { reference, amountMinor, currency } = event.data;
      const payment = await tx.payment.findUnique({ where: { reference }, select: { status: true } });
      if (payment) {
        if (payment.status === 'AUTHORIZED') await tx.payment.update({ where: { reference }, data: { status: 'CAPTURED' } });
        return;
      }
      // The order was placed but its Payment row was not written: write it now.
      const order = await tx.order.findFirst({ where: { paymentRef: reference }, select: { id: true } });
      if (order)
        await tx.payment.createMany({
          data: [{ orderId: order.id, provider, reference, amountMinor, currency, status: 'CAPTURED' }],
          skipDuplicates: true,
        });
      return;
    }
    case 'payment.voided':
      await tx.payment.updateMany({ where: { reference: event.data.reference, status: 'AUTHORIZED' }, data: { status: 'VOIDED' } });
      return;
    case 'refund.succeeded':
      await reconcileRefund(tx, provider, event, now);
      return;
    default: {
      const unreachable: never = event;
      throw new AppError('INVALID_INPUT', `unhandled payment webhook ${JSON.stringify(unreachable)}`);
    }
  }
}

async function reconcileRefund(
  tx: Prisma.TransactionClient,
  provider: string,
  event: Extract<PaymentWebhookEvent, { type: 'refund.succeeded' }>,
  now: Date,
): Promise<void> {
  const { refundRef, reference, amountMinor, idempotencyKey } = event.data;
  if (await tx.refund.findUnique({ where: { providerRef: refundRef }, select: { id: true } })) return;
  const order = await tx.order.findFirst({
    where: { OR: [{ paymentRef: reference }, { payments: { some: { reference } } }] },
    select: { id: true, brandId: true, status: true, totalMinor: true, refundedMinor: true, currency: true, paymentRef: true },
  });
  if (!order) return;
  if (now.getTime() / 1000 - event.created < REFUND_WEBHOOK_GRACE_SECONDS) {
    throw new AppError('INVALID_STATE', `refund ${refundRef} not recorded yet; the provider should retry`);
  }
  await tx.$queryRaw`SELECT 1 FROM "Order" WHERE "id" = ${order.id} FOR UPDATE`;
  // Whoever held the lock may have just written it.
  if (await tx.refund.findFirst({ where: { OR: [{ providerRef: refundRef }, { idempotencyKey }] }, select: { id: true } })) return;
  const payment = await ensurePaymentRow(tx, provider, order);
  if (!payment) return;
  const fresh = await tx.payment.findUniqueOrThrow({ where: { id: payment.id }, select: { amountMinor: true, refundedMinor: true } });
  const refundedMinor = Math.min(fresh.amountMinor, fresh.refundedMinor + amountMinor);
  await tx.refund.create({
    data: { paymentId: payment.id, amountMinor, providerRef: refundRef, idempotencyKey, reason: 'Confirmed by the payment provider' },
  });
  await tx.payment.update({
    where: { id: payment.id },
    data: { refundedMinor, status: paymentStatusAfterRefund(fresh.amountMinor, refundedMinor) },
  });
  const orderRefundedMinor = Math.min(order.totalMinor, order.refundedMinor + amountMinor);
  const fullyRefunded = orderRefundedMinor >= order.totalMinor && order.status !== 'CANCELLED';
  const status = fullyRefunded ? 'REFUNDED' : order.status;
  await tx.order.update({
    where: { id: order.id },
    data: { refundedMinor: orderRefundedMinor, status, ...(fullyRefunded ? { refundedAt: now } : {}) },
  });
  // Fully refunded at the provider: the coupon use comes back, as when we refund it ourselves (refund-apply.ts).
  if (fullyRefunded) await releaseCouponUse(tx, order.id);
  await tx.orderEvent.create({
    data: {
      orderId: order.id,
      status,
      refundMinor: amountMinor,
      note: `Refund of ${amountMinor} ${order.currency} (minor units) confirmed by the payment provider. Stock was not returned.`,
    },
  });
  await recordBrandEvent(tx, order.brandId, 'order.refunded', {
    orderId: order.id,
    amountMinor,
    currency: order.currency,
    refundedMinor: orderRefundedMinor,
    status,
    reason: 'Confirmed by the payment provider',
  });
}
