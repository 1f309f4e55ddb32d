import type { JobHandler } from '../../jobs/context';
import type { LoadedStripe } from '../brand-payments';
import type { Db } from '../context';
import { payOutOrder, type PayoutReversal, type PayoutTransfer, reversePayoutOfOrder } from '../stripe-payments';

/** Opens a brand's Stripe account by its provider row (BrandPaymentRouter.stripeById). */
export type StripeOpener = (providerId: string) => Promise<LoadedStripe | null>;

export interface PayoutOutcome {
  transfers: PayoutTransfer[];
  skippedHosts: string[];
}

/**
 * The Connect payout of one paid order, queued by the statement that made it PAID (trigger
 * order_stripe_payout_job). payOutOrder records each transfer and sends it with an idempotency key
 * of order and destination, so a job that runs again (a retry after a crash between Stripe's answer
 * and our record) transfers nothing twice. Hosts without a connected account are recorded for the brand.
 */
export async function payOutPaidOrder(db: Db, openStripe: StripeOpener, orderId: string, retry = 0): Promise<PayoutOutcome | null> {
  const order = await db.order.findUnique({
    where: { id: orderId },
    select: { brandId: true, currency: true, brand: { select: { stripeAccountId: true, stripePayoutsEnabled: true } } },
  });
  // Switched off since the order was paid: the brand chose to settle by hand.
  if (!order?.brand.stripePayoutsEnabled) return null;
  const charged = await db.stripePayment.findFirst({ where: { orderId, status: 'CAPTURED' }, select: { providerId: true } });
  // Paid another way (test provider, a QR rail): nothing on the platform's Stripe balance to transfer.
  if (!charged) return null;
  const stripe = await openStripe(charged.providerId);
  if (!stripe) return null;
  const { credits, hostAccounts } = await hostAccountsOf(db, orderId);
  const transfers = await payOutOrder(
    db,
    stripe.provider,
    { enabled: true, brandAccount: order.brand.stripeAccountId, hostAccounts },
    orderId,
    retry,
  );
  const skipped = credits.filter((c) => (c._sum.amountMinor ?? 0) > 0 && !hostAccounts[c.hostId]);
  await db.stripePayoutSkip.createMany({
    data: skipped.map((c) => ({
      orderId,
      brandId: order.brandId,
      hostId: c.hostId,
      amountMinor: c._sum.amountMinor ?? 0,
      currency: order.currency,
    })),
    skipDuplicates: true,
  });
  return { transfers, skippedHosts: skipped.map((c) => c.hostId) };
}

/** The order's hosts' commission credits, and the connected accounts of those who have one. */
export async function hostAccountsOf(db: Db, orderId: string) {
  const credits = await db.commissionEntry.groupBy({ by: ['hostId'], where: { orderId }, _sum: { amountMinor: true } });
  const hosts = await db.user.findMany({
    where: { id: { in: credits.map((c) => c.hostId) }, stripeAccountId: { not: null } },
    select: { id: true, stripeAccountId: true },
  });
  const hostAccounts: Record<string, string> = Object.fromEntries(hosts.map((h) => [h.id, h.stripeAccountId!]));
  return { credits, hostAccounts };
}

/** The 'stripe.payout' job; without the app's payment router (openStripe null) it cannot reach Stripe and retries. */
export function stripePayoutJob(openStripe: StripeOpener | null): JobHandler<'stripe.payout'> {
  return async ({ orderId, retry }, ctx) => {
    if (!openStripe) throw new Error('stripe.payout needs the payment router (server/app.ts passes it)');
    const outcome = await payOutPaidOrder(ctx.db, openStripe, orderId, retry);
    ctx.log.info(
      { orderId, transfers: outcome?.transfers.length ?? 0, skippedHosts: outcome?.skippedHosts.length ?? 0 },
      'Stripe Connect payout',
    );
    return 'done';
  };
}

/** The refunded share of an order's Connect transfers taken back, in each Stripe account that paid them out. */
export async function reversePaidOutOrder(db: Db, openStripe: StripeOpener, orderId: string, retry = 0): Promise<PayoutReversal[]> {
  const accounts = await db.stripeTransfer.findMany({ where: { orderId }, distinct: ['providerId'], select: { providerId: true } });
  const done: PayoutReversal[] = [];
  for (const { providerId } of accounts) {
    const stripe = await openStripe(providerId);
    // Keys removed since the payout: nothing here can reach that account; the brand settles by hand.
    if (stripe) done.push(...(await reversePayoutOfOrder(db, stripe.provider, orderId, retry)));
  }
  return done;
}

/** The 'stripe.payout-reversal' job, queued by the statement that refunded or cancelled a paid-out order. */
export function stripePayoutReversalJob(openStripe: StripeOpener | null): JobHandler<'stripe.payout-reversal'> {
  return async ({ orderId, retry }, ctx) => {
    if (!openStripe) throw new Error('stripe.payout-reversal needs the payment router (server/app.ts passes it)');
    const reversals = await reversePaidOutOrder(ctx.db, openStripe, orderId, retry);
    ctx.log.info({ orderId, reversals: reversals.length }, 'Stripe Connect payout reversed');
    return 'done';
  };
}
