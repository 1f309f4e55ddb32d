import type { Prisma } from '../../db/client';
import type { JobHandler } from '../../jobs/context';
import type { JobPayload } from '../../jobs/kinds';
import type { LoadedStripe } from '../brand-payments';

/** A buyer's Customer in one brand's Stripe account: deleting it there detaches every card saved on it. */
export interface StripeCustomerRef {
  providerId: string;
  customerId: string;
}

/**
 * The domain event account.deleted, recorded in the deletion's own transaction as a job, so what must
 * follow outside our database (the provider's copy of saved cards) happens exactly when the deletion
 * committed, and is retried until it did. The payload names ids only, never the person.
 */
export async function recordAccountDeleted(tx: Prisma.TransactionClient, payload: JobPayload<'account.deleted'>): Promise<void> {
  await tx.job.createMany({
    data: [{ kind: 'account.deleted', payload: { ...payload }, dedupeKey: `account.deleted:${payload.userId}` }],
    skipDuplicates: true,
  });
}

/** Opens a brand's Stripe account by its provider row (BrandPaymentRouter.stripeById); null when it has none any more. */
export type StripeOpener = (providerId: string) => Promise<LoadedStripe | null>;

/**
 * Deletes the person's Customers at each brand's Stripe. A Customer already gone counts as done, so a
 * retry after a partial run is harmless; a brand that removed its Stripe keys cannot be reached and
 * is logged, since nothing here can ever reach it again.
 */
export function accountDeletedJob(openStripe: StripeOpener | null): JobHandler<'account.deleted'> {
  return async ({ userId, stripeCustomers }, ctx) => {
    for (const { providerId, customerId } of stripeCustomers) {
      const stripe = openStripe ? await openStripe(providerId) : null;
      if (!stripe) {
        ctx.log.warn({ userId, providerId }, 'deleted account: Stripe customer left at a brand whose Stripe keys are gone');
        continue;
      }
      try {
        await stripe.provider.stripe.customers.del(customerId);
      } catch (error) {
        if ((error as { code?: string }).code !== 'resource_missing') throw error;
      }
    }
    return 'done';
  };
}
