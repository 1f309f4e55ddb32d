import { retryFailedJob } from '../../jobs/queue';
import { requireBrandMember } from '../brands';
import type { Actor, Db } from '../context';
import { AppError } from '../errors';
import { payoutPlan, reversalsDue } from '../stripe-payments';
import { maskAccount } from './accounts';
import { hostAccountsOf } from './payout-job';

// Connect payouts and reversals Stripe refused on every attempt (issue 21): the job queue keeps the failed job;
// the brand's Payments page lists it with what it was to move and Stripe's answer, and "Try again" runs it once
// more. Nothing is stored apart: the failed job is the record, and what it owes is read as its job would.

/** Enough for a page; a brand with more has a bigger problem than a list can show. */
const LIST_LIMIT = 50;

export interface FailedPayoutView {
  jobId: string;
  /** PAYOUT: money not yet sent to a connected account; REVERSAL: a refund's share not yet taken back from one. */
  kind: 'PAYOUT' | 'REVERSAL';
  orderId: string;
  orderNumber: number;
  /** What is still to move, per connected account (acct_••••1234); empty when nothing is owed any more. */
  steps: { destination: string; amountMinor: number }[];
  currency: string;
  /** Stripe's answer to the last attempt, as Stripe worded it. */
  stripeError: string;
  failedAt: Date;
}

interface FailedJobRow {
  id: string;
  kind: string;
  orderId: string;
  number: number;
  currency: string;
  lastError: string | null;
  failedAt: Date;
}

async function failedJobsOf(db: Db, brandId: string, jobId?: string): Promise<FailedJobRow[]> {
  return db.$queryRaw<FailedJobRow[]>`
    SELECT j."id", j."kind", o."id" AS "orderId", o."number", o."currency", j."lastError", j."failedAt"
      FROM "Job" j JOIN "Order" o ON o."id" = j."payload"->>'orderId'
     WHERE j."kind" IN ('stripe.payout', 'stripe.payout-reversal') AND j."failedAt" IS NOT NULL AND j."completedAt" IS NULL
       AND o."brandId" = ${brandId} AND (${jobId ?? null}::text IS NULL OR j."id" = ${jobId ?? null})
     ORDER BY j."failedAt" DESC
     LIMIT ${LIST_LIMIT}`;
}

/** The brand's Connect payouts and reversals that failed for good, newest first (owners only). */
export async function listFailedPayouts(db: Db, actor: Actor, slug: string): Promise<FailedPayoutView[]> {
  const { brandId } = await requireBrandMember(db, actor, { slug }, { owner: true });
  const jobs = await failedJobsOf(db, brandId);
  return Promise.all(
    jobs.map(async (job) => ({
      jobId: job.id,
      kind: job.kind === 'stripe.payout' ? ('PAYOUT' as const) : ('REVERSAL' as const),
      orderId: job.orderId,
      orderNumber: job.number,
      steps: await stillOwed(db, job),
      currency: job.currency,
      stripeError: job.lastError ?? '',
      failedAt: job.failedAt,
    })),
  );
}

async function stillOwed(db: Db, job: FailedJobRow): Promise<FailedPayoutView['steps']> {
  if (job.kind === 'stripe.payout-reversal')
    return (await reversalsDue(db, job.orderId)).map((due) => ({
      destination: maskAccount(due.transfer.destination) ?? '',
      amountMinor: due.amountMinor,
    }));
  const order = await db.order.findUnique({ where: { id: job.orderId }, select: { brand: { select: { stripeAccountId: true } } } });
  const { hostAccounts } = await hostAccountsOf(db, job.orderId);
  const planned = await payoutPlan(db, { enabled: true, brandAccount: order?.brand.stripeAccountId ?? null, hostAccounts }, job.orderId);
  const sent = new Set(
    (await db.stripeTransfer.findMany({ where: { orderId: job.orderId }, select: { destination: true } })).map((t) => t.destination),
  );
  return (planned?.plan ?? [])
    .filter((step) => !sent.has(step.destination))
    .map((step) => ({ destination: maskAccount(step.destination) ?? '', amountMinor: step.amountMinor }));
}

/**
 * "Try again": the failed job runs once more from its first attempt (owners only). queued false when it was
 * already re-queued (a second click, another tab): one conditional statement, so it is queued once.
 */
export async function retryFailedPayout(db: Db, actor: Actor, slug: string, jobId: string): Promise<{ queued: boolean }> {
  const { brandId } = await requireBrandMember(db, actor, { slug }, { owner: true });
  const [job] = await failedJobsOf(db, brandId, jobId);
  if (!job) {
    // Re-queued a moment ago (still this brand's job, no longer failed) or not this brand's at all.
    const queued = await db.$queryRaw<{ id: string }[]>`
      SELECT j."id" FROM "Job" j JOIN "Order" o ON o."id" = j."payload"->>'orderId'
       WHERE j."id" = ${jobId} AND j."kind" IN ('stripe.payout', 'stripe.payout-reversal') AND o."brandId" = ${brandId}`;
    if (queued.length === 0) throw new AppError('PAYOUT_FAILURE_NOT_FOUND', `no payout job ${jobId} of brand ${brandId}`);
    return { queued: false };
  }
  return { queued: await retryFailedJob(db, job.id) };
}
