import type { Db } from '../context';
import { AppError } from '../errors';
import type { PaymentProvider } from '../payments';
import { announceSale } from './order-announcements';
import { chargeAndConfirm, orderFacts } from './order-pipeline';

export type FinishOutcome = 'PAID' | 'RELEASED' | 'WAITING' | 'ALREADY_SETTLED';

/**
 * Finishes a reserved order whose charge was left waiting on the provider (3-D Secure): the same
 * charge-and-confirm the buyer's tap ran, under the same payment key, so it asks the provider what
 * became of that charge instead of making another. PAID when the bank approved, RELEASED (units
 * back) when it refused, WAITING while the buyer has not finished, ALREADY_SETTLED when the order
 * is no longer PLACED (someone finished it first, or the sweeper gave it back).
 */
export async function finishReservedOrder(db: Db, payments: PaymentProvider, orderId: string, paymentKey: string): Promise<FinishOutcome> {
  const facts = await orderFacts(db, orderId);
  if (!facts || facts.orderStatus !== 'PLACED') return 'ALREADY_SETTLED';
  const buyer = await db.user.findUnique({ where: { id: paymentKey.slice(0, paymentKey.indexOf(':')) }, select: { locale: true } });
  try {
    await chargeAndConfirm(db, payments, { locale: buyer?.locale ?? null }, paymentKey, facts);
    // Finished off the sockets (Stripe's webhook, the buyer's page): the show hears of the sale as of a tap.
    await announceSale(db, orderId);
    return 'PAID';
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    if (error.reason === 'PAYMENT_AUTHENTICATION_REQUIRED') return 'WAITING';
    if (error.code === 'PAYMENT_DECLINED' || error.code === 'NO_PAYMENT_METHOD') return 'RELEASED';
    throw error;
  }
}
