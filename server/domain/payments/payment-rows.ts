import type { PaymentStatus } from '../../db/client';
import type { Db } from '../context';

type PaymentClient = Pick<Db, 'payment'>;

export interface PaymentRow {
  id: string;
  reference: string;
  amountMinor: number;
  refundedMinor: number;
}

export function paymentStatusAfterRefund(amountMinor: number, refundedMinor: number): PaymentStatus {
  if (refundedMinor <= 0) return 'CAPTURED';
  return refundedMinor >= amountMinor ? 'REFUNDED' : 'PARTIALLY_REFUNDED';
}

/**
 * The order's captured payment. Orders placed before Payment rows were written
 * (or whose row was lost) have only Order.paymentRef: their row is created here
 * from the order, which is what was charged.
 */
export async function ensurePaymentRow(
  db: PaymentClient,
  provider: string,
  order: { id: string; paymentRef: string | null; totalMinor: number; refundedMinor: number; currency: string },
): Promise<PaymentRow | null> {
  const select = { id: true, reference: true, amountMinor: true, refundedMinor: true } as const;
  const existing = await db.payment.findFirst({
    where: { orderId: order.id, status: { in: ['CAPTURED', 'PARTIALLY_REFUNDED', 'REFUNDED'] } },
    orderBy: { createdAt: 'asc' },
    select,
  });
  if (existing || !order.paymentRef) return existing;
  await db.payment.createMany({
    data: [
      {
        orderId: order.id,
        provider,
        reference: order.paymentRef,
        amountMinor: order.totalMinor,
        currency: order.currency,
        refundedMinor: order.refundedMinor,
        status: paymentStatusAfterRefund(order.totalMinor, order.refundedMinor),
      },
    ],
    skipDuplicates: true,
  });
  return db.payment.findUnique({ where: { reference: order.paymentRef }, select });
}
