import type { Db } from '../context';
import { AppError } from '../errors';
import { finishReservedOrder, type FinishOutcome } from '../orders';
import type { StripePaymentProvider } from './stripe-provider';

export type CompletionOutcome = FinishOutcome;

/**
 * Finishes an order that waited for 3-D Secure, once Stripe says how it ended (its webhook, or the
 * buyer's page after stripe.handleNextAction). Safe to run twice and from both at once: the order
 * pipeline re-reads the PaymentIntent under the same payment key, captures at most once (Stripe's
 * idempotency key) and confirm_order confirms a PLACED order once.
 */
export async function completeStripePayment(db: Db, provider: StripePaymentProvider, paymentIntentId: string): Promise<CompletionOutcome> {
  const row = await db.stripePayment.findUnique({ where: { paymentIntentId } });
  if (!row?.orderId || row.providerId !== provider.providerId) return 'ALREADY_SETTLED';
  return finishReservedOrder(db, provider, row.orderId, row.paymentKey);
}

/** The buyer's own waiting order: their page calls this after completing the bank's check. */
export async function completeMyStripePayment(
  db: Db,
  provider: (providerId: string) => Promise<StripePaymentProvider | null>,
  buyerId: string,
  orderId: string,
): Promise<CompletionOutcome> {
  const row = await db.stripePayment.findFirst({ where: { orderId }, orderBy: { createdAt: 'desc' } });
  // Someone else's order reads as one that does not exist.
  if (!row || !row.paymentKey.startsWith(`${buyerId}:`))
    throw new AppError('ORDER_NOT_FOUND', `no Stripe payment of ${buyerId} for ${orderId}`);
  const stripe = await provider(row.providerId);
  if (!stripe) throw new AppError('ORDER_NOT_FOUND', `provider ${row.providerId} is gone`);
  return finishReservedOrder(db, stripe, orderId, row.paymentKey);
}

/** What the buyer's page needs to run stripe.handleNextAction for their waiting order. */
export async function pendingAuthentication(
  db: Db,
  buyerId: string,
  orderId?: string,
): Promise<{ orderId: string; providerId: string; clientSecret: string } | null> {
  const row = await db.stripePayment.findFirst({
    where: { status: 'REQUIRES_ACTION', paymentKey: { startsWith: `${buyerId}:` }, ...(orderId ? { orderId } : {}) },
    orderBy: { createdAt: 'desc' },
  });
  if (!row?.orderId || !row.clientSecret) return null;
  return { orderId: row.orderId, providerId: row.providerId, clientSecret: row.clientSecret };
}
